"""Loading evaluations and plans with everything a page needs, in a fixed number of queries."""

from sqlalchemy import select
from sqlalchemy.orm import lazyload, selectinload

from portal.extensions import db
from portal.frameworks.models import Framework
from portal.leadership.models import DevelopmentPlan, PlanShare, SelfEvaluation
from portal.leadership.modules import EVALUATION_KINDS


def my_evaluations(user) -> list[SelfEvaluation]:
    return list(
        db.session.scalars(
            select(SelfEvaluation)
            .where(SelfEvaluation.owner_id == user.id)
            .order_by(SelfEvaluation.started_at.desc(), SelfEvaluation.id.desc())
        )
    )


def load_plan(plan_id: int) -> DevelopmentPlan | None:
    return db.session.scalar(
        select(DevelopmentPlan)
        .where(DevelopmentPlan.id == plan_id)
        .options(
            selectinload(DevelopmentPlan.priorities),
            selectinload(DevelopmentPlan.goals),
            selectinload(DevelopmentPlan.modules),
            selectinload(DevelopmentPlan.requests),
            selectinload(DevelopmentPlan.shares),
            selectinload(DevelopmentPlan.comments),
            # The owner is most often the person reading, already loaded: lazyload takes them from the session.
            lazyload(DevelopmentPlan.owner),
            # The page shows the evaluation's label only: not its framework (nor, through it, the rating levels).
            selectinload(DevelopmentPlan.evaluation).lazyload(SelfEvaluation.framework),
        )
    )


def my_plans(user) -> list[DevelopmentPlan]:
    return list(
        db.session.scalars(
            select(DevelopmentPlan)
            .where(DevelopmentPlan.owner_id == user.id)
            .order_by(DevelopmentPlan.created_at.desc())
        )
    )


def plans_shared_with(user) -> list[DevelopmentPlan]:
    return list(
        db.session.scalars(
            select(DevelopmentPlan)
            .join(PlanShare, PlanShare.plan_id == DevelopmentPlan.id)
            .where(PlanShare.user_id == user.id)
            .options(selectinload(DevelopmentPlan.owner))
            .order_by(DevelopmentPlan.shared_at.desc())
        )
    )


def programme_frameworks() -> list[Framework]:
    """The programme's self-evaluation frameworks that exist (leadership, then school capacity); a read, never
    a write: the admin (or the demo loader) creates them."""
    rows = db.session.scalars(select(Framework).where(Framework.kind.in_(EVALUATION_KINDS)).order_by(Framework.id))
    return sorted(rows, key=lambda f: EVALUATION_KINDS.index(f.kind))
