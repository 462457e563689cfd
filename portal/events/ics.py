"""Calendar files for events: one per booking, and each person's private feed behind a random token."""

import secrets
from datetime import timedelta

from flask import current_app, has_request_context, url_for
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.core.calendar import CalendarItem, to_ics
from portal.events.models import BOOKED, Booking, CalendarFeed, Event, local_now
from portal.extensions import db

FEED_HISTORY = timedelta(days=365)  # a year of past sessions keeps calendars tidy but useful


def event_url(event: Event) -> str:
    """The event page's full address; outside a request (CLI, scheduler) the base comes from PORTAL_URL."""
    if has_request_context():
        return url_for("events.show_event", event_id=event.id, _external=True)
    with current_app.test_request_context(base_url=current_app.config["PORTAL_URL"]):
        return url_for("events.show_event", event_id=event.id, _external=True)


def calendar_item(event: Event, booked: bool = True) -> CalendarItem:
    """The calendar entry for an event; the online link only goes to people with a place."""
    details = [event.description]
    if booked and event.online_url:
        details.append(f"Join online: {event.online_url}")
    return CalendarItem(
        uid=event.uid,
        title=event.title,
        start=event.starts_at,
        end=event.ends_at,
        location=event.location or ("Online" if event.online_url else ""),
        description="\n\n".join(d for d in details if d),
        url=event_url(event),
        sequence=event.sequence,
        cancelled=event.cancelled,
    )


def event_ics(event: Event, booked: bool = True, *, method: str = "PUBLISH") -> bytes:
    """The event's .ics: PUBLISH to download; REQUEST or CANCEL (from the portal's sender) in e-mails."""
    organizer = current_app.config["MAIL_SENDER"] if method != "PUBLISH" else ""
    return to_ics([calendar_item(event, booked)], name=event.title, method=method, organizer=organizer)


def feed_token(user, *, create: bool = True) -> str | None:
    """The person's feed token, made on first use."""
    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))
    if feed is None and create:
        feed = CalendarFeed(user_id=user.id, token=secrets.token_urlsafe(32))
        db.session.add(feed)
        db.session.flush()
    return feed.token if feed else None


def regenerate_feed_token(user, *, actor) -> str:
    """A new secret feed address; the old one stops working at once (for a leaked link)."""
    if actor.id != user.id:
        raise PermissionError("only the person themselves renews their feed")
    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))
    if feed is None:
        return feed_token(user)
    feed.token = secrets.token_urlsafe(32)
    db.session.flush()
    return feed.token


def feed_for_token(token: str) -> bytes | None:
    """The .ics feed of the booked sessions of whoever owns `token`, or None for an unknown token."""
    if not token or len(token) > 64:
        return None
    user_id = db.session.scalar(select(CalendarFeed.user_id).where(CalendarFeed.token == token))
    if user_id is None:
        return None
    since = local_now() - FEED_HISTORY
    bookings = db.session.scalars(
        select(Booking)
        .join(Booking.event)
        .where(Booking.user_id == user_id, Booking.status == BOOKED, Event.starts_at >= since)
        .options(joinedload(Booking.event))
        .order_by(Event.starts_at)
    )
    return to_ics([calendar_item(b.event) for b in bookings], name="My West Partnership sessions")
