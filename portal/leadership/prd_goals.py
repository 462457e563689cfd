"""What leadership offers the learning record's PRD targets (portal.learning.goals): a person's own plan goals
and any goals' progress, each in one query."""

from sqlalchemy import func, select

from portal.extensions import db
from portal.leadership.models import GOAL_STATUSES, DevelopmentPlan, GoalUpdate, PlanGoal


def _goals(*where) -> list:
    from portal.learning.goals import Goal

    of_goal = GoalUpdate.goal_id == PlanGoal.id
    latest = select(GoalUpdate.status).where(of_goal).order_by(GoalUpdate.id.desc()).limit(1).scalar_subquery()
    count = select(func.count(GoalUpdate.id)).where(of_goal).scalar_subquery()
    last = select(func.max(GoalUpdate.created_at)).where(of_goal).scalar_subquery()
    rows = db.session.execute(
        select(
            PlanGoal.id,
            PlanGoal.plan_id,
            PlanGoal.what,
            DevelopmentPlan.owner_id,
            DevelopmentPlan.title,
            latest,
            count,
            last,
        )
        .join(DevelopmentPlan, DevelopmentPlan.id == PlanGoal.plan_id)
        .where(*where)
        .order_by(DevelopmentPlan.id.desc(), PlanGoal.id)
    ).all()
    return [
        Goal(
            id=goal_id,
            owner_id=owner_id,
            plan_id=plan_id,
            plan_title=title,
            what=what,
            progress=GOAL_STATUSES.get(status or "not_started", status),
            updates=updates or 0,
            last_update=last_at.date() if last_at else None,
        )
        for goal_id, plan_id, what, owner_id, title, status, updates, last_at in rows
    ]


def own(user) -> list:
    return _goals(DevelopmentPlan.owner_id == user.id)


def by_ids(ids) -> dict:
    return {g.id: g for g in _goals(PlanGoal.id.in_(ids))}


def register() -> None:
    from portal.learning.goals import register_goals

    register_goals(own, by_ids)
