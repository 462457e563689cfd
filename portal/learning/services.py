"""Rules for the learning record: save, share, delete an entry, and add one from an attended booking."""

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from portal.accounts.models import User
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.events.models import Booking, Event
from portal.extensions import db
from portal.learning.history import earlier_wordings, keep_earlier_wording
from portal.learning.models import STANDARD_LABELS, LearningEntry, LearningEntryRevision
from portal.learning.pack import school_year

BOOKING = "booking"


def reviewer_for(email: str, actor) -> User | None:
    """The reviewer named by e-mail, or None for none; refused: nobody, oneself, a researcher."""
    email = (email or "").strip().lower()
    if not email:
        return None
    reviewer = db.session.scalar(
        select(User).options(selectinload(User.role_rows)).where(func.lower(User.email) == email)
    )
    if reviewer is None:
        raise ServiceError(
            ("reviewer_email", "No one in the portal has that e-mail address: check it with your reviewer.")
        )
    if reviewer.id == actor.id:
        raise ServiceError(("reviewer_email", "Share with your reviewer, not yourself."))
    if reviewer.has_role(Role.RESEARCHER):  # researchers see no one's record (portal.learning.access)
        raise ServiceError(
            (
                "reviewer_email",
                "That account is a researcher's, and researchers never see anyone's learning record: give "
                "the e-mail of your reviewer for Professional Review and Development.",
            )
        )
    return reviewer


KEPT = ("title", "kind", "started_on", "ended_on", "hours", "standard", "sections", "reflection", "evidence")


def _content(entry: LearningEntry) -> dict:
    return {name: str(getattr(entry, name)) if getattr(entry, name) is not None else "" for name in KEPT}


def save_entry(entry: LearningEntry | None, *, actor, fields: dict, reviewer_email: str = "") -> LearningEntry:
    """Create (entry None) or update the actor's own entry; sharing names the reviewer by e-mail. A change to
    an entry keeps its earlier wording as a revision (corrections are kept, never overwritten)."""
    if entry is not None and entry.user_id != actor.id:
        raise ServiceError((None, "Only the person whose record it is can change an entry."))
    if fields.get("ended_on") and fields["ended_on"] < fields["started_on"]:
        raise ServiceError(("ended_on", "The end date must be on or after the start date."))
    if fields.get("standard") not in STANDARD_LABELS:
        raise ServiceError(("standard", "Choose a Professional Standard."))
    reviewer = reviewer_for(reviewer_email, actor)
    before = _content(entry) if entry is not None else None
    if entry is None:
        entry = LearningEntry(user_id=actor.id)
        db.session.add(entry)
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.sections = ",".join(sorted(fields.get("sections") or []))
    entry.hours = Decimal(str(fields.get("hours") or 0))
    entry.shared_with_id = reviewer.id if reviewer else None
    keep_earlier_wording(LearningEntryRevision, "entry_id", entry, before, _content(entry))
    db.session.flush()
    return entry


def revisions(entry: LearningEntry) -> list[tuple[LearningEntryRevision, dict]]:
    """The entry's earlier wordings, newest first, each with its fields."""
    return earlier_wordings(LearningEntryRevision, "entry_id", entry.id)


def delete_entry(entry: LearningEntry, *, actor) -> None:
    """Remove the actor's own entry (a portal suggestion it came from is offered again)."""
    if entry.user_id != actor.id:
        raise ServiceError((None, "Only the person whose record it is can remove an entry."))
    db.session.delete(entry)
    db.session.flush()


def add_from_booking(booking_id: int, *, actor) -> LearningEntry:
    """An entry from an event the actor attended, once: dates and hours from the event, reflection to write."""
    row = db.session.execute(
        select(Booking, Event).join(Event, Event.id == Booking.event_id).where(Booking.id == booking_id)
    ).first()
    if row is None or row.Booking.user_id != actor.id or not row.Booking.attended:
        raise ServiceError((None, "Only events you attended can be added to your record."))
    existing = db.session.scalar(
        select(LearningEntry).where(
            LearningEntry.user_id == actor.id, LearningEntry.source == BOOKING, LearningEntry.source_id == booking_id
        )
    )
    if existing is not None:
        return existing
    event = row.Event
    hours = max(Decimal(round((event.ends_at - event.starts_at).total_seconds() / 3600, 1)), Decimal("0.5"))
    entry = LearningEntry(
        user_id=actor.id,
        kind="event",
        title=event.title,
        started_on=event.starts_at.date(),
        ended_on=event.ends_at.date(),
        hours=hours,
        standard="clpl",
        sections="",
        reflection="",
        evidence="",
        source=BOOKING,
        source_id=booking_id,
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def period(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    """The pack's period: as chosen, or this school year."""
    default_start, default_end = school_year(today)
    return start or default_start, end or default_end


def add_from_activity(source: str, source_id: int, *, actor) -> LearningEntry:
    """An entry from a registered portal activity of the actor's, once (portal.learning.sources)."""
    from portal.learning.sources import SOURCES

    found = SOURCES.get(source)
    activity = found.one(actor, source_id) if found else None
    if activity is None:
        raise ServiceError((None, "Only your own activities in the portal can be added to your record."))
    existing = db.session.scalar(
        select(LearningEntry).where(
            LearningEntry.user_id == actor.id, LearningEntry.source == source, LearningEntry.source_id == source_id
        )
    )
    if existing is not None:
        return existing
    entry = LearningEntry(
        user_id=actor.id,
        kind=activity.kind,
        title=activity.title[:200],
        started_on=activity.started_on,
        ended_on=activity.started_on,
        hours=activity.hours,
        standard="clpl",
        sections="",
        reflection="",
        evidence="",
        source=source,
        source_id=source_id,
    )
    db.session.add(entry)
    db.session.flush()
    return entry
