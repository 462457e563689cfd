"""Survey invitations for "download my data" and erasure. Answers are anonymous: there is nothing to export
or erase, because nothing ties an answer to a person."""

from sqlalchemy import delete, select

from portal.core import personal_data
from portal.extensions import db
from portal.survey.models import Survey, SurveyInvitation


def export(user) -> dict:
    rows = db.session.execute(
        select(
            Survey.school_year, SurveyInvitation.invited_on, SurveyInvitation.reminded_on, SurveyInvitation.answered_on
        )
        .join(Survey, Survey.id == SurveyInvitation.survey_id)
        .where(SurveyInvitation.email == user.email)
        .order_by(Survey.school_year)
    ).all()
    return {
        "survey_invitations": [
            {"school_year": y, "invited_on": i, "reminded_on": r, "answered_on": a} for y, i, r, a in rows
        ]
    }


def erase(user) -> None:
    """Invitations go (response rates lose the person; their anonymous answer, if any, stays in the results)."""
    db.session.execute(delete(SurveyInvitation).where(SurveyInvitation.email == user.email))
    db.session.flush()


def register(app) -> None:
    personal_data.register(app, "survey", export=export, erase=erase)
