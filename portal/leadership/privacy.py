"""Self-evaluations, plans and comments, for "download my data" and erasure (core.personal_data)."""

from datetime import timedelta

from sqlalchemy import delete, select, update

from portal.core import personal_data
from portal.extensions import db
from portal.leadership.models import (
    DevelopmentPlan,
    EvaluationAnswer,
    GoalUpdate,
    LearningRequest,
    PendingAnswers,
    PlanComment,
    PlanGoal,
    PlanPriority,
    PlanReview,
    SelfEvaluation,
)


def export(user) -> dict:
    evaluations = select(SelfEvaluation.id).where(SelfEvaluation.owner_id == user.id)
    plans = select(DevelopmentPlan.id).where(DevelopmentPlan.owner_id == user.id)
    return {
        "self_evaluations": personal_data.as_rows(
            db.session.scalars(select(SelfEvaluation).where(SelfEvaluation.owner_id == user.id))
        ),
        "evaluation_answers": personal_data.as_rows(
            db.session.scalars(select(EvaluationAnswer).where(EvaluationAnswer.evaluation_id.in_(evaluations)))
        ),
        "development_plans": personal_data.as_rows(
            db.session.scalars(select(DevelopmentPlan).where(DevelopmentPlan.owner_id == user.id))
        ),
        "plan_priorities": personal_data.as_rows(
            db.session.scalars(select(PlanPriority).where(PlanPriority.plan_id.in_(plans)))
        ),
        "plan_goals": personal_data.as_rows(db.session.scalars(select(PlanGoal).where(PlanGoal.plan_id.in_(plans)))),
        "plan_comments": personal_data.as_rows(
            db.session.scalars(select(PlanComment).where(PlanComment.author_id == user.id))
        ),
        "goal_progress_updates": personal_data.as_rows(
            db.session.scalars(select(GoalUpdate).where(GoalUpdate.author_id == user.id)), leave_out=("file_key",)
        ),
        "plan_reviews": personal_data.as_rows(
            db.session.scalars(
                select(PlanReview).where((PlanReview.plan_id.in_(plans)) | (PlanReview.reviewer_id == user.id))
            )
        ),
    }


def erase(user) -> None:
    """Ratings stay (the aggregate scores stay right); everything the person wrote in their own words goes."""
    evaluations = select(SelfEvaluation.id).where(SelfEvaluation.owner_id == user.id)
    db.session.execute(update(EvaluationAnswer).where(EvaluationAnswer.evaluation_id.in_(evaluations)).values(notes=""))
    db.session.execute(delete(PendingAnswers).where(PendingAnswers.evaluation_id.in_(evaluations)))
    plans = select(DevelopmentPlan.id).where(DevelopmentPlan.owner_id == user.id)
    db.session.execute(update(PlanPriority).where(PlanPriority.plan_id.in_(plans)).values(notes=""))
    db.session.execute(
        update(PlanComment).where(PlanComment.author_id == user.id).values(body="(removed at the author's request)")
    )
    db.session.execute(
        update(GoalUpdate)
        .where(GoalUpdate.author_id == user.id)
        .values(note="(removed at the author's request)", file_key=None, file_name="")
    )
    db.session.flush()


def purge_pending_answers(cutoff) -> int:
    return db.session.execute(delete(PendingAnswers).where(PendingAnswers.created_at < cutoff)).rowcount


def register(app) -> None:
    personal_data.register(app, "leadership", export=export, erase=erase)
    personal_data.register_free_text(
        app,
        PlanComment.body,
        PlanPriority.reason,
        PlanPriority.notes,
        PlanGoal.what,
        PlanGoal.actions,
        PlanGoal.success,
        LearningRequest.text,
        GoalUpdate.note,
        PlanReview.record,
        PlanReview.next_steps,
    )
    personal_data.register_retention(
        app, "answers kept after a session ended", timedelta(days=7), purge_pending_answers
    )
