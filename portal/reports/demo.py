"""Demo data for the reports: the demo cohort's end-of-cohort confidence and a few future facilitators, so the
lead officer's reports show every aim with figures (the other domains' demo data supplies the rest)."""

from sqlalchemy import select

from portal.cohorts.models import ConfidenceResponse, FutureFacilitatorFlag, NetworkCohort
from portal.cohorts.rules import CONFIDENCE_ITEMS
from portal.extensions import db


def load_demo(ctx) -> None:
    cohort = db.session.scalar(
        select(NetworkCohort).where(NetworkCohort.school_year == "2026-27", NetworkCohort.letter == "A")
    )
    if cohort is None:
        return
    ends = select(ConfidenceResponse.id).where(
        ConfidenceResponse.cohort_id == cohort.id, ConfidenceResponse.phase == "end"
    )
    if db.session.scalar(ends):
        return
    starts = list(
        db.session.scalars(
            select(ConfidenceResponse)
            .where(ConfidenceResponse.cohort_id == cohort.id, ConfidenceResponse.phase == "start")
            .order_by(ConfidenceResponse.user_id)
        )
    )
    for i, start in enumerate(starts[: len(starts) * 3 // 4]):
        # Most rise by a point or two on some items; every seventh person stays where they were.
        answers = {
            key: min(5, value + (0 if i % 7 == 0 else (i + j) % 3))
            for j, (key, _) in enumerate(CONFIDENCE_ITEMS)
            for value in [start.answers[key]]
        }
        db.session.add(ConfidenceResponse(cohort_id=cohort.id, user_id=start.user_id, phase="end", answers=answers))
    lead = ctx.users["lead"]
    for start in starts[:6:2]:
        db.session.add(FutureFacilitatorFlag(cohort_id=cohort.id, user_id=start.user_id, by_id=lead.id))
    db.session.flush()
