"""Event feedback and end-of-year evaluations for "download my data" and erasure: each answer is its author's
personal data (the prompts record which events they were asked about, the reminders which rounds)."""

from sqlalchemy import delete, select

from portal.core import personal_data
from portal.events.models import Event
from portal.extensions import db
from portal.feedback.models import EvaluationReminder, EvaluationRound, EventFeedback, FeedbackPrompt, NetworkEvaluation


def export(user) -> dict:
    feedback = db.session.execute(
        select(Event.title, Event.starts_at, EventFeedback)
        .join(Event, Event.id == EventFeedback.event_id)
        .where(EventFeedback.user_id == user.id)
        .order_by(Event.starts_at)
    ).all()
    evaluations = db.session.execute(
        select(EvaluationRound.school_year, NetworkEvaluation)
        .join(EvaluationRound, EvaluationRound.id == NetworkEvaluation.round_id)
        .where(NetworkEvaluation.user_id == user.id)
        .order_by(EvaluationRound.school_year, NetworkEvaluation.id)
    ).all()
    asked = db.session.execute(
        select(Event.title, FeedbackPrompt.sent_at)
        .join(Event, Event.id == FeedbackPrompt.event_id)
        .where(FeedbackPrompt.user_id == user.id)
        .order_by(FeedbackPrompt.sent_at)
    ).all()
    reminded = db.session.execute(
        select(EvaluationRound.school_year, EvaluationReminder.sent_at)
        .join(EvaluationRound, EvaluationRound.id == EvaluationReminder.round_id)
        .where(EvaluationReminder.user_id == user.id)
        .order_by(EvaluationReminder.sent_at)
    ).all()
    return {
        "event_feedback": [
            {
                "event": title,
                "event_starts_at": starts,
                "rating": f.rating,
                "do_differently": f.do_differently,
                "confidence_before": f.confidence_before,
                "confidence_after": f.confidence_after,
                "given_at": f.created_at,
                "corrected_at": f.updated_at,
            }
            for title, starts, f in feedback
        ],
        "event_feedback_requests": [{"event": title, "sent_at": sent} for title, sent in asked],
        "network_evaluations": [
            {
                "school_year": year,
                "network_kind": e.network_kind,
                "network_id": e.network_id,
                "role": e.role,
                "progress": e.progress,
                "impact": e.impact,
                "progress_text": e.progress_text,
                "helped": e.helped,
                "hindered": e.hindered,
                "given_at": e.created_at,
                "corrected_at": e.updated_at,
            }
            for year, e in evaluations
        ],
        "network_evaluation_reminders": [{"school_year": year, "sent_at": sent} for year, sent in reminded],
    }


def erase(user) -> None:
    """The person's answers go with them (the aggregates lose them)."""
    for model in (EventFeedback, FeedbackPrompt, NetworkEvaluation, EvaluationReminder):
        db.session.execute(delete(model).where(model.user_id == user.id))
    db.session.flush()


def register(app) -> None:
    personal_data.register(app, "feedback", export=export, erase=erase)
