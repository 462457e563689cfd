"""Who may see and change self-evaluations and plans: the author, and the people they share a plan with.

Admins get no pass here: they see aggregates only (see portal/leadership/insights.py)."""

from sqlalchemy import select

from portal.extensions import db
from portal.leadership.models import AGREED, DRAFT, SHARED, DevelopmentPlan, PlanShare, SelfEvaluation


def can_view_evaluation(user, evaluation: SelfEvaluation) -> bool:
    """The author, or someone the author shared a plan built on this evaluation with."""
    if user.id == evaluation.owner_id:
        return True
    shared = (
        select(PlanShare.id)
        .join(DevelopmentPlan, DevelopmentPlan.id == PlanShare.plan_id)
        .where(DevelopmentPlan.evaluation_id == evaluation.id, PlanShare.user_id == user.id)
        .limit(1)
    )
    return db.session.scalar(shared) is not None


def can_edit_evaluation(user, evaluation: SelfEvaluation) -> bool:
    return user.id == evaluation.owner_id and evaluation.status == DRAFT


def can_view_plan(user, plan: DevelopmentPlan) -> bool:
    return user.id == plan.owner_id or any(s.user_id == user.id for s in plan.shares)


def can_edit_plan(user, plan: DevelopmentPlan) -> bool:
    return user.id == plan.owner_id and plan.status != AGREED


def can_comment_plan(user, plan: DevelopmentPlan) -> bool:
    return plan.status != DRAFT and can_view_plan(user, plan)


def can_resolve_comment(user, plan: DevelopmentPlan, comment) -> bool:
    """The plan's author (acting on the comment) or the comment's author (e.g. the facilitator) resolves it."""
    return can_comment_plan(user, plan) and user.id in (plan.owner_id, comment.author_id)


def can_agree_plan(user, plan: DevelopmentPlan) -> bool:
    return plan.status == SHARED and any(s.user_id == user.id for s in plan.shares)
