"""The Gateway's rules, without HTTP: profiles, requests, accepting into a Gateway team, blocks, reports, support."""

import re

import pytest
from sqlalchemy import select

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.enquiries.models import Team, TeamMember
from portal.enquiries.plan_models import Enquiry
from portal.enquiries.themes import set_link_officer
from portal.extensions import db
from portal.gateway import queries, services
from portal.gateway.models import GatewayTeam, MisuseReport
from portal.gateway.ranking import Filters
from tests.factories import authority
from tests.support.smtp import Mailbox
from tests.support.sql import sqlite_plan, statements

from .conftest import SCIENCES


def _send(app, profile, actor, message="Shall we work together?", team=None):
    with app.test_request_context():
        req = services.send_request(profile, actor=actor, message=message, team=team)
        db.session.commit()
        return req


def _decide(app, req, actor, accept=True):
    with app.test_request_context():
        team = services.decide_request(req, actor=actor, accept=accept)
        db.session.commit()
        return team


def test_profile_copies_la_and_sector_and_needs_an_interest(people, publish):
    assert people.ailsa_profile.authority_id == authority("renfrewshire").id
    assert people.ailsa_profile.sector == "Primary"
    with pytest.raises(ServiceError) as refused:
        publish(people.fraser, interests=(), hunch="")
    assert {field for field, _ in refused.value.errors} == {"hunch", "themes"}


def test_only_a_senior_leader_publishes_for_an_establishment(people, publish, make_user):
    with pytest.raises(ServiceError):
        publish(people.ewan, kind="establishment")
    leader = make_user(Role.SENIOR_LEADER, Role.PRACTITIONER)
    assert publish(leader, kind="establishment").kind == "establishment"


def test_suggestions_prefer_shared_interest_and_other_las_and_hide_paused(
    people, publish, make_user, make_establishment
):
    scientist = make_user(Role.PRACTITIONER, establishment=make_establishment(authority_slug="inverclyde"))
    publish(scientist, interests=(SCIENCES,), hunch="Fieldwork in S2")
    neighbour = make_user(Role.PRACTITIONER)  # Glasgow, like Ewan
    publish(neighbour)
    rows = queries.suggestions(people.ewan, people.ewan_profile, Filters())
    assert [p.owner_id for p, _, _ in rows] == [people.ailsa.id, neighbour.id, scientist.id]
    services.set_status(people.ailsa_profile, "paused", actor=people.ailsa)
    db.session.commit()
    rows = queries.suggestions(people.ewan, people.ewan_profile, Filters())
    assert people.ailsa.id not in [p.owner_id for p, _, _ in rows]


def test_request_and_accept_form_a_gateway_team_with_an_enquiry(app, people, mailbox):
    req = _send(app, people.ailsa_profile, people.ewan)
    invitation = mailbox.last_to("ailsa@test.example.org")
    assert "ewan@test.example.org" not in Mailbox.body(invitation)  # no address before acceptance
    team = _decide(app, req, people.ailsa)
    assert team.kind == "gateway" and req.status == "accepted" and req.team_id == team.id
    members = set(db.session.scalars(select(TeamMember.user_id).where(TeamMember.team_id == team.id)))
    assert members == {people.ewan.id, people.ailsa.id}
    assert db.session.scalar(select(Enquiry).where(Enquiry.team_id == team.id)) is not None
    assert db.session.get(GatewayTeam, team.id).tier == "independent"
    assert "ailsa@test.example.org" in Mailbox.body(mailbox.last_to("ewan@test.example.org"))


def test_a_third_person_joins_the_senders_gateway_team(app, people, publish, make_user, make_establishment):
    team = _decide(app, _send(app, people.ailsa_profile, people.ewan), people.ailsa)
    third = make_user(Role.PRACTITIONER, establishment=make_establishment(authority_slug="inverclyde"))
    third_profile = publish(third)
    again = _decide(app, _send(app, third_profile, people.ewan, team=team), third)
    assert again.id == team.id
    assert db.session.scalar(select(db.func.count()).select_from(TeamMember).where(TeamMember.team_id == team.id)) == 3


def test_partners_are_not_suggested_again(app, people):
    _decide(app, _send(app, people.ailsa_profile, people.ewan), people.ailsa)
    assert queries.suggestions(people.ewan, people.ewan_profile, Filters()) == []  # who sent the request
    assert queries.suggestions(people.ailsa, people.ailsa_profile, Filters()) == []  # and who accepted it


def test_declining_is_quiet(app, people, mailbox):
    req = _send(app, people.ailsa_profile, people.ewan)
    mailbox.clear()
    assert _decide(app, req, people.ailsa, accept=False) is None
    assert req.status == "declined"
    assert mailbox.messages == []
    assert db.session.scalar(select(Team.id).where(Team.kind == "gateway")) is None


def test_only_the_recipient_answers_and_only_once(app, people):
    req = _send(app, people.ailsa_profile, people.ewan)
    with pytest.raises(ServiceError):
        services.decide_request(req, actor=people.ewan, accept=True)
    _decide(app, req, people.ailsa, accept=False)
    with pytest.raises(ServiceError):
        services.decide_request(req, actor=people.ailsa, accept=True)


