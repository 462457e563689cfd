"""Network teams use the enquiries' plan and evidence; a cohort's core dates are bookable events."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.cohorts import publishing, services, sessions
from portal.cohorts.models import CohortTeam, Nomination
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.enquiries import teams as enquiry_teams
from portal.enquiries.models import Team, TeamFacilitator, TeamMember
from portal.enquiries.plan_models import Enquiry
from portal.events import services as events
from portal.events.policies import can_book
from portal.extensions import db
from tests.cohorts.helpers import fill, make_cohort


def _publish(admin, per_la=1, year="2026-27", start=0, teams=2) -> list[CohortTeam]:
    cohort = make_cohort(year=year, stage="matching")
    ids = [n.id for n in fill(cohort, per_la=per_la, start=start)]
    created = publishing.publish(
        cohort,
        actor=admin,
        plan_teams=[ids[i::teams] for i in range(teams)],
        dominant=[["Numeracy", "Literacy"]] * teams,
        notify=False,
    )
    db.session.commit()
    return created


def _people(cohort_team) -> set[int]:
    noms = db.session.scalars(select(Nomination).where(Nomination.team_id == cohort_team.id))
    return {p.id for n in noms for p in n.people}


def _facilitators(team_id) -> set[int]:
    return set(db.session.scalars(select(TeamFacilitator.user_id).where(TeamFacilitator.team_id == team_id)))


def test_publishing_creates_network_teams_with_members_and_facilitator(app, make_user):
    created = _publish(make_user(Role.ADMIN))
    assert len(created) == 2
    for cohort_team in created:
        team = db.session.get(Team, cohort_team.team_id)
        assert team.kind == "network" and team.theme_id is None and cohort_team.cohort.name in team.name
        members = set(db.session.scalars(select(TeamMember.user_id).where(TeamMember.team_id == team.id)))
        assert members == _people(cohort_team) and len(members) == 8  # both people of 4 establishments
        assert _facilitators(team.id) == {cohort_team.facilitator_id}
        assert db.session.scalar(select(Enquiry).where(Enquiry.team_id == team.id)) is not None


def test_changing_the_facilitator_changes_the_network_teams(app, make_user):
    admin = make_user(Role.ADMIN)
    first, second = _publish(admin)
    moving = second.facilitator_id
    publishing.reassign_facilitator(first, moving, actor=admin)
    db.session.commit()
    assert _facilitators(first.team_id) == {moving}
    assert _facilitators(second.team_id) == set()  # one team each: the other waits for a new facilitator


def test_cohort_dates_become_events_that_participants_book(app, make_user):
    admin = make_user(Role.ADMIN)
    cohort = make_cohort()
    nom = fill(cohort, per_la=1)[0]
    dates = {"launch_on": date(2030, 9, 3), "sharing_on": date(2031, 3, 20), "survey_opens_on": date(2030, 9, 4)}
    args = dict(actor=admin, school_year=cohort.school_year, letter="A", interests="A\nB\nC")
    services.save_cohort(cohort, **args, dates=dates)
    db.session.commit()
    found = sessions.cohort_events(cohort)
    assert [e.title for e in found] == ["Network cohort 2026-27 A: Launch", "Network cohort 2026-27 A: Sharing event"]
    assert found[0].starts_at == datetime(2030, 9, 3, 9, 30) and found[0].ends_at == datetime(2030, 9, 3, 12)
    launch, sharing = found
    events.update_event(launch, actor=admin, starts_at=datetime(2030, 9, 3, 9), ends_at=datetime(2030, 9, 3, 15))
    services.save_cohort(cohort, **args, dates={"launch_on": date(2030, 9, 10)})
    db.session.commit()
    assert (launch.starts_at, launch.ends_at) == (datetime(2030, 9, 10, 9), datetime(2030, 9, 10, 15))  # times kept
    assert sharing.cancelled and not launch.cancelled and len(sessions.cohort_events(cohort)) == 2
    assert can_book(nom.practitioner, launch) and can_book(make_user(Role.LA_OFFICER), launch)
    assert not can_book(make_user(Role.PRACTITIONER), launch)
    booking = events.book(launch, nom.leader, actor=nom.leader)
    assert booking.status == "booked"


def _count(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return int(response.headers["X-Query-Count"])


def test_team_space_links_to_the_network_teams_plan_and_evidence(client, login, make_user, htmx_get):
    cohort_team = _publish(make_user(Role.ADMIN))[0]
    cohort_team.enquiry_question = "Will number talks raise confidence?"
    db.session.commit()
    member = db.session.scalar(select(Nomination).where(Nomination.team_id == cohort_team.id)).practitioner
    login(member)
    space = client.get(f"/cohort-teams/{cohort_team.id}").get_data(as_text=True)
    plan_url = f"/enquiries/teams/{cohort_team.team_id}/plan"
    assert "Data collection plan and evidence" in space and f'href="{plan_url}?step=measures#measures"' in space
    assert "arrive with the enquiry record" not in space
    for url in (
        plan_url,
        f"/enquiries/teams/{cohort_team.team_id}/evidence",
        f"/enquiries/teams/{cohort_team.team_id}/summary",
        f"/enquiries/teams/{cohort_team.team_id}",
    ):
        page = client.get(url)
        text = page.get_data(as_text=True)
        assert page.status_code == 200 and "cohort 2026-27 A, Team 1" in text
        assert f'href="/cohort-teams/{cohort_team.id}"' in text  # back to the team space
    plan = client.get(plan_url).get_data(as_text=True)
    assert "Will number talks raise confidence?" in plan and "Our enquiry question" in plan  # shown, stored once
    assert "Collaborative Learning Network cohort 2026-27 A" in client.get("/enquiries/teams").get_data(as_text=True)
    new = client.post(
        f"/enquiries/teams/{cohort_team.team_id}/measures/new",
        data={"name": "Confidence", "kind": "quantitative", "shows": "outcome", "baseline": "40"},
    )
    assert new.status_code == 303 and "Confidence" in client.get(plan_url).get_data(as_text=True)


def test_network_plan_page_for_its_facilitator_and_not_for_others(client, login, make_user):
    cohort_team = _publish(make_user(Role.ADMIN))[0]
    plan_url = f"/enquiries/teams/{cohort_team.team_id}/plan"
    login(db.session.get(User, cohort_team.facilitator_id))
    page = client.get(plan_url)
    assert page.status_code == 200 and "Data collection plan" in page.get_data(as_text=True)
    login(make_user(Role.PRACTITIONER))
    assert client.get(plan_url).status_code == 403
    assert client.get(f"/enquiries/teams/{cohort_team.team_id}/evidence").status_code == 403
    assert client.get("/enquiries/teams/999999/plan").status_code == 404


def test_cohort_pages_list_the_events_with_links(client, login, make_user):
    admin = make_user(Role.ADMIN)
    cohort = make_cohort()
    nom = fill(cohort, per_la=1)[0]
    services.save_cohort(
        cohort,
        actor=admin,
        school_year="2026-27",
        letter="A",
        interests="A\nB\nC",
        dates={"launch_on": date(2030, 9, 3), "matching_on": date(2030, 10, 1)},
    )
    db.session.commit()
    launch = sessions.cohort_events(cohort)[0]
    login(admin)
    text = client.get(f"/cohorts/{cohort.id}").get_data(as_text=True)
    assert f'href="/events/{launch.id}"' in text and "Matching event" in text
    login(nom.practitioner)
    mine = client.get(f"/cohorts/{cohort.id}/me").get_data(as_text=True)
    assert f'href="/events/{launch.id}"' in mine
    assert client.get(f"/events/{launch.id}").status_code == 200
    ics = client.get(f"/events/{launch.id}/calendar.ics")
    assert ics.status_code == 200 and b"BEGIN:VEVENT" in ics.data
    login(make_user(Role.PRACTITIONER))
    assert client.get(f"/events/{launch.id}").status_code == 404


def test_query_counts_of_team_space_and_network_plan_do_not_grow(client, login, make_user):
    admin = make_user(Role.ADMIN)
    login(admin)
    small = _publish(admin, per_la=1)[0]
    big = _publish(admin, per_la=4, year="2027-28", start=50)[0]
    counts = [
        [
            _count(client, url.format(t=t))
            for url in ("/cohort-teams/{t.id}", "/enquiries/teams/{t.team_id}/plan", "/enquiries/teams/{t.team_id}")
        ]
        for t in (small, big)
    ]
    print("query counts", counts)
    assert counts[0] == counts[1], counts


def test_network_team_membership_and_facilitator_come_from_the_cohort(app, make_user):
    admin = make_user(Role.ADMIN)
    cohort_team = _publish(admin)[0]
    team = db.session.get(Team, cohort_team.team_id)
    member = db.session.scalar(select(Nomination).where(Nomination.team_id == cohort_team.id)).leader
    with pytest.raises(ServiceError, match="matched into it"):
        enquiry_teams.invite(team, "someone@test.example.org", actor=member)
    with pytest.raises(ServiceError, match="matched into it"):
        enquiry_teams.request_to_join(team, actor=make_user(Role.PRACTITIONER))
    with pytest.raises(ServiceError, match="cohort team space"):
        enquiry_teams.assign_facilitator(team, make_user(Role.KEY_FACILITATOR), actor=admin)
