"""Cohort services without HTTP: cohorts, nominations, people, proceeding past rules, survey, confidence."""

import pytest
from sqlalchemy import select

from portal.cohorts import services, survey
from portal.cohorts.models import RuleWaiver, SurveyReminder
from portal.cohorts.rules import CONFIDENCE_ITEMS, SUGGESTED_INTERESTS
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from tests.cohorts.helpers import fill, make_cohort


def fields(error):
    return {f for f, _ in error.value.errors}


def test_save_cohort_checks_year_letter_and_interests(app, make_user):
    admin = make_user(Role.ADMIN)
    with pytest.raises(ServiceError) as error:
        services.save_cohort(None, actor=admin, school_year="2026/27", letter="C", interests="a")
    assert fields(error) == {"school_year"}
    cohort = services.save_cohort(None, actor=admin, school_year="2026-27", letter="a", interests="X\nY\nZ")
    assert cohort.name == "2026-27 A" and cohort.interests == ["X", "Y", "Z"]
    with pytest.raises(ServiceError) as error:
        services.save_cohort(None, actor=admin, school_year="2026-27", letter="A", interests="X\nY\nZ")
    assert "already exists" in str(error.value)
    with pytest.raises(ServiceError):
        services.save_cohort(
            None, actor=make_user(Role.LA_OFFICER), school_year="2027-28", letter="A", interests="X\nY\nZ"
        )


def test_officers_nominate_their_own_la_only_and_at_most_ten(app, make_user, make_establishment):
    cohort = make_cohort()
    officer = make_user(Role.LA_OFFICER)  # Glasgow City
    elsewhere = make_establishment(authority_slug="inverclyde")
    with pytest.raises(ServiceError):
        services.nominate(cohort, elsewhere, actor=officer)
    for _ in range(10):
        services.nominate(cohort, make_establishment(), actor=officer)
    with pytest.raises(ServiceError) as error:
        services.nominate(cohort, make_establishment(), actor=officer)
    assert "at most 10" in str(error.value)


def test_naming_people_existing_or_invited(app, make_user, make_establishment, mailbox):
    cohort = make_cohort()
    officer = make_user(Role.LA_OFFICER)
    est = make_establishment()
    nomination = services.nominate(cohort, est, actor=officer)
    teacher = make_user(Role.PRACTITIONER, establishment=est)
    with pytest.raises(ServiceError) as error:
        services.name_person(nomination, "leader", actor=officer, person=teacher)
    assert "promoted" in str(error.value)
    services.name_person(nomination, "practitioner", actor=officer, person=teacher)
    with app.test_request_context():
        leader = services.name_person(
            nomination, "leader", actor=officer, name="New Depute", email="new.depute@school.example.org"
        )
    db.session.commit()
    assert leader.promoted and leader.establishment_id == est.id and Role.SENIOR_LEADER in leader.roles
    assert "invited" in mailbox.last_to("new.depute@school.example.org")["Subject"]
    stranger = make_user(Role.PRACTITIONER)
    with pytest.raises(ServiceError) as error:
        services.name_person(nomination, "practitioner", actor=officer, person=stranger)
    assert "does not work at" in str(error.value)


def test_proceeding_needs_a_reason_for_soft_rules_and_refuses_hard_ones(app, make_user):
    admin = make_user(Role.ADMIN)
    cohort = make_cohort()
    fill(cohort, per_la=2)  # 16 establishments: too few, each LA under 3
    with pytest.raises(ServiceError) as error:
        services.advance(cohort, actor=admin)
    assert fields(error) == {"reason"}
    services.advance(cohort, actor=admin, reason="A pilot cohort with the LAs who volunteered.")
    db.session.commit()
    waived = {w.rule for w in db.session.scalars(select(RuleWaiver))}
    assert waived == {"establishments", "authorities"} and cohort.stage == "survey"


