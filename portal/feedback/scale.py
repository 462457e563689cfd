"""Scale data for feedback: about a third of the people marked present at the scale region's past events give
feedback, and a round of the end-of-year evaluation per cohort year with about 60% of the cohorts' nominees
answering (inserted in bulk), so the organisers', programme and results pages are measured at partnership size."""

from datetime import date

from sqlalchemy import insert, select

from portal.cohorts.models import NetworkCohort, Nomination
from portal.events.models import BOOKED, Booking
from portal.extensions import db
from portal.feedback.models import EvaluationRound, EventFeedback, NetworkEvaluation

SAYINGS = ("Try it with one class first.", "Share it with my department.", "Collect data weekly.", "")


def load_scale(ctx) -> None:
    _event_feedback(ctx.rng)
    _evaluations(ctx.rng)
    db.session.flush()


def _evaluations(rng) -> None:
    cohorts = db.session.execute(select(NetworkCohort.id, NetworkCohort.school_year)).all()
    rounds = {}
    for year in sorted({int(label[:4]) for _, label in cohorts}):
        found = EvaluationRound(school_year=year, opens_on=date(year + 1, 6, 1), closes_on=date(year + 1, 6, 30))
        db.session.add(found)
        db.session.flush()
        rounds[year] = found.id
    year_of = {cohort_id: int(label[:4]) for cohort_id, label in cohorts}
    rows = []
    nominees = select(Nomination.cohort_id, Nomination.leader_id, Nomination.practitioner_id)
    for cohort_id, *people in db.session.execute(nominees):
        for user_id in {p for p in people if p}:
            if rng.random() < 0.6:
                rows.append(
                    {
                        "round_id": rounds[year_of[cohort_id]],
                        "network_kind": "cohort",
                        "network_id": cohort_id,
                        "user_id": user_id,
                        "role": "participant",
                        "progress": rng.randint(2, 5),
                        "impact": rng.randint(1, 5),
                        "progress_text": "",
                        "helped": rng.choice(HELPED),
                        "hindered": rng.choice(HINDERED),
                    }
                )
    if rows:
        db.session.execute(insert(NetworkEvaluation), rows)


HELPED = ("Time to meet", "Our facilitator", "Data from the other schools", "")
HINDERED = ("Staff absence", "Workload", "")


def _event_feedback(rng) -> None:
    present = db.session.execute(
        select(Booking.event_id, Booking.user_id).where(Booking.status == BOOKED, Booking.attended.is_(True))
    ).all()
    rows = []
    for event_id, user_id in present:
        if rng.random() >= 0.35:
            continue
        before = rng.randint(1, 4)
        rows.append(
            {
                "event_id": event_id,
                "user_id": user_id,
                "rating": rng.choice((2, 3, 4, 4, 5, 5)),
                "do_differently": rng.choice(SAYINGS),
                "confidence_before": before,
                "confidence_after": min(5, before + rng.choice((0, 1, 1, 2))),
            }
        )
        if len(rows) >= 20000:
            db.session.execute(insert(EventFeedback), rows)
            rows = []
    if rows:
        db.session.execute(insert(EventFeedback), rows)
