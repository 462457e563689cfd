"""After publication a person of an establishment's nomination leaves their team or is replaced by someone of the
same establishment (issue 20): checked, confirmed first (a page without JavaScript, data-confirm with it), kept
in the team's change log, and the people affected told in the portal and through the outbox."""

import pytest
from sqlalchemy import select

from portal.cohorts import publishing, queries, teams
from portal.cohorts.models import CohortTeam, MatchingRecord, Nomination
from portal.core.forms import ServiceError
from portal.core.mail import OutboxMessage
from portal.core.roles import Role
from portal.enquiries.models import TeamMember
from portal.extensions import db
from portal.notifications.models import Notification
from tests.cohorts.helpers import fill, make_cohort, person


def _published(make_user):
    """Forty establishments published by hand into eight teams of five (no engine run: fast and fixed)."""
    admin = make_user(Role.ADMIN)
    cohort = make_cohort(stage="matching")
    noms = fill(cohort, per_la=5)
    plan = [[n.id for n in noms[i::8]] for i in range(8)]
    publishing.publish(cohort, actor=admin, plan_teams=plan, dominant=[[]] * 8, notify=False)
    db.session.commit()
    return admin, cohort, noms


def _team_of(nomination) -> CohortTeam:
    return db.session.get(CohortTeam, nomination.team_id)


def _network_members(team) -> set[int]:
    return set(db.session.scalars(select(TeamMember.user_id).where(TeamMember.team_id == team.team_id)))


def _notes(user) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


def _queued(user) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.to_address == user.email)))


def test_a_person_who_left_is_taken_out_of_their_team_logged_and_told(app, make_user, mailbox):
    admin, cohort, noms = _published(make_user)
    nomination = noms[0]
    team = _team_of(nomination)
    leaver, stays = nomination.practitioner, nomination.leader
    neighbour = db.session.scalar(
        select(Nomination).where(Nomination.team_id == team.id, Nomination.id != nomination.id)
    )
    assert leaver.id in _network_members(team)
    with app.test_request_context():
        change = publishing.change_person(
            nomination, "practitioner", actor=admin, replacement=None, reason="Moved to a school in Fife."
        )
        db.session.commit()
    assert nomination.practitioner_id is None and nomination.leader_id == stays.id
    assert leaver.id not in _network_members(team) and stays.id in _network_members(team)
    assert leaver.id not in teams.member_ids(queries.team_with_members(team.id))  # the team page is no longer theirs
    assert change.what == f"{leaver.name} ({nomination.establishment.name}) left {team.name}"
    [logged] = publishing.team_changes(team)
    assert logged.inputs["reason"] == "Moved to a school in Fife." and logged.inputs["person"] == leaver.id
    assert logged.inputs["replacement"] is None and logged.inputs["slot"] == "practitioner"
    assert publishing.team_changes(db.session.get(CohortTeam, _team_of(noms[1]).id)) == []
    # Told in the portal: the leaver without a link to a team page they can no longer open; the team with it.
    [to_leaver] = _notes(leaver)
    assert to_leaver.url == "" and "Moved to a school in Fife" in to_leaver.summary
    for who in (stays, neighbour.leader, team.facilitator):
        [note] = _notes(who)
        assert note.url.endswith(f"/cohort-teams/{team.id}") and change.what in note.subject
    assert _notes(admin) == []  # never the actor
    # ... and by e-mail through the outbox: queued with the change, delivered later by the worker.
    assert [m.status for m in _queued(leaver)] == ["pending"] and _queued(team.facilitator)
    assert "Change to your collaborative learning team" in mailbox.last_to(leaver.email)["Subject"]


def test_someone_of_the_same_establishment_replaces_a_person(app, make_user, mailbox):
    admin, cohort, noms = _published(make_user)
    nomination = noms[3]
    team = _team_of(nomination)
    old = nomination.leader
    new = person(nomination.establishment, 5, True, (Role.SENIOR_LEADER,))
    db.session.commit()
    with app.test_request_context():
        change = publishing.change_person(
            nomination, "leader", actor=admin, replacement=new, reason="The new depute takes over the enquiry."
        )
        db.session.commit()
    assert nomination.leader_id == new.id
    assert new.id in _network_members(team) and old.id not in _network_members(team)
    assert change.what == f"{new.name} replaced {old.name} ({nomination.establishment.name}) in {team.name}"
    [logged] = publishing.team_changes(team)
    assert (logged.inputs["person"], logged.inputs["replacement"]) == (old.id, new.id)
    assert logged.inputs["from"] == logged.inputs["to"] == team.number
    [welcome] = _notes(new)
    assert welcome.url.endswith(f"/cohort-teams/{team.id}")
    assert _notes(old)[0].url == ""
    assert "The new depute takes over" in mailbox.body(mailbox.last_to(new.email))


