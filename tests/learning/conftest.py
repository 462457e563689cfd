"""Fixtures for the learning record: an attended event booking, and an entry in someone's record."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from portal.events.models import Booking, Event
from portal.extensions import db
from portal.learning import services, targets


def attended_booking(person, *, title="Network meeting: enquiry questions", attended=True) -> Booking:
    event = Event(
        title=title, kind="meeting", starts_at=datetime(2026, 10, 6, 15, 45), ends_at=datetime(2026, 10, 6, 17, 15)
    )
    db.session.add(event)
    db.session.flush()
    booking = Booking(event_id=event.id, user_id=person.id, status="booked", attended=attended)
    db.session.add(booking)
    db.session.flush()
    return booking


def own_entry(
    person,
    *,
    title="Read about loose parts play",
    reviewer=None,
    on=date(2026, 9, 10),
    evidence="https://example.org/notes",
) -> object:
    entry = services.save_entry(
        None,
        actor=person,
        fields={
            "title": title,
            "kind": "reading",
            "started_on": on,
            "ended_on": None,
            "hours": Decimal("1.5"),
            "standard": "clpl",
            "sections": ["2", "3"],
            "reflection": "Children played for longer.",
            "evidence": evidence,
        },
        reviewer_email=reviewer.email if reviewer else "",
    )
    db.session.commit()
    return entry


def own_target(person, *, title="Use coaching questions in team meetings", reviewer=None, goal_id=None, year=None):
    target = targets.save_target(
        None,
        actor=person,
        title=title,
        description="Two colleagues lead their own enquiry questions by June.",
        year=year or targets.year_choices(date.today())[1][0],
        goal_id=goal_id,
        reviewer_email=reviewer.email if reviewer else "",
    )
    db.session.commit()
    return target


@pytest.fixture
def make_entry(app):
    return own_entry
