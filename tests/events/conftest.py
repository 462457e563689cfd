"""Event fixtures: make_event(...) and book(...) helpers that commit, like the other factories."""

import itertools
from datetime import timedelta

import pytest

from portal.events.models import Booking, Event, local_now
from portal.extensions import db

_n = itertools.count(1)


@pytest.fixture
def make_event(app):
    def make(days=7, hours=2, capacity=None, **fields):
        start = (local_now() + timedelta(days=days)).replace(hour=10, minute=0, second=0, microsecond=0)
        event = Event(
            title=fields.pop("title", f"Event {next(_n)}"),
            kind=fields.pop("kind", "webinar"),
            starts_at=start,
            ends_at=start + timedelta(hours=hours),
            capacity=capacity,
            **fields,
        )
        db.session.add(event)
        db.session.commit()
        return event

    return make


@pytest.fixture
def add_booking(app):
    def add(event, user, status="booked", attended=None):
        booking = Booking(event_id=event.id, user_id=user.id, status=status, attended=attended)
        db.session.add(booking)
        db.session.commit()
        return booking

    return add
