"""Reminder e-mails the day before an event; safe to run as often as a scheduler likes."""

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.events import notices
from portal.events.models import BOOKED, Booking, Event
from portal.extensions import db


def due_reminders(now: datetime) -> list[Booking]:
    """Bookings for tomorrow's events (local date) that have not had their reminder yet."""
    tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
    return list(
        db.session.scalars(
            select(Booking)
            .join(Booking.event)
            .where(
                Booking.status == BOOKED,
                Booking.reminder_sent_at.is_(None),
                Event.cancelled.is_(False),
                Event.starts_at >= tomorrow,
                Event.starts_at < tomorrow + timedelta(days=1),
            )
            .options(joinedload(Booking.event), joinedload(Booking.user))
            .order_by(Booking.id)
        )
    )


def send_reminders(now: datetime, after_each: Callable[[], None] | None = None) -> int:
    """E-mail everyone booked on an event starting tomorrow, once each (reminder_sent_at); returns how many.

    `after_each` runs after every message (the CLI commits there), so a failure part-way never re-sends.
    """
    sent = 0
    for booking in due_reminders(now):
        notices.reminder(booking, booking.event)
        booking.reminder_sent_at = now
        db.session.flush()
        sent += 1
        if after_each is not None:
            after_each()
    return sent