def test_hard_rule_blocks(app, make_user):
    cohort = make_cohort()
    fill(cohort, per_la=7)  # 112 participants
    with pytest.raises(ServiceError) as error:
        services.advance(cohort, actor=make_user(Role.ADMIN), reason="We really want to go ahead.")
    assert "At most 100 participants" in str(error.value)


def test_survey_answers_status_and_reminders(app, make_user, mailbox):
    admin = make_user(Role.ADMIN)
    cohort = make_cohort(stage="survey")
    noms = fill(cohort, per_la=1, answered=False)
    person = noms[0].leader
    with pytest.raises(ServiceError) as error:
        survey.answer_interests(cohort, person, ranked=[SUGGESTED_INTERESTS[0]] * 3, hunch="")
    assert fields(error) == {"second", "third", "hunch"}
    survey.answer_interests(cohort, person, ranked=list(SUGGESTED_INTERESTS[:3]), hunch="Does play help?")
    db.session.commit()
    assert sum(1 for r in survey.survey_status(cohort) if r["response"] is None) == 15
    with app.test_request_context():
        assert survey.send_reminders(cohort, actor=admin) == 15
    assert not mailbox.to(person.email)
    assert "interests survey" in mailbox.last_to(noms[1].practitioner.email)["Subject"]
    assert db.session.scalar(select(SurveyReminder.recipients)) == 15
    with pytest.raises(ServiceError):
        survey.answer_interests(cohort, make_user(Role.PRACTITIONER), ranked=list(SUGGESTED_INTERESTS[:3]), hunch="x")


def test_confidence_pairs_and_flags(app, make_user):
    cohort = make_cohort(stage="survey")
    person = fill(cohort, per_la=1)[0].leader
    full = {k: 3 for k, _ in CONFIDENCE_ITEMS}
    with pytest.raises(ServiceError):
        survey.answer_confidence(cohort, person, phase="end", answers=full)
    with pytest.raises(ServiceError) as error:
        survey.answer_confidence(cohort, person, phase="start", answers={**full, "observe": 7})
    assert fields(error) == {"observe"}
    survey.answer_confidence(cohort, person, phase="start", answers=full)
    survey.answer_confidence(cohort, person, phase="end", answers={**full, "question": 5})
    admin = make_user(Role.ADMIN)
    survey.flag_future_facilitator(cohort, person, actor=admin, flagged=True)
    db.session.commit()
    from portal.cohorts import queries

    assert queries.confidence_pairs(cohort)[0][1]["question"] == 5
    assert queries.flagged_ids(cohort) == {person.id}
    with pytest.raises(ServiceError):
        survey.flag_future_facilitator(cohort, make_user(Role.PRACTITIONER), actor=admin, flagged=True)


def test_network_cohort_events_have_their_own_times_and_dates_between_launch_and_sharing(app, make_user):
    from datetime import date, time

    from portal.cohorts import services as cohort_services
    from portal.cohorts import sessions as cohort_sessions
    from portal.core.forms import ServiceError

    admin = make_user(Role.ADMIN)
    dates = {"launch_on": date(2031, 9, 3), "matching_on": date(2031, 10, 8), "sharing_on": date(2032, 5, 12)}
    cohort = cohort_services.save_cohort(
        None, actor=admin, school_year="2031-32", letter="A", interests="Play\nNumeracy\nWellbeing", dates=dates
    )
    times = {e.kind: (e.starts_at.time(), e.ends_at.time()) for e in cohort_sessions.cohort_events(cohort)}
    assert times["network-launch"] != times["network-matching"]
    assert times["network-sharing"] == (time(9, 0), time(12, 0))
    with pytest.raises(ServiceError) as refused:
        cohort_services.save_cohort(
            cohort,
            actor=admin,
            school_year="2031-32",
            letter="A",
            interests="Play\nNumeracy\nWellbeing",
            dates=dates | {"matching_on": date(2031, 8, 27)},
        )
    assert refused.value.errors[0] == (
        "matching_on",
        "Matching event cannot be before the launch on Wednesday 3 September 2031.",
    )
