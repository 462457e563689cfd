"""What leadership offers the learning record's PRD targets (portal.learning.goals): a person's own plan goals
and any goals' progress, each in one query."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.leadership.models import GOAL_STATUSES, DevelopmentPlan, PlanGoal


def _goals(stmt) -> list:
    from portal.learning.goals import Goal

    rows = db.session.execute(
        stmt.add_columns(DevelopmentPlan.owner_id, DevelopmentPlan.title)
        .join(DevelopmentPlan, DevelopmentPlan.id == PlanGoal.plan_id)
        .options(selectinload(PlanGoal.updates))
        .order_by(DevelopmentPlan.id.desc(), PlanGoal.id)
    ).all()
    return [
        Goal(
            id=goal.id,
            owner_id=owner_id,
            plan_id=goal.plan_id,
            plan_title=title,
            what=goal.what,
            progress=GOAL_STATUSES.get(goal.latest_status, goal.latest_status),
            updates=len(goal.updates),
            last_update=goal.updates[-1].created_at.date() if goal.updates else None,
        )
        for goal, owner_id, title in rows
    ]


def own(user) -> list:
    return _goals(select(PlanGoal).where(DevelopmentPlan.owner_id == user.id))


def by_ids(ids) -> dict:
    return {g.id: g for g in _goals(select(PlanGoal).where(PlanGoal.id.in_(ids)))}


def register() -> None:
    from portal.learning.goals import register_goals

    register_goals(own, by_ids)
