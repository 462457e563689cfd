"""Nominations and survey answers in network cohorts, for "download my data" and erasure."""

from sqlalchemy import or_, select, update

from portal.cohorts.models import (
    CohortFacilitator,
    CohortTeam,
    ConfidenceResponse,
    InterestResponse,
    Nomination,
    RuleWaiver,
    SupportMeeting,
)
from portal.core import personal_data
from portal.extensions import db


def _rows(model, *where):
    return personal_data.as_rows(db.session.scalars(select(model).where(*where)))


def export(user) -> dict:
    return {
        "nominations": _rows(Nomination, or_(Nomination.leader_id == user.id, Nomination.practitioner_id == user.id)),
        "facilitating": _rows(CohortFacilitator, CohortFacilitator.user_id == user.id),
        "interests_survey": _rows(InterestResponse, InterestResponse.user_id == user.id),
        "confidence_survey": _rows(ConfidenceResponse, ConfidenceResponse.user_id == user.id),
    }


def erase(user) -> None:
    """Survey scales stay (cohort totals); the free-text hunch goes."""
    db.session.execute(update(InterestResponse).where(InterestResponse.user_id == user.id).values(hunch=""))
    db.session.flush()


def register(app) -> None:
    personal_data.register(app, "cohorts", export=export, erase=erase)
    personal_data.register_free_text(
        app,
        SupportMeeting.notes,
        SupportMeeting.actions,
        CohortTeam.summary,
        CohortTeam.enquiry_question,
        CohortTeam.observation_plan,
        RuleWaiver.detail,
        RuleWaiver.reason,
    )
