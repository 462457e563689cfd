"""The interests survey and the confidence questionnaire: answering, reminding, flagging."""

from flask import url_for
from sqlalchemy import select

from portal.cohorts import queries
from portal.cohorts.access import can_manage_cohorts
from portal.cohorts.models import (
    ConfidenceResponse,
    FutureFacilitatorFlag,
    InterestResponse,
    MatchingRecord,
    NetworkCohort,
    SurveyReminder,
)
from portal.cohorts.rules import CONFIDENCE_ITEMS
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.mail import send_template
from portal.extensions import db
from portal.notifications import emails

HUNCH_MAX = 600


def answer_interests(cohort: NetworkCohort, user, *, ranked: list[str], hunch: str) -> InterestResponse:
    """Record (or change) a participant's top three interests and hunch while the survey is open."""
    if queries.participant_nomination(cohort, user) is None:
        raise ServiceError((None, "Only the people nominated for this cohort answer its survey."))
    if cohort.stage != "survey":
        raise ServiceError((None, "The interests survey is not open."))
    errors = []
    for i, (field, value) in enumerate(zip(("first", "second", "third"), ranked, strict=True)):
        if value not in cohort.interests:
            errors.append((field, f"Choose your {field} interest from the list."))
        elif value in ranked[:i]:
            errors.append((field, "Choose three different interests."))
    hunch = hunch.strip()
    if not hunch:
        errors.append(("hunch", "Write your hunch: the question you wonder about."))
    elif len(hunch) > HUNCH_MAX:
        errors.append(("hunch", f"Keep your hunch under {HUNCH_MAX} characters."))
    if errors:
        raise ServiceError(*errors)
    response = db.session.scalar(
        select(InterestResponse).where(InterestResponse.cohort_id == cohort.id, InterestResponse.user_id == user.id)
    )
    if response is None:
        response = InterestResponse(cohort_id=cohort.id, user_id=user.id)
        db.session.add(response)
    response.first, response.second, response.third = ranked
    response.hunch, response.answered_at = hunch, utcnow()
    db.session.flush()
    return response


def survey_status(cohort: NetworkCohort) -> list[dict]:
    """Every nominated person with their establishment and whether they have answered (two queries)."""
    answered = queries.responses_by_user(cohort)
    rows = []
    for nomination in queries.nominations(cohort):
        for person in nomination.people:
            rows.append({"person": person, "nomination": nomination, "response": answered.get(person.id)})
    return rows


def send_reminders(cohort: NetworkCohort, *, actor) -> int:
    """E-mail everyone nominated who has not answered yet; the round is recorded."""
    if not can_manage_cohorts(actor):
        raise ServiceError((None, "Only the partnership lead officer sends reminders."))
    if cohort.stage != "survey":
        raise ServiceError((None, "Reminders go out while the survey is open."))
    missing = [row["person"] for row in survey_status(cohort) if row["response"] is None]
    link = url_for("cohorts.answer_survey", cohort_id=cohort.id, _external=True)
    closes = cohort.survey_closes_on.strftime("%d %B %Y") if cohort.survey_closes_on else ""
    for person in missing:
        send_template(
            person.email,
            "survey_reminder",
            name=person.name,
            cohort=cohort.name,
            closes=closes,
            link=link,
            link_label="Answer the interests survey",
            reason=f"you are nominated for Collaborative Learning Network cohort {cohort.name}",
        )
    db.session.add(SurveyReminder(cohort_id=cohort.id, by_id=actor.id, recipients=len(missing)))
    db.session.flush()
    return len(missing)


def invite(cohort: NetworkCohort, rows: list[dict], *, reopened: bool = False) -> int:
    """E-mail each person in `rows` (survey_status rows) their invitation to the interests survey (outbox);
    works outside a request too (nominations close from the demo loader and commands)."""
    link = emails.absolute(emails.path("cohorts.answer_survey", cohort_id=cohort.id))
    closes = cohort.survey_closes_on.strftime("%d %B %Y") if cohort.survey_closes_on else ""
    for row in rows:
        person = row["person"]
        send_template(
            person.email,
            "survey_invitation",
            name=person.name,
            cohort=cohort.name,
            establishment=row["nomination"].establishment.name,
            closes=closes,
            reopened=reopened,
            link=link,
            link_label="Answer the interests survey",
            reason=f"you are nominated for Collaborative Learning Network cohort {cohort.name}",
        )
    return len(rows)


def invite_everyone(cohort: NetworkCohort) -> int:
    """The survey opens: every nominated person is invited by e-mail."""
    return invite(cohort, survey_status(cohort))


def reopen(cohort: NetworkCohort, *, actor) -> int:
    """Open the closed survey again (before publication): those who have not answered are invited again.
    A plan already made stays; run or re-optimise once the new answers are in."""
    if not can_manage_cohorts(actor):
        raise ServiceError((None, "Only the partnership lead officer reopens the survey."))
    if cohort.stage != "matching":
        raise ServiceError((None, "Only a closed survey can reopen, and only until the teams are published."))
    cohort.stage = "survey"
    missing = [row for row in survey_status(cohort) if row["response"] is None]
    db.session.add(
        MatchingRecord(
            cohort_id=cohort.id, action="reopen_survey", by_id=actor.id, inputs={"invited": len(missing)}, result=None
        )
    )
    db.session.flush()
    return invite(cohort, missing, reopened=True)


def answer_confidence(cohort: NetworkCohort, user, *, phase: str, answers: dict) -> ConfidenceResponse:
    """Record a participant's confidence at the start or the end (the same items both times)."""
    if queries.participant_nomination(cohort, user) is None:
        raise ServiceError((None, "Only the people nominated for this cohort answer this questionnaire."))
    if phase not in ("start", "end"):
        raise ServiceError((None, "Unknown questionnaire."))
    errors = [
        (key, "Choose how confident you feel.")
        for key, _ in CONFIDENCE_ITEMS
        if answers.get(key) not in (1, 2, 3, 4, 5)
    ]
    if errors:
        raise ServiceError(*errors)
    if phase == "end" and "start" not in queries.confidence_of(cohort, user):
        raise ServiceError((None, "Answer the start questionnaire first, so the two can be paired."))
    row = db.session.scalar(
        select(ConfidenceResponse).where(
            ConfidenceResponse.cohort_id == cohort.id,
            ConfidenceResponse.user_id == user.id,
            ConfidenceResponse.phase == phase,
        )
    )
    if row is None:
        row = ConfidenceResponse(cohort_id=cohort.id, user_id=user.id, phase=phase)
        db.session.add(row)
    row.answers = {key: answers[key] for key, _ in CONFIDENCE_ITEMS}
    row.answered_at = utcnow()
    db.session.flush()
    return row


def flag_future_facilitator(cohort: NetworkCohort, person, *, actor, flagged: bool) -> None:
    """Mark (or unmark) a participant as a potential future key facilitator."""
    if not can_manage_cohorts(actor):
        raise ServiceError((None, "Only the partnership lead officer flags future facilitators."))
    if queries.participant_nomination(cohort, person) is None:
        raise ServiceError((None, f"{person.name} is not a participant of this cohort."))
    row = db.session.scalar(
        select(FutureFacilitatorFlag).where(
            FutureFacilitatorFlag.cohort_id == cohort.id, FutureFacilitatorFlag.user_id == person.id
        )
    )
    if flagged and row is None:
        db.session.add(FutureFacilitatorFlag(cohort_id=cohort.id, user_id=person.id, by_id=actor.id))
    elif not flagged and row is not None:
        db.session.delete(row)
    db.session.flush()