def test_no_request_without_own_profile_to_paused_or_twice(app, people, publish):
    with pytest.raises(ServiceError, match="Publish your own profile"):
        _send(app, people.ailsa_profile, people.fraser)
    _send(app, people.ailsa_profile, people.ewan)
    with pytest.raises(ServiceError, match="already sent"):
        _send(app, people.ailsa_profile, people.ewan)
    services.set_status(people.ewan_profile, "paused", actor=people.ewan)
    with pytest.raises(ServiceError, match="not taking requests"):
        _send(app, people.ewan_profile, people.ailsa)


def test_block_hides_both_ways_closes_requests_and_refuses_new_ones(app, people):
    req = _send(app, people.ailsa_profile, people.ewan)
    services.block(people.ewan, actor=people.ailsa)
    db.session.commit()
    assert req.status == "declined"
    for actor, seeker in ((people.ewan, people.ewan_profile), (people.ailsa, people.ailsa_profile)):
        assert queries.suggestions(actor, seeker, Filters()) == []
    with pytest.raises(ServiceError, match="not taking requests"):
        _send(app, people.ailsa_profile, people.ewan, message="Again")


def test_withdrawing_closes_waiting_requests(app, people):
    req = _send(app, people.ailsa_profile, people.ewan)
    services.set_status(people.ailsa_profile, "withdrawn", actor=people.ailsa)
    assert req.status == "declined"


def test_report_misuse_tells_the_lead_officer(app, people, mailbox):
    with app.test_request_context():
        services.report_misuse(people.ewan, actor=people.ailsa, reason="Sent me advertising")
    assert db.session.scalar(select(MisuseReport.reason)) == "Sent me advertising"
    assert "Sent me advertising" in Mailbox.body(mailbox.last_to("lead@test.example.org"))
    with pytest.raises(ServiceError):
        services.report_misuse(people.ewan, actor=people.ailsa, reason=" ")


def test_support_from_the_link_officer_records_tier_and_asks_them(app, people, make_user, mailbox):
    team = _decide(app, _send(app, people.ailsa_profile, people.ewan), people.ailsa)
    officer = make_user(Role.LA_OFFICER, authority_slug="renfrewshire", email="officer@test.example.org")
    set_link_officer(officer.authority_id, officer, actor=people.admin)
    with app.test_request_context():
        services.ask_for_support(team, actor=people.ewan, tier="la", support_from="link_officer", note="Data help")
    record = db.session.get(GatewayTeam, team.id)
    assert record.tier == "la" and record.support_requested_at is not None
    assert "Data help" in Mailbox.body(mailbox.last_to("officer@test.example.org"))
    with pytest.raises(ServiceError):
        services.ask_for_support(team, actor=people.fraser, tier="la", support_from="", note="")


def test_uptake_suppresses_small_numbers_and_scopes_la_officers(app, people, make_user, publish, make_establishment):
    for _ in range(4):
        publish(make_user(Role.PRACTITIONER, establishment=make_establishment(authority_slug="renfrewshire")))
    figures = dict(queries.uptake(people.admin).by_authority)
    assert figures["Renfrewshire"]["profiles"] == 5
    assert figures["Glasgow City"]["profiles"] is None  # one person: fewer than 5
    officer = make_user(Role.LA_OFFICER, authority_slug="renfrewshire")
    scoped = queries.uptake(officer)
    assert [name for name, _ in scoped.by_authority] == ["Renfrewshire"]
    assert dict(scoped.by_sector)["Primary"]["profiles"] == 5
    assert scoped.by_month[0][1]["profiles"] == 5


def test_the_warm_index_sees_new_and_changed_profiles(people, publish, make_user, make_establishment):
    assert [p.owner_id for p, _, _ in queries.suggestions(people.ewan, people.ewan_profile, Filters())] == [
        people.ailsa.id
    ]
    newcomer = make_user(Role.PRACTITIONER, establishment=make_establishment(authority_slug="inverclyde"))
    publish(newcomer)
    publish(people.ailsa, interests=(SCIENCES,), hunch="Fieldwork")  # saved again: no shared interest now
    rows = queries.suggestions(people.ewan, people.ewan_profile, Filters())
    assert [p.owner_id for p, _, _ in rows] == [newcomer.id, people.ailsa.id]


def test_connected_either_way_once_accepted_asked_through_a_persons_index(app, people):
    from portal.gateway.access import is_connected

    req = _send(app, people.ailsa_profile, people.ewan)
    assert not is_connected(people.ewan.id, people.ailsa.id)  # asked, not yet accepted
    _decide(app, req, people.ailsa)
    assert is_connected(people.ewan.id, people.ailsa.id) and is_connected(people.ailsa.id, people.ewan.id)
    if db.engine.dialect.name == "sqlite":  # not every request of the status: 1 ms on the scale data, now 0.03
        with statements() as seen:
            is_connected(people.ewan.id, people.ailsa.id)
        plan = sqlite_plan(seen[-1], seen.parameters[-1])
        lookups = re.findall(r"USING INDEX ix_gateway_request_(?:sender|recipient)_id", plan)
        assert "ix_gateway_request_status" not in plan and len(lookups) == 2, plan


def test_own_profiles_reads_every_kind_in_one_statement(people, publish, make_user):
    leader = make_user(Role.SENIOR_LEADER, Role.PRACTITIONER)
    mine, school = publish(leader), publish(leader, kind="establishment")
    leader.id  # noqa: B018 (loaded before counting)
    with statements() as sent:
        found = services.own_profiles(leader)
    assert len(sent) == 1
    assert {kind: p.id if p else None for kind, p in found.items()} == {"person": mine.id, "establishment": school.id}
    assert services.own_profiles(people.fraser) == {"person": None, "establishment": None}
