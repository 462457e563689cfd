"""Creating and changing events, and booking: places, the waiting list and its automatic promotion."""

from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from portal.audit.services import record as audit
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.events import notices
from portal.events.models import BOOKED, CANCELLED, PARTNERSHIP, WAITLISTED, Booking, Event, EventSeries
from portal.events.policies import can_book, can_organise, is_admin, policy_for, policy_organises
from portal.extensions import db

EDITABLE = (
    "title",
    "description",
    "kind",
    "starts_at",
    "ends_at",
    "location",
    "online_url",
    "capacity",
    "compulsory",
    "organiser_id",
    "cancelled",
)
# Changes people must hear about: their calendar entry (and plans) change.
NOTIFIABLE = ("starts_at", "ends_at", "location", "online_url", "cancelled")
MAX_SERIES_DATES = 36


def _validate(fields: dict) -> None:
    errors = []
    if not (fields.get("title") or "").strip():
        errors.append(("title", "Enter a title."))
    if not (fields.get("kind") or "").strip():
        errors.append(("kind", "Choose what kind of event this is."))
    starts, ends = fields.get("starts_at"), fields.get("ends_at")
    if starts and ends and ends <= starts:
        errors.append(("ends_at", "The event must end after it starts."))
    capacity = fields.get("capacity")
    if capacity is not None and capacity < 1:
        errors.append(("capacity", "Places must be 1 or more, or left empty for no limit."))
    url = fields.get("online_url") or ""
    if url and not url.startswith(("https://", "http://")):
        errors.append(("online_url", "The online link must start with https://"))
    if errors:
        raise ServiceError(*errors)


def _check_organiser(actor, event: Event) -> None:
    if not (is_admin(actor) or policy_organises(actor, event)):
        raise ServiceError((None, "You cannot organise events here."))


def create_event(
    *,
    actor,
    title: str,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    context_type: str = PARTNERSHIP,
    context_id: int | None = None,
    description: str = "",
    location: str = "",
    online_url: str = "",
    capacity: int | None = None,
    compulsory: bool = False,
    organiser=None,
    series: EventSeries | None = None,
) -> Event:
    """Create one event; the actor must be an admin or an organiser under the context's policy."""
    fields = dict(
        title=title.strip(),
        kind=kind.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        description=description.strip(),
        location=location.strip(),
        online_url=online_url.strip(),
        capacity=capacity,
        compulsory=compulsory,
    )
    _validate(fields)
    event = Event(
        **fields,
        context_type=context_type,
        context_id=context_id,
        organiser_id=organiser.id if organiser else None,
        series_id=series.id if series else None,
    )
    _check_organiser(actor, event)
    db.session.add(event)
    db.session.flush()
    audit(actor, "event.published", event, after={"title": event.title, "starts_at": event.starts_at})
    return event


def monthly_dates(first: date, count: int) -> list[date]:
    """`count` dates a month apart on the same weekday and week of the month (e.g. every 2nd Tuesday)."""
    week = (first.day - 1) // 7
    dates = []
    for n in range(count):
        month_index = first.month - 1 + n
        year, month = first.year + month_index // 12, month_index % 12 + 1
        day_one = date(year, month, 1)
        offset = (first.weekday() - day_one.weekday()) % 7
        day = 1 + offset + 7 * week
        while True:  # a 5th weekday that this month lacks falls back to the last one
            try:
                dates.append(date(year, month, day))
                break
            except ValueError:
                day -= 7
    return dates


def create_series(
    *,
    actor,
    title: str,
    kind: str,
    dates: list[date],
    start_time: time,
    end_time: time,
    context_type: str = PARTNERSHIP,
    context_id: int | None = None,
    **event_fields,
) -> EventSeries:
    """Create a series and one event per date (same times, place, link and capacity)."""
    dates = sorted(set(dates))
    if not dates:
        raise ServiceError(("dates", "Give at least one date."))
    if len(dates) > MAX_SERIES_DATES:
        raise ServiceError(("dates", f"A series has at most {MAX_SERIES_DATES} dates."))
    if end_time <= start_time:
        raise ServiceError(("end_time", "The events must end after they start."))
    series = EventSeries(title=title.strip(), kind=kind.strip(), context_type=context_type, context_id=context_id)
    db.session.add(series)
    db.session.flush()
    for day in dates:
        create_event(
            actor=actor,
            title=title,
            kind=kind,
            starts_at=datetime.combine(day, start_time),
            ends_at=datetime.combine(day, end_time),
            context_type=context_type,
            context_id=context_id,
            series=series,
            **event_fields,
        )
    return series


