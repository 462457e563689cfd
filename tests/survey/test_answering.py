"""Answering once, anonymously: a link works once, nothing ties an answer to a person (every table read),
versions are copied once answered, reminders go once and only to non-respondents, imports are all or nothing."""

import json
from datetime import date, datetime

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import OperationalError

from portal.core.forms import ServiceError
from portal.core.mail import OutboxMessage
from portal.extensions import db
from portal.survey import services
from portal.survey.models import SurveyInvitation, SurveyResponse, SurveyVersion
from portal.survey.queries import latest_version
from tests.survey.conftest import TODAY, about, answers_for, invite, respond, token_for


def test_a_link_answers_once_and_a_person_cannot_answer_twice(survey, make_establishment):
    school = make_establishment()
    token = invite(survey, "ann@school.example.org", school)
    invitation = services.find_invitation(token)
    respond(survey, invitation, school)
    assert services.find_invitation(token) is None  # the token is forgotten
    with pytest.raises(ServiceError, match="each person answers once"):
        services.submit(
            survey,
            via=invitation,
            version="staff",
            answers=answers_for(survey, "staff"),
            about=about(school),
            open_answer="",
            today=TODAY,
        )
    db.session.rollback()
    # Opening it again from the portal is refused too, and a second invitation is never made.
    assert (
        services.invite(survey, email="ANN@school.example.org", establishment=school, version="staff", today=TODAY)
        is False
    )
    assert db.session.scalar(select(db.func.count()).select_from(SurveyResponse)) == 1


def test_signed_in_member_cannot_answer_twice_from_the_portal(survey, make_user):
    person = make_user()
    token = services.open_from_portal(survey, person, today=TODAY)
    db.session.commit()
    respond(survey, services.find_invitation(token), person.establishment)
    with pytest.raises(ServiceError, match="You have answered"):
        services.open_from_portal(survey, person, today=TODAY)


def _snapshot() -> dict:
    """Every row of every table, as text."""
    tables = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(table.select()).mappings().all()
        tables[table.name] = [{k: v for k, v in row.items()} for row in rows]
    return tables


def test_every_table_read_finds_no_link_from_answer_to_person(survey, make_establishment, app):
    school = make_establishment()
    tokens = {f"p{n}@school.example.org": invite(survey, f"p{n}@school.example.org", school) for n in range(3)}
    before = _snapshot()
    for n, token in enumerate(tokens.values()):
        respond(survey, services.find_invitation(token), school, value=n + 1, open_answer=f"written {n}")
    after = _snapshot()

    # The response table holds no person, invitation, e-mail, token or time; its key is random, not a sequence.
    columns = {c["name"] for c in inspect(db.engine).get_columns("cfc_response")}
    assert not {c for c in columns if any(w in c for w in ("user", "person", "email", "invitation", "token", "_at"))}
    responses = after["cfc_response"]
    assert len(responses) == 3
    for row in responses:
        assert len(row["id"]) == 32 and not row["id"].isdigit()
        assert not any(isinstance(v, datetime | date) for v in row.values())
    if db.engine.dialect.name == "sqlite":  # stored in key order: no hidden rowid keeps the arrival order
        with pytest.raises(OperationalError):
            db.session.execute(text("SELECT rowid FROM cfc_response")).all()
        db.session.rollback()

    # Apart from the new responses, the only change anywhere is each invitation's day (and its token gone).
    for name in after:
        if name in ("cfc_response", "cfc_version"):
            continue
        if name == "figures_change":  # the report figures' change marker: an id only (no time, no reference)
            assert all(set(row) == {"id"} for row in after[name])
            continue
        if name == "cfc_invitation":
            for old, new in zip(before[name], after[name], strict=True):
                changed = {k for k in new if new[k] != old[k]}
                assert changed == {"answered_on", "token_hash"}
                assert type(new["answered_on"]) is date and new["token_hash"] is None
            continue
        assert after[name] == before[name], f"{name} changed when answers were sent"

    # No value of any other table names a response, and no response names anything of an invitation.
    ids = {r["id"] for r in responses}
    identifying = {"id", "email", "token_hash", "invited_on", "answered_on"}
    invitation_values = {
        str(v) for row in after["cfc_invitation"] for k, v in row.items() if k in identifying and v is not None
    }
    for name, rows in after.items():
        if name != "cfc_response":
            assert not ids & {str(v) for row in rows for v in row.values()}
    for row in responses:
        assert not {str(row[k]) for k in ("id", "answers", "open_answer")} & invitation_values
        assert not any(str(v) in row["answers"] or str(v) == row["id"] for v in invitation_values if len(str(v)) > 3)


