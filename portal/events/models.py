"""Events (dated sessions owned by any domain through context_type/context_id), series, bookings, feeds."""

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.extensions import db

LONDON = ZoneInfo("Europe/London")
BOOKED, WAITLISTED, CANCELLED = "booked", "waitlisted", "cancelled"
BOOKING_STATUSES = (BOOKED, WAITLISTED, CANCELLED)
PARTNERSHIP = "partnership"  # the default context: open to everyone signed in


def local_now() -> datetime:
    """Now as a naive Europe/London datetime: event times are stored as the wall-clock time people read."""
    return datetime.now(LONDON).replace(tzinfo=None)


class EventSeries(db.Model):
    """A run of dated events with one title, e.g. a theme's monthly drop-ins."""

    __tablename__ = "event_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    context_type: Mapped[str] = mapped_column(String(40), default=PARTNERSHIP)
    context_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    events: Mapped[list["Event"]] = relationship(
        back_populates="series", lazy="raise_on_sql", order_by="Event.starts_at"
    )


class Event(db.Model):
    """One dated session. Times are naive Europe/London; capacity None means unlimited."""

    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_context", "context_type", "context_id", "starts_at"),
        Index("ix_event_ends_at_id", "ends_at", "id"),  # the lists of ended events, newest first
        # The events list: each kind of context's events not yet ended (the partnership's 3,000 over five years
        # were read whole to find the 150 still to come, for the count and again for the page).
        Index("ix_event_context_ends", "context_type", "ends_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(40), index=True)  # chosen by the owning domain
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    location: Mapped[str] = mapped_column(String(300), default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")
    capacity: Mapped[int | None] = mapped_column(Integer)
    compulsory: Mapped[bool] = mapped_column(Boolean, default=False)  # "everyone attends"
    organiser_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    context_type: Mapped[str] = mapped_column(String(40), default=PARTNERSHIP)
    context_id: Mapped[int | None] = mapped_column(Integer)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("event_series.id", ondelete="SET NULL"), index=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)  # raised on change: calendars update
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    organiser: Mapped[User | None] = relationship(lazy="raise_on_sql")
    series: Mapped[EventSeries | None] = relationship(back_populates="events", lazy="raise_on_sql")

    @property
    def uid(self) -> str:
        return f"event-{self.id}@westpartnership.example"

    def is_past(self, now: datetime | None = None) -> bool:
        return self.ends_at < (now or local_now())

    def has_started(self, now: datetime | None = None) -> bool:
        return self.starts_at <= (now or local_now())

    def __str__(self) -> str:
        return self.title


class Booking(db.Model):
    """A person's place (or place in the queue) at one event; created_at orders the waiting list."""

    __tablename__ = "event_booking"
    __table_args__ = (
        UniqueConstraint("event_id", "user_id", name="uq_event_booking_event_id_user_id"),
        Index("ix_event_booking_event_status", "event_id", "status", "created_at"),
        # the reports' attendance (per event, or for an LA's people) reads one of these alone (no row lookups)
        Index("ix_event_booking_user_status", "user_id", "status", "event_id", "attended"),
        Index("ix_event_booking_event_attendance", "event_id", "status", "attended", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(12), default=BOOKED)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    attended: Mapped[bool | None] = mapped_column(Boolean)  # None: not recorded
    reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTime)

    event: Mapped[Event] = relationship(lazy="raise_on_sql")
    user: Mapped[User] = relationship(lazy="raise_on_sql")


class CalendarFeed(db.Model):
    """A person's private calendar feed token: the URL is the secret, so it can be regenerated."""

    __tablename__ = "event_calendar_feed"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), unique=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