def update_event(event: Event, *, actor, **changes) -> list[Booking]:
    """Change an event; raise its sequence, tell booked people of changes, and fill any new places."""
    if not can_organise(actor, event):
        raise ServiceError((None, "You cannot change this event."))
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    merged = {name: getattr(event, name) for name in EDITABLE} | changes
    _validate(merged)
    changed = {name for name, value in changes.items() if getattr(event, name) != value}
    if not changed:
        return []
    check_when = policy_for(event.context_type).check_when
    if check_when and changed & {"starts_at", "ends_at"}:
        problems = check_when(event, merged["starts_at"], merged["ends_at"])
        if problems:
            raise ServiceError(*problems)
    before = {name: getattr(event, name) for name in changed}
    for name in changed:
        setattr(event, name, changes[name])
    event.sequence += 1
    db.session.flush()
    _audit_change(actor, event, before)
    on_moved = policy_for(event.context_type).on_moved
    if on_moved and "starts_at" in changed and before["starts_at"].date() != event.starts_at.date():
        on_moved(event)
    if changed & set(NOTIFIABLE):
        for booking in _bookings(event, BOOKED):
            notices.event_changed(booking, event)
    return promote_waitlist(event) if "capacity" in changed else []


def _audit_change(actor, event: Event, before: dict) -> None:
    """Moving and cancelling are audited with before/after; other edits name the fields that changed."""
    after = {name: getattr(event, name) for name in before}
    if before.get("cancelled") is False and event.cancelled:
        audit(actor, "event.cancelled", event)
    elif before.get("cancelled") is True and not event.cancelled:
        audit(actor, "event.reinstated", event)
    when = {name: before[name] for name in ("starts_at", "ends_at") if name in before}
    if when:
        audit(actor, "event.moved", event, before=when, after={name: after[name] for name in when})
    rest = sorted(set(before) - {"starts_at", "ends_at", "cancelled"})
    if rest:
        audit(actor, "event.changed", event, after={"fields": rest})


def _lock(event: Event) -> None:
    # Serialise bookings of one event on PostgreSQL (SQLite serialises writers itself).
    db.session.execute(select(Event.id).where(Event.id == event.id).with_for_update())


def booked_count(event: Event) -> int:
    return (
        db.session.scalar(select(func.count(Booking.id)).where(Booking.event_id == event.id, Booking.status == BOOKED))
        or 0
    )


def places_left(event: Event) -> int | None:
    """Free places (never negative), or None when the event has no limit."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - booked_count(event))


def booking_of(event: Event, user) -> Booking | None:
    return db.session.scalar(select(Booking).where(Booking.event_id == event.id, Booking.user_id == user.id))


def book(event: Event, user, *, actor) -> Booking:
    """Book `user` a place, or put them on the waiting list when the event is full."""
    if actor.id != user.id and not can_organise(actor, event):
        raise ServiceError((None, "You can book places for yourself only."))
    if actor.id == user.id and not can_book(user, event):
        raise ServiceError((None, "This event is not open to you."))
    if event.cancelled:
        raise ServiceError((None, "This event has been cancelled."))
    if event.has_started():
        raise ServiceError((None, "This event has already started: booking is closed."))
    _lock(event)
    booking = booking_of(event, user)
    if booking is not None and booking.status != CANCELLED:
        return booking
    status = WAITLISTED if places_left(event) == 0 else BOOKED
    if booking is None:
        booking = Booking(event_id=event.id, user_id=user.id)
        db.session.add(booking)
    # Re-booking after a cancellation joins the back of any queue.
    booking.status, booking.created_at, booking.attended, booking.reminder_sent_at = (
        status,
        utcnow(),
        None,
        None,
    )
    db.session.flush()
    return booking


def book_many(event: Event, users, *, actor) -> list[Booking]:
    """Book several people at once (e.g. a cohort onto a session everyone attends); full: waiting list."""
    return [book(event, user, actor=actor) for user in users]


def cancel(booking: Booking, *, actor) -> list[Booking]:
    """Cancel a booking or leave the waiting list; a freed place goes to the next person waiting."""
    event = db.session.get(Event, booking.event_id)
    if actor.id != booking.user_id and not can_organise(actor, event):
        raise ServiceError((None, "You can cancel your own bookings only."))
    if booking.status == CANCELLED:
        return []
    freed = booking.status == BOOKED
    booking.status, booking.attended = CANCELLED, None
    db.session.flush()
    return promote_waitlist(event) if freed else []


def promote_waitlist(event: Event) -> list[Booking]:
    """Give free places to the people waiting longest, and e-mail each of them with the .ics."""
    if event.cancelled or event.has_started():
        return []
    _lock(event)
    free = places_left(event)
    if free == 0:
        return []
    stmt = (
        select(Booking)
        .where(Booking.event_id == event.id, Booking.status == WAITLISTED)
        .order_by(Booking.created_at, Booking.id)
        .options(joinedload(Booking.user))
    )
    promoted = list(db.session.scalars(stmt if free is None else stmt.limit(free)))
    for booking in promoted:
        booking.status = BOOKED
    db.session.flush()
    for booking in promoted:
        notices.place_offered(booking, event)
    return promoted


def _bookings(event: Event, status: str) -> list[Booking]:
    return list(
        db.session.scalars(
            select(Booking)
            .where(Booking.event_id == event.id, Booking.status == status)
            .options(joinedload(Booking.user))
        )
    )
