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


def load_scale(ctx) -> None:
    """Start and end confidence for every participant of the published scale cohorts (bulk), and a few future
    facilitators per cohort, so the aims and cohort dashboards have five years of pairs to aggregate."""
    from sqlalchemy import insert

    from portal.cohorts.models import Nomination
    from portal.core.roles import Role

    rng = ctx.rng
    rows = db.session.execute(
        select(Nomination.cohort_id, Nomination.leader_id, Nomination.practitioner_id)
        .join(NetworkCohort, NetworkCohort.id == Nomination.cohort_id)
        .where(NetworkCohort.stage == "published")
    ).all()
    answered = set(db.session.execute(select(ConfidenceResponse.cohort_id, ConfidenceResponse.user_id)).all())
    admins = ctx.user_ids_by_role.get(Role.ADMIN, [])
    responses, flags = [], []
    for cohort_id, *people in rows:
        for person in people:
            if person is None or (cohort_id, person) in answered:
                continue
            start = {key: rng.randint(1, 4) for key, _ in CONFIDENCE_ITEMS}
            responses.append({"cohort_id": cohort_id, "user_id": person, "phase": "start", "answers": start})
            if rng.random() < 0.8:
                end = {key: min(5, value + rng.choice((0, 0, 1, 1, 2))) for key, value in start.items()}
                responses.append({"cohort_id": cohort_id, "user_id": person, "phase": "end", "answers": end})
            if admins and rng.random() < 0.03:
                flags.append({"cohort_id": cohort_id, "user_id": person, "by_id": admins[0]})
    if responses:
        db.session.execute(insert(ConfidenceResponse), responses)
    if flags:
        db.session.execute(insert(FutureFacilitatorFlag), flags)
    db.session.flush()
