"""Bookings and the calendar feed, for "download my data" and erasure (core.personal_data)."""

from sqlalchemy import delete, select

from portal.core import personal_data
from portal.events.models import Booking, CalendarFeed, Event, local_now
from portal.extensions import db


def export(user) -> dict:
    bookings = db.session.execute(
        select(Booking, Event.title, Event.starts_at)
        .join(Event, Event.id == Booking.event_id)
        .where(Booking.user_id == user.id)
        .order_by(Event.starts_at)
    ).all()
    rows = [{**personal_data.as_rows([b])[0], "event": title, "starts_at": starts} for b, title, starts in bookings]
    return {"bookings": rows}


def erase(user) -> None:
    """Future bookings are freed; past ones stay (attendance totals) under the anonymised account."""
    upcoming = select(Event.id).where(Event.starts_at >= local_now())
    db.session.execute(delete(Booking).where(Booking.user_id == user.id, Booking.event_id.in_(upcoming)))
    db.session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user.id))
    db.session.flush()


def register(app) -> None:
    personal_data.register(app, "events", export=export, erase=erase)
