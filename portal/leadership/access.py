"""Who may see and change self-evaluations and plans: the author, and the people they share a plan with.

Admins get no pass here: they see aggregates only (see portal/leadership/insights.py)."""

from sqlalchemy import or_, select

from portal.extensions import db
from portal.leadership.models import (
    DRAFT,
    EDITABLE,
    SHARED,
    UNDER_WAY,
    DevelopmentPlan,
    PlanShare,
    SelfEvaluation,
)


def can_view_evaluation(user, evaluation: SelfEvaluation) -> bool:
    """The author, or someone the author shared a plan built on this evaluation (either kind) with."""
    if user.id == evaluation.owner_id:
        return True
    shared = (
        select(PlanShare.id)
        .join(DevelopmentPlan, DevelopmentPlan.id == PlanShare.plan_id)
        .where(
            or_(
                DevelopmentPlan.evaluation_id == evaluation.id, DevelopmentPlan.capacity_evaluation_id == evaluation.id
            ),
            PlanShare.user_id == user.id,
        )
        .limit(1)
    )
    return db.session.scalar(shared) is not None


def can_edit_evaluation(user, evaluation: SelfEvaluation) -> bool:
    return user.id == evaluation.owner_id and evaluation.status == DRAFT


def can_view_plan(user, plan: DevelopmentPlan) -> bool:
    return user.id == plan.owner_id or any(s.user_id == user.id for s in plan.shares)


def can_edit_plan(user, plan: DevelopmentPlan) -> bool:
    """The owner, before agreement or once reopened for a change."""
    return user.id == plan.owner_id and plan.status in EDITABLE


def can_delete_plan(user, plan: DevelopmentPlan) -> bool:
    """A plan never agreed (an agreed plan is reopened, not deleted)."""
    return can_edit_plan(user, plan) and plan.agreed_at is None


def can_work_on_plan(user, plan: DevelopmentPlan) -> bool:
    """The owner of an agreed plan: progress updates, reflections, reopening, completing."""
    return user.id == plan.owner_id and plan.status in UNDER_WAY


def can_review_plan(user, plan: DevelopmentPlan) -> bool:
    """Someone the agreed plan is shared with records its midpoint and end-of-year reviews."""
    return plan.status in UNDER_WAY and any(s.user_id == user.id for s in plan.shares)


def can_comment_plan(user, plan: DevelopmentPlan) -> bool:
    return plan.status != DRAFT and can_view_plan(user, plan)


def can_resolve_comment(user, plan: DevelopmentPlan, comment) -> bool:
    """The plan's author (acting on the comment) or the comment's author (e.g. the facilitator) resolves it."""
    return can_comment_plan(user, plan) and user.id in (plan.owner_id, comment.author_id)


def can_agree_plan(user, plan: DevelopmentPlan) -> bool:
    return plan.status == SHARED and any(s.user_id == user.id for s in plan.shares)


def can_see_cohort_progress(user, cohort) -> bool:
    """The cohort's facilitator and the partnership lead officer (admin) see each member's progress."""
    from portal.core.roles import Role

    return user.has_role(Role.ADMIN) or (cohort.facilitator_id is not None and cohort.facilitator_id == user.id)
