"""Read-side queries for events pages: the visible list, counts per event, a person's bookings."""

from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache

from sqlalchemy import and_, bindparam, case, false, func, or_, select, true
from sqlalchemy.orm import joinedload

from portal.core.paging import Listing, Page, listing, paginate, where_bound
from portal.events.models import BOOKED, CANCELLED, WAITLISTED, Booking, Event
from portal.events.policies import can_book, can_organise, is_admin, registered
from portal.extensions import db


@dataclass(frozen=True)
class EventFilter:
    kind: str = ""
    context: str = ""
    context_id: int | None = None
    past: bool = False

    @classmethod
    def from_form(cls, form) -> "EventFilter":
        return cls(
            kind=(form.kind.data or "")[:40],
            context=(form.context.data or "")[:40],
            context_id=form.context_id.data,
            past=bool(form.past.data),
        )

    def args(self) -> dict:
        return {
            "kind": self.kind,
            "context": self.context,
            "context_id": self.context_id or "",
            "past": "y" if self.past else "",
        }


def visible_clause(user):
    """Events the person may see in lists: bookable under a policy, organised by them, or booked by them."""
    if is_admin(user):
        return true()
    mine = select(Booking.event_id).where(Booking.user_id == user.id, Booking.status != CANCELLED)
    allowed = [and_(Event.context_type == ct, policy.listable(user)) for ct, policy in registered().items()]
    return or_(*allowed, Event.organiser_id == user.id, Event.id.in_(mine), false())


def events_page(user, filters: EventFilter, now: datetime) -> Page:
    """A page of the events list (rows of the columns it shows), upcoming (soonest first) or past (latest first), by
    statements built once per process for each set of roles and of filters in use: the person, the time and the
    filters' values are bound."""
    found = _events_listing(
        frozenset(user.roles), filters.past, bool(filters.kind), bool(filters.context), filters.context_id is not None
    )
    values = {"kind": filters.kind, "context": filters.context, "context_id": filters.context_id}
    return paginate(found, rows=True, params={"user_id": user.id, "now": now, **values})


@dataclass(frozen=True)
class _Lister:
    """The person as the list's statement is built for them: their roles (which decide a listable clause's shape),
    and their id as a bound parameter."""

    roles: frozenset
    is_authenticated = True
    id = bindparam("user_id")

    def has_role(self, *roles) -> bool:
        return any(role in self.roles for role in roles)


# What the list shows of an event: a page reads these columns, not whole events.
_LISTED = (Event.id, Event.title, Event.cancelled, Event.starts_at, Event.ends_at, Event.kind, Event.capacity)


@lru_cache(maxsize=128)  # a key per set of roles and of filters: a few dozen at most
def _events_listing(roles: frozenset, past: bool, kind: bool, context: bool, context_id: bool) -> Listing:
    now = bindparam("now")
    stmt = select(*_LISTED).where(visible_clause(_Lister(roles)))
    if past:
        stmt = stmt.where(Event.starts_at < now).order_by(Event.starts_at.desc(), Event.id)
    else:
        stmt = stmt.where(Event.ends_at >= now, Event.cancelled.is_(False)).order_by(Event.starts_at, Event.id)
    stmt = where_bound(
        stmt,
        (Event.kind, "kind", kind),
        (Event.context_type, "context", context),
        (Event.context_id, "context_id", context_id),
    )
    return listing(stmt)


def booking_counts(event_ids: list[int]) -> dict[int, tuple[int, int]]:
    """event_id -> (booked, waiting), for a page of events in one grouped query."""
    if not event_ids:
        return {}
    rows = db.session.execute(_counts_query(), {"ids": list(event_ids)})
    return {event_id: (int(b or 0), int(w or 0)) for event_id, b, w in rows}


@cache
def _counts_query():
    """booking_counts' statement, built once per process (the events list and every event page ask)."""
    return (
        select(
            Booking.event_id,
            func.sum(case((Booking.status == BOOKED, 1), else_=0)),
            func.sum(case((Booking.status == WAITLISTED, 1), else_=0)),
        )
        .where(Booking.event_id.in_(bindparam("ids", expanding=True)))
        .group_by(Booking.event_id)
    )


def bookings_of(user, event_ids: list[int]) -> dict[int, Booking]:
    """The person's live bookings among these events (one query)."""
    if not event_ids:
        return {}
    return {b.event_id: b for b in db.session.scalars(_BOOKINGS_OF, {"user_id": user.id, "ids": list(event_ids)})}


_BOOKINGS_OF = select(Booking).where(
    Booking.user_id == bindparam("user_id"),
    Booking.event_id.in_(bindparam("ids", expanding=True)),
    Booking.status != CANCELLED,
)


def my_bookings_query(user, now: datetime, past: bool):
    stmt = (
        select(Booking)
        .join(Booking.event)
        .options(joinedload(Booking.event))
        .where(Booking.user_id == user.id, Booking.status != CANCELLED)
    )
    if past:
        return stmt.where(Event.ends_at < now).order_by(Event.starts_at.desc(), Event.id)
    return stmt.where(Event.ends_at >= now).order_by(Event.starts_at, Event.id)


def context_events(context_type: str, context_id: int | None, *, include_cancelled: bool = False) -> list[Event]:
    """Every event of one context (e.g. a cohort's sessions), in date order, in one query."""
    same_id = Event.context_id.is_(None) if context_id is None else Event.context_id == context_id
    stmt = select(Event).where(Event.context_type == context_type, same_id)
    if not include_cancelled:
        stmt = stmt.where(Event.cancelled.is_(False))
    return list(db.session.scalars(stmt.order_by(Event.starts_at, Event.id)))


def can_view_event(user, event: Event, booking: Booking | None = None) -> bool:
    """Anyone who may book or organise it, or who holds a place or a queue position on it."""
    return (booking is not None and booking.status != CANCELLED) or can_book(user, event) or can_organise(user, event)


def load_event(event_id: int) -> Event | None:
    return db.session.scalar(
        select(Event).where(Event.id == event_id).options(joinedload(Event.organiser), joinedload(Event.series))
    )
