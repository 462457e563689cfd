"""What leadership offers the learning record (portal.learning.sources): modules completed (a module session
attended) and a development plan completed."""

from decimal import Decimal

from sqlalchemy import select

from portal.events.models import Booking, Event
from portal.extensions import db
from portal.leadership.models import COMPLETED, DevelopmentPlan
from portal.leadership.sessions import CONTEXT, MODULE

MODULE_SOURCE, PLAN_SOURCE = "leadership_module", "leadership_plan"


def _hours(event) -> Decimal:
    return max(Decimal(str(round((event.ends_at - event.starts_at).total_seconds() / 3600, 1))), Decimal("0.5"))


def _module_rows(user, *, booking_id=None, limit=20):
    from portal.learning.sources import Activity

    stmt = (
        select(Booking.id, Event)
        .join(Event, Event.id == Booking.event_id)
        .where(
            Booking.user_id == user.id,
            Booking.attended.is_(True),
            Event.context_type == CONTEXT,
            Event.kind.startswith(MODULE + "-"),
        )
        .order_by(Event.starts_at.desc())
        .limit(limit)
    )
    if booking_id is not None:
        stmt = stmt.where(Booking.id == booking_id)
    return [
        Activity(MODULE_SOURCE, bid, "module", f"{e.title} (module completed)", e.starts_at.date(), _hours(e), bid)
        for bid, e in db.session.execute(stmt).all()
    ]


def _plan_rows(user, *, plan_id=None, limit=20):
    from portal.learning.sources import Activity

    stmt = (
        select(DevelopmentPlan.id, DevelopmentPlan.title, DevelopmentPlan.completed_at)
        .where(DevelopmentPlan.owner_id == user.id, DevelopmentPlan.status == COMPLETED)
        .order_by(DevelopmentPlan.completed_at.desc())
        .limit(limit)
    )
    if plan_id is not None:
        stmt = stmt.where(DevelopmentPlan.id == plan_id)
    return [
        Activity(PLAN_SOURCE, pid, "other", f"Completed: {title}", done.date())
        for pid, title, done in db.session.execute(stmt)
    ]


def register() -> None:
    from portal.learning.sources import register_source

    register_source(
        MODULE_SOURCE,
        "Leadership module completed",
        lambda user, limit: _module_rows(user, limit=limit),
        lambda user, source_id: next(iter(_module_rows(user, booking_id=source_id)), None),
    )
    register_source(
        PLAN_SOURCE,
        "Development plan completed",
        lambda user, limit: _plan_rows(user, limit=limit),
        lambda user, source_id: next(iter(_plan_rows(user, plan_id=source_id)), None),
    )
