"""Attendance: the register's one control per person, no-shows, and rates per event and per context."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import joinedload

from portal.accounts.models import User
from portal.core.forms import ServiceError
from portal.core.paging import Listing, Page, listing, paginate
from portal.core.snapshots import kept
from portal.events.models import BOOKED, Booking, Event, local_now
from portal.events.policies import can_organise, context_label, policy_for
from portal.extensions import db


@dataclass(frozen=True)
class Rates:
    """Counts of booked people and what the register says about them."""

    booked: int = 0
    attended: int = 0
    absent: int = 0

    @property
    def unrecorded(self) -> int:
        return self.booked - self.attended - self.absent

    @property
    def rate(self) -> float | None:
        """Share of recorded people who came (None while nothing is recorded)."""
        recorded = self.attended + self.absent
        return self.attended / recorded if recorded else None

    def __add__(self, other: "Rates") -> "Rates":
        return Rates(self.booked + other.booked, self.attended + other.attended, self.absent + other.absent)


@dataclass(frozen=True)
class AttendanceSummary:
    per_event: dict  # event_id -> Rates
    per_context: dict  # (context_type, context_id) -> Rates
    total: Rates


def record_attendance(event: Event, user: User, attended: bool | None, *, actor) -> Booking:
    """Mark a booked person present (True), absent (False) or not recorded (None)."""
    if not can_organise(actor, event):
        raise ServiceError((None, "Only the organisers keep this register."))
    if event.starts_at.date() > local_now().date():
        raise ServiceError((None, "Attendance can be recorded from the day of the event."))
    booking = db.session.scalar(select(Booking).where(Booking.event_id == event.id, Booking.user_id == user.id))
    if booking is None or booking.status != BOOKED:
        raise ServiceError((None, f"{user.name} has no place at this event."))
    booking.attended = attended
    db.session.flush()
    return booking


def register_bookings(event: Event) -> list[Booking]:
    """The people with a place, by name, with their users loaded (one query)."""
    return list(
        db.session.scalars(
            select(Booking)
            .join(Booking.user)
            .where(Booking.event_id == event.id, Booking.status == BOOKED)
            .options(joinedload(Booking.user))
            .order_by(User.name, User.id)
        )
    )


def booked_not_attended(event: Event) -> list[Booking]:
    """People who had a place but are recorded absent, or unrecorded once the event is over."""
    over = event.is_past()
    return [b for b in register_bookings(event) if b.attended is False or (over and b.attended is None)]


def _rates_query(*group_by):
    """Booked / attended / absent counts per `group_by`, over bookings with a place."""
    attended = func.sum(case((Booking.attended.is_(True), 1), else_=0))
    absent = func.sum(case((Booking.attended.is_(False), 1), else_=0))
    return (
        select(*group_by, func.count(Booking.id), attended, absent)
        .join(Booking, Booking.event_id == Event.id)
        .where(Booking.status == BOOKED, Event.cancelled.is_(False))
        .group_by(*group_by)
    )


def attendance_summary(
    *,
    event_ids: Iterable[int] | None = None,
    context_type: str | None = None,
    context_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> AttendanceSummary:
    """Rates per event and per context for the events matching the filters, in one grouped query."""
    given = {"ids": event_ids, "context_type": context_type, "context_id": context_id, "since": since, "until": until}
    stmt = _summary_query(*(value is not None for value in given.values()))
    params = {k: (list(v) if k == "ids" else v) for k, v in given.items() if v is not None}
    per_event, per_context, total = {}, {}, Rates()
    for event_id, ctype, cid, booked, came, absent in db.session.execute(stmt, params):
        rates = Rates(booked, int(came or 0), int(absent or 0))
        per_event[event_id] = rates
        per_context[(ctype, cid)] = per_context.get((ctype, cid), Rates()) + rates
        total = total + rates
    return AttendanceSummary(per_event, per_context, total)


@cache
def _summary_query(ids: bool, context_type: bool, context_id: bool, since: bool, until: bool):
    """attendance_summary's statement, built once per process for each set of filters given (values bound)."""
    where = []
    if ids:
        where.append(Event.id.in_(bindparam("ids", expanding=True)))
    if context_type:
        where.append(Event.context_type == bindparam("context_type"))
    if context_id:
        where.append(Event.context_id == bindparam("context_id"))
    if since:
        where.append(Event.starts_at >= bindparam("since"))
    if until:
        where.append(Event.starts_at < bindparam("until"))
    return _rates_query(Event.id, Event.context_type, Event.context_id).where(*where)