def test_a_change_of_person_that_cannot_be_made_says_why(app, make_user):
    admin, cohort, noms = _published(make_user)
    nomination, elsewhere = noms[0], noms[1]
    unpromoted = person(nomination.establishment, 6, False)
    stranger = person(elsewhere.establishment, 7, True, (Role.SENIOR_LEADER,))
    officer = make_user(Role.LA_OFFICER)
    db.session.commit()

    def refused(match, slot="leader", replacement=None, reason="A reason.", actor=admin, who=nomination):
        with app.test_request_context(), pytest.raises(ServiceError, match=match):
            publishing.change_person(who, slot, actor=actor, replacement=replacement, reason=reason)
        db.session.rollback()

    refused("Only the partnership lead officer", actor=officer)
    refused("Say why", reason="  ")
    refused("under 300 characters", reason="x" * 301)
    refused("Choose the person", slot="headteacher")
    refused(f"does not work at {nomination.establishment.name}", replacement=stranger)
    refused("does not hold a promoted post", replacement=unpromoted)
    refused("is already named for", replacement=nomination.practitioner)
    refused("is already the promoted member of staff", replacement=nomination.leader)
    facilitator = db.session.scalar(select(CohortTeam).where(CohortTeam.facilitator_id.is_not(None))).facilitator
    where = db.session.scalar(select(Nomination).where(Nomination.establishment_id == facilitator.establishment_id))
    refused("key facilitator of this cohort", slot="practitioner", replacement=facilitator, who=where)
    with app.test_request_context():
        publishing.change_person(nomination, "practitioner", actor=admin, replacement=None, reason="Left.")
        db.session.commit()
    refused("the last person of", slot="leader")
    refused("has no practitioner named", slot="practitioner")
    with app.test_request_context():
        publishing.change_team(nomination, actor=admin, to_team=None, reason="The school left the network.")
        db.session.commit()
    refused("is in no team now")
    draft = make_cohort(letter="B", stage="matching")
    [unpublished] = fill(draft, per_la=1, start=500)[:1]
    refused("Before publication", who=unpublished)


def test_the_change_is_confirmed_first_without_javascript_and_asked_in_the_page_with_it(client, login, make_user):
    admin, cohort, noms = _published(make_user)
    nomination = noms[2]
    team = _team_of(nomination)
    login(admin)
    page = client.get(f"/cohorts/{cohort.id}").get_data(as_text=True)
    assert 'id="person-changes"' in page and 'data-confirm="Change who is in the team?' in page
    assert f'value="{nomination.id}-practitioner"' in page and "Nobody: they left the team" in page
    fields = {"person": f"{nomination.id}-practitioner", "replacement": "", "reason": "Retired at Easter."}
    asked = client.post(f"/cohorts/{cohort.id}/person-changes", data=fields)
    text = asked.get_data(as_text=True)
    assert asked.status_code == 200 and 'id="confirm-question"' in text
    assert f"{nomination.practitioner.name} ({nomination.establishment.name}) left {team.name}?" in text
    assert 'name="reason" value="Retired at Easter."' in text and 'name="confirmed" value="yes"' in text
    db.session.expire_all()
    assert nomination.practitioner_id is not None  # asking changed nothing
    # A change that cannot be made is refused at once, with no question asked.
    bad = client.post(f"/cohorts/{cohort.id}/person-changes", data={**fields, "reason": ""})
    assert bad.status_code == 302 and bad.headers["Location"].endswith("#person-changes")
    done = client.post(f"/cohorts/{cohort.id}/person-changes", data={**fields, "confirmed": "yes"})
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/cohorts/{cohort.id}#person-changes")
    db.session.expire_all()
    assert nomination.practitioner_id is None
    assert db.session.scalar(select(MatchingRecord).where(MatchingRecord.action == "team_change")) is not None
    team_page = client.get(f"/cohort-teams/{team.id}").get_data(as_text=True)
    assert 'id="team-change-log"' in team_page and "Retired at Easter." in team_page
    # A person of another cohort is not found here.
    other = client.post(f"/cohorts/{cohort.id}/person-changes", data={**fields, "person": "999999-leader"})
    assert other.status_code == 404


def test_moving_an_establishment_after_publication_is_confirmed_first_too(client, login, make_user):
    admin, cohort, noms = _published(make_user)
    nomination, other = noms[0], _team_of(noms[1])
    login(admin)
    fields = {"nomination": nomination.id, "team": other.id, "reason": "The head moved school."}
    asked = client.post(f"/cohorts/{cohort.id}/team-changes", data=fields)
    assert asked.status_code == 200 and "moved from" in asked.get_data(as_text=True)
    db.session.expire_all()
    assert nomination.team_id != other.id
    done = client.post(f"/cohorts/{cohort.id}/team-changes", data={**fields, "confirmed": "yes"})
    assert done.status_code == 302
    db.session.expire_all()
    assert nomination.team_id == other.id
