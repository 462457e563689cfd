"""The audit log records what happens to network cohorts and events: dates saved, nominations added, named and
removed, facilitators named and assigned, stages advanced, teams published, events published, moved and
cancelled, with who did it and before/after where it matters."""

import json
from datetime import date, datetime

from sqlalchemy import select

from portal.audit.models import AuditEntry
from portal.cohorts import publishing, services
from portal.cohorts import sessions as cohort_sessions
from portal.cohorts.models import CohortFacilitator
from portal.core.roles import Role
from portal.events import services as events
from portal.extensions import db
from tests.cohorts.helpers import fill, make_cohort


def _entries(action: str) -> list[AuditEntry]:
    return list(db.session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def test_cohort_dates_and_their_events_are_audited_with_before_and_after(app, make_user):
    admin = make_user(Role.ADMIN)
    dates = {"launch_on": date(2031, 9, 3), "matching_on": date(2031, 10, 8), "sharing_on": date(2032, 5, 12)}
    cohort = services.save_cohort(
        None, actor=admin, school_year="2031-32", letter="A", interests="Play\nNumeracy\nWellbeing", dates=dates
    )
    services.save_cohort(
        cohort,
        actor=admin,
        school_year="2031-32",
        letter="A",
        interests="Play\nNumeracy\nWellbeing",
        dates=dates | {"matching_on": date(2031, 10, 15), "sharing_on": None},
    )
    db.session.commit()
    (created,) = _entries("cohort.created")
    assert (created.actor_id, created.subject_type, created.subject_id) == (admin.id, "network_cohort", cohort.id)
    (changed,) = _entries("cohort.dates_changed")
    assert json.loads(changed.before) == {"matching_on": "2031-10-08", "sharing_on": "2032-05-12"}
    assert json.loads(changed.after) == {"matching_on": "2031-10-15", "sharing_on": None}
    assert len(_entries("event.published")) == 3
    moved = _entries("event.moved")
    assert len(moved) == 1 and json.loads(moved[0].before)["starts_at"].startswith("2031-10-08")
    assert json.loads(moved[0].after)["starts_at"].startswith("2031-10-15")
    (cancelled,) = _entries("event.cancelled")
    sharing = next(e for e in cohort_sessions.cohort_events(cohort) if e.kind == "network-sharing")
    assert (cancelled.subject_type, cancelled.subject_id, cancelled.actor_id) == ("event", sharing.id, admin.id)


def test_an_event_moved_and_edited_in_the_editor_is_audited(app, make_user):
    admin = make_user(Role.ADMIN)
    event = events.create_event(
        actor=admin,
        title="Webinar",
        kind="webinar",
        starts_at=datetime(2031, 11, 4, 16, 0),
        ends_at=datetime(2031, 11, 4, 17, 0),
    )
    events.update_event(
        event,
        actor=admin,
        location="Online",
        starts_at=datetime(2031, 11, 5, 16, 0),
        ends_at=datetime(2031, 11, 5, 17, 0),
    )
    events.update_event(event, actor=admin, cancelled=True)
    db.session.commit()
    assert [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))] == [
        "event.published",
        "event.moved",
        "event.changed",
        "event.cancelled",
    ]
    assert json.loads(_entries("event.changed")[0].after) == {"fields": ["location"]}


def test_nominations_facilitators_stages_and_publishing_are_audited(app, make_user, make_establishment):
    admin, officer = make_user(Role.ADMIN), make_user(Role.LA_OFFICER)
    cohort = make_cohort()
    est = make_establishment()
    nomination = services.nominate(cohort, est, actor=officer)
    teacher = make_user(Role.PRACTITIONER, establishment=est)
    services.name_person(nomination, "practitioner", actor=officer, person=teacher)
    facilitator = make_user(Role.KEY_FACILITATOR, establishment=make_establishment())
    row = services.add_facilitator(cohort, facilitator, actor=officer, authority_id=facilitator.home_authority_id)
    services.remove_facilitator(row, cohort, actor=officer)
    services.remove_nomination(nomination, actor=officer)
    db.session.commit()
    (named,) = _entries("nomination.person_named")
    assert (named.actor_id, json.loads(named.after)) == (officer.id, {"practitioner": teacher.id})
    (removed,) = _entries("nomination.removed")
    assert json.loads(removed.before)["practitioner"] == teacher.id
    assert _entries("nomination.added")[0].subject_id == nomination.id
    assert _entries("cohort.facilitator_named")[0].subject_id == facilitator.id
    assert _entries("cohort.facilitator_removed")[0].subject_id == facilitator.id

    matching = make_cohort(year="2027-28", stage="matching")
    ids = [n.id for n in fill(matching, per_la=1)]
    teams = publishing.publish(
        matching, actor=admin, plan_teams=[ids[0::2], ids[1::2]], dominant=[["Numeracy"]] * 2, notify=False
    )
    other = db.session.scalars(
        select(CohortFacilitator.user_id).where(
            CohortFacilitator.cohort_id == matching.id, CohortFacilitator.user_id != teams[0].facilitator_id
        )
    ).first()
    before = teams[0].facilitator_id
    publishing.reassign_facilitator(teams[0], other, actor=admin)
    db.session.commit()
    (published,) = _entries("cohort.published")
    assert (published.actor_id, published.subject_id, json.loads(published.after)["teams"]) == (
        admin.id,
        matching.id,
        2,
    )
    assigned = _entries("cohort.facilitator_assigned")[-1]
    assert json.loads(assigned.before) == {"facilitator": before} and json.loads(assigned.after) == {
        "facilitator": other
    }
