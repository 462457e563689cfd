"""What leadership offers the learning record (portal.learning.sources): modules completed (a module session
attended) and a development plan completed."""

from decimal import Decimal
from functools import cache

from sqlalchemy import Integer, bindparam, select

from portal.events.models import Booking, Event
from portal.extensions import db
from portal.leadership.models import COMPLETED, DevelopmentPlan
from portal.leadership.sessions import CONTEXT, MODULE

MODULE_SOURCE, PLAN_SOURCE = "leadership_module", "leadership_plan"


def _hours(event) -> Decimal:
    return max(Decimal(str(round((event.ends_at - event.starts_at).total_seconds() / 3600, 1))), Decimal("0.5"))


def _module_rows(user, *, booking_id=None, limit=20):
    from portal.learning.sources import Activity

    params = {"user_id": user.id, "limit": limit, "booking_id": booking_id}
    return [
        Activity(MODULE_SOURCE, bid, "module", f"{e.title} (module completed)", e.starts_at.date(), _hours(e), bid)
        for bid, e in db.session.execute(_module_query(booking_id is not None), params).all()
    ]


@cache
def _module_query(one: bool):
    """_module_rows' statement (every module session the person attended, or one booking), built once."""
    stmt = (
        select(Booking.id, Event)
        .join(Event, Event.id == Booking.event_id)
        .where(
            Booking.user_id == bindparam("user_id"),
            Booking.attended.is_(True),
            Event.context_type == CONTEXT,
            Event.kind.startswith(MODULE + "-"),
        )
        .order_by(Event.starts_at.desc())
        .limit(bindparam("limit", type_=Integer))
    )
    return stmt.where(Booking.id == bindparam("booking_id")) if one else stmt


def _plan_rows(user, *, plan_id=None, limit=20):
    from portal.learning.sources import Activity

    params = {"user_id": user.id, "limit": limit, "plan_id": plan_id}
    return [
        Activity(PLAN_SOURCE, pid, "other", f"Completed: {title}", done.date())
        for pid, title, done in db.session.execute(_plan_query(plan_id is not None), params)
    ]


@cache
def _plan_query(one: bool):
    """_plan_rows' statement (every plan the person completed, or one), built once per process."""
    stmt = (
        select(DevelopmentPlan.id, DevelopmentPlan.title, DevelopmentPlan.completed_at)
        .where(DevelopmentPlan.owner_id == bindparam("user_id"), DevelopmentPlan.status == COMPLETED)
        .order_by(DevelopmentPlan.completed_at.desc())
        .limit(bindparam("limit", type_=Integer))
    )
    return stmt.where(DevelopmentPlan.id == bindparam("plan_id")) if one else stmt


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