def context_summary(*, since: datetime | None = None, until: datetime | None = None) -> dict:
    """(context_type, context_id) -> Rates over every past event (from `since`, before `until`), grouped in
    the database (for reports)."""
    stmt = _context_summary_query(since is not None, until is not None)
    params = {"before": local_now() + timedelta(days=1), "since": since, "until": until}
    return {(ct, cid): Rates(n, int(a or 0), int(b or 0)) for ct, cid, n, a, b in db.session.execute(stmt, params)}


@cache
def _context_summary_query(since: bool, until: bool):
    """context_summary's statement, built once per process for each pair of bounds given."""
    events = select(Event.id).where(Event.starts_at < bindparam("before"))
    if since:
        events = events.where(Event.starts_at >= bindparam("since"))
    if until:
        events = events.where(Event.starts_at < bindparam("until"))
    # Bookings of a subquery of events: the database walks the events by start time and each one's bookings
    # by index, where a plain join lets SQLite (without statistics) scan every booking ever made.
    return _rates_query(Event.context_type, Event.context_id).where(Booking.event_id.in_(events))


def school_year_of(when: date) -> int:
    """The calendar year in which the school year (August to July) holding `when` starts."""
    return when.year if when.month >= 8 else when.year - 1


def school_year_bounds(start: int) -> tuple[datetime, datetime]:
    """[1 August `start`, 1 August the year after): one school year of event start times."""
    return datetime(start, 8, 1), datetime(start + 1, 8, 1)


def school_year_label(start: int) -> str:
    return f"{start}-{str(start + 1)[2:]}"


_FIRST_START = select(func.min(Event.starts_at))


def report_years() -> list[int]:
    """School years from the first event's to this one, newest first (one query on the indexed start)."""
    first = db.session.scalar(_FIRST_START)
    this_year = school_year_of(local_now())
    return list(range(this_year, min(school_year_of(first), this_year) - 1 if first else this_year - 1, -1))


def labelled_contexts(*, since: datetime, until: datetime) -> list[tuple[str, object]]:
    """Attendance rates per owning context in a period, each with its reader-facing name, sorted by name:
    one grouped query plus one name look-up per kind of context. The rates are kept until an event or booking
    changes (core/snapshots): grouping a school year of bookings cost a third of the report's page."""
    by_context = kept("attendance_by_context", [since, until], lambda: context_summary(since=since, until=until))
    names = {}
    for ctype in {ct for ct, _ in by_context}:
        labeller = policy_for(ctype).labels
        ids = [cid for ct, cid in by_context if ct == ctype and cid is not None]
        if labeller and ids:
            names[ctype] = labeller(ids)
    return sorted(
        ((context_label(ct, cid, names.get(ct)), rates) for (ct, cid), rates in by_context.items()),
        key=lambda row: row[0],
    )


def past_events(*, since: datetime, until: datetime) -> Page:
    """A page of the events held (not cancelled) in a period up to now, newest first, for the report's pager."""
    return paginate(_past_events(), rows=True, params={"since": since, "until": min(until, local_now())})


@cache
def _past_events() -> Listing:
    """past_events' statements, built once per process (the period's bounds bound): rows of what the report shows
    of each event, not whole events."""
    return listing(
        select(Event.id, Event.title, Event.starts_at, Event.ends_at)
        .where(Event.starts_at >= bindparam("since"), Event.starts_at < bindparam("until"), Event.cancelled.is_(False))
        .order_by(Event.starts_at.desc(), Event.id)
    )
