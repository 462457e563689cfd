"""Reading the record: the person's entries, what is shared with a reviewer, suggestions from the portal."""

from datetime import date
from functools import cache

from sqlalchemy import Integer, and_, bindparam, false, select, true
from sqlalchemy.orm import joinedload

from portal.accounts.models import User
from portal.events.models import Booking, Event
from portal.extensions import db
from portal.learning.access import may_review
from portal.learning.models import LearningEntry, PrdTarget
from portal.learning.services import BOOKING


def my_entries(user):
    """A select of the user's entries, newest first (for the pager)."""
    return (
        select(LearningEntry)
        .options(joinedload(LearningEntry.shared_with))
        .where(LearningEntry.user_id == user.id)
        .order_by(LearningEntry.started_on.desc(), LearningEntry.id.desc())
    )


def shared_with(user):
    """A select of (entry, owner's name) shared with the user as reviewer (nothing for a researcher)."""
    return (
        select(LearningEntry, User.name)
        .join(User, User.id == LearningEntry.user_id)
        .where(LearningEntry.shared_with_id == user.id, true_if(may_review(user)))
        .order_by(User.name, LearningEntry.started_on.desc())
    )


def true_if(allowed: bool):
    """A where-clause that keeps every row, or none."""
    return true() if allowed else false()


_MY_TARGETS = (
    select(PrdTarget)
    .options(joinedload(PrdTarget.shared_with))
    .where(PrdTarget.user_id == bindparam("user_id"))
    .order_by(PrdTarget.school_year.desc(), PrdTarget.id)
)


def my_targets(user) -> list[PrdTarget]:
    """The user's PRD targets, newest school year first (a handful per person)."""
    return list(db.session.scalars(_MY_TARGETS, {"user_id": user.id}))


def targets_shared_with(user) -> list[tuple[PrdTarget, str]]:
    """(target, owner's name) shared with the user as reviewer (nothing for a researcher)."""
    if not may_review(user):
        return []
    return list(
        db.session.execute(
            select(PrdTarget, User.name)
            .join(User, User.id == PrdTarget.user_id)
            .where(PrdTarget.shared_with_id == user.id)
            .order_by(User.name, PrdTarget.school_year.desc(), PrdTarget.id)
        ).all()
    )


def targets_in(user, first_year: int, last_year: int) -> list[PrdTarget]:
    """The user's targets for the school years first_year..last_year (start years), for the pack."""
    return list(
        db.session.scalars(
            select(PrdTarget)
            .where(PrdTarget.user_id == user.id, PrdTarget.school_year.between(first_year, last_year))
            .order_by(PrdTarget.school_year, PrdTarget.id)
        )
    )


def targets_for_goals(goal_ids, viewer) -> dict[int, list[PrdTarget]]:
    """The PRD targets linked to these goals that the viewer may see (their own, or shared with them), by goal."""
    ids = [i for i in goal_ids if i]
    if not ids or not viewer.is_authenticated:
        return {}
    found: dict[int, list[PrdTarget]] = {}
    for target in db.session.scalars(_goals_targets_query(may_review(viewer)), {"ids": ids, "viewer_id": viewer.id}):
        found.setdefault(target.goal_id, []).append(target)
    return found


@cache
def _goals_targets_query(reviewer: bool):
    """targets_for_goals' statement, built once per process for each kind of viewer."""
    mine = PrdTarget.user_id == bindparam("viewer_id")
    seen = mine | (PrdTarget.shared_with_id == bindparam("viewer_id")) if reviewer else mine
    return select(PrdTarget).where(PrdTarget.goal_id.in_(bindparam("ids", expanding=True)), seen).order_by(PrdTarget.id)


_SUGGESTIONS = (
    select(Booking.id, Event)
    .join(Event, Event.id == Booking.event_id)
    .outerjoin(
        LearningEntry,
        and_(
            LearningEntry.user_id == bindparam("user_id"),
            LearningEntry.source == BOOKING,
            LearningEntry.source_id == Booking.id,
        ),
    )
    .where(Booking.user_id == bindparam("user_id"), Booking.attended.is_(True), LearningEntry.id.is_(None))
    .order_by(Event.starts_at.desc())
    .limit(bindparam("limit", type_=Integer))
)


def suggestions(user, limit: int = 20) -> list:
    """Attended events not yet in the user's record: (booking id, event) pairs, most recent first."""
    return list(db.session.execute(_SUGGESTIONS, {"user_id": user.id, "limit": limit}).all())


def entries_in(user, start: date, end: date) -> list[LearningEntry]:
    """The user's entries starting within [start, end], oldest first, for the pack."""
    return list(
        db.session.scalars(
            select(LearningEntry)
            .where(LearningEntry.user_id == user.id, LearningEntry.started_on >= start, LearningEntry.started_on <= end)
            .order_by(LearningEntry.started_on, LearningEntry.id)
        )
    )


def reviewer_email(entry) -> str:
    """The e-mail of the reviewer the entry (or target) is shared with, or ""."""
    if entry.shared_with_id is None:
        return ""
    return db.session.scalar(select(User.email).where(User.id == entry.shared_with_id)) or ""


_ADDED = select(LearningEntry.source, LearningEntry.source_id).where(
    LearningEntry.user_id == bindparam("user_id"), LearningEntry.source.in_(bindparam("sources", expanding=True))
)


def activity_suggestions(user, limit: int = 20) -> tuple[list, set[int]]:
    """Portal activities from the registered sources (portal.learning.sources) not yet in the user's record,
    newest first, and the attended bookings any of them stands for (added or not: never suggested twice);
    one query per source and one for what is already added."""
    from portal.learning.sources import SOURCES

    found = [a for source in SOURCES.values() for a in source.find(user, limit)]
    covered = {a.booking_id for a in found if a.booking_id}
    if not found:
        return [], covered
    added = set(db.session.execute(_ADDED, {"user_id": user.id, "sources": sorted({a.source for a in found})}).all())
    fresh = [a for a in found if (a.source, a.source_id) not in added]
    return sorted(fresh, key=lambda a: a.started_on, reverse=True)[:limit], covered