def test_answered_versions_are_copied_before_an_edit(survey, make_establishment):
    school = make_establishment()
    first = latest_version(survey)
    key = first.items[0].key
    services.update_item(
        survey, key, theme="planning", audience="both", text="Reworded before anyone answered.", actor=None
    )
    assert latest_version(survey).id == first.id  # not answered yet: edited in place
    respond(survey, services.find_invitation(invite(survey, "a@x.example.org", school)), school)
    services.update_item(survey, key, theme="planning", audience="both", text="Reworded after answers.", actor=None)
    db.session.commit()
    versions = db.session.scalars(select(SurveyVersion).where(SurveyVersion.survey_id == survey.id)).all()
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].items[0].text == "Reworded before anyone answered."
    response = db.session.scalar(select(SurveyResponse))
    assert response.version_id == versions[0].id and key in json.loads(response.answers)


def test_reminders_go_once_and_only_to_people_who_have_not_answered(survey, make_establishment):
    school = make_establishment()
    invite(survey, "done@x.example.org", school)
    invite(survey, "later@x.example.org", school)
    respond(survey, services.find_invitation(token_for("done@x.example.org")), school)
    db.session.execute(db.update(SurveyInvitation).values(invited_on=date(2000, 1, 1)))
    assert services.remind(TODAY) == 1
    assert services.remind(TODAY) == 0
    db.session.commit()
    reminded = db.session.scalars(select(OutboxMessage.to_address).where(OutboxMessage.subject.like("Reminder%"))).all()
    assert reminded == ["later@x.example.org"]


def test_invitation_import_is_all_or_nothing(survey, make_establishment):
    school = make_establishment()
    bad = services.import_invitations(
        survey, school, b"email,version\na@x.example.org,staff\nb@x,boss\n", today=TODAY, actor=None
    )
    assert [e.line for e in bad.errors] == [3]
    db.session.rollback()
    good = services.import_invitations(
        survey, school, b"email,version\na@x.example.org,staff\nb@x.example.org,slt\n", today=TODAY, actor=None
    )
    db.session.commit()
    assert good.created == 2
    assert db.session.scalar(select(db.func.count()).select_from(SurveyInvitation)) == 2


def test_open_link_stops_at_its_cap(survey, make_establishment):
    school = make_establishment()
    link = services.create_open_link(survey, school, cap=2, actor=None)
    db.session.commit()
    respond(survey, link, school)
    respond(survey, link, school, version="slt")
    with pytest.raises(ServiceError, match="all the responses"):
        respond(survey, link, school)


def test_data_rights_export_the_invitation_and_erase_it_but_never_an_answer(survey, make_user, app):
    from portal.survey import privacy

    person = make_user()
    token = services.open_from_portal(survey, person, today=TODAY)
    db.session.commit()
    respond(survey, services.find_invitation(token), person.establishment)
    exported = privacy.export(person)["survey_invitations"]
    assert exported == [{"school_year": 2026, "invited_on": TODAY, "reminded_on": None, "answered_on": TODAY}]
    privacy.erase(person)
    db.session.commit()
    assert privacy.export(person) == {"survey_invitations": []}
    assert db.session.scalar(select(db.func.count()).select_from(SurveyResponse)) == 1  # anonymous: it stays


def test_remind_command_runs_from_the_scheduler(survey, make_establishment, app):
    school = make_establishment()
    invite(survey, "late@x.example.org", school)
    db.session.execute(db.update(SurveyInvitation).values(invited_on=date(2000, 1, 1)))
    db.session.commit()
    runner = app.test_cli_runner()
    assert "1 survey reminders sent." in runner.invoke(args=["survey", "remind"]).output
    assert "0 survey reminders sent." in runner.invoke(args=["survey", "remind"]).output
