"""A leadership programme cohort's dashboard: places, plans, attendance, the self-evaluation before and after."""

from collections.abc import Callable

from sqlalchemy import Float, and_, case, cast, func, select
from sqlalchemy.orm import aliased

from portal.core.privacy import MIN_GROUP, suppress
from portal.core.tables import Column, Table
from portal.leadership.models import (
    AGREED,
    CONFIRMED,
    SUBMITTED,
    CohortPlace,
    DevelopmentPlan,
    EvaluationDomainScore,
    LeadershipCohort,
    SelfEvaluation,
)
from portal.reports import grouping as g
from portal.reports.batch import Batch
from portal.reports.cohort_service import (
    CohortReport,
    add_attendance,
    attendance_by_cohort,
    by_cohort,
    cohort_title,
)
from portal.reports.service import CONFIDENCE_COLUMNS, Section, confidence_row, people_count
from portal.reports.sources import ReportScope


def leadership_cohort(cohort: LeadershipCohort, scope: ReportScope, *, names: bool) -> CohortReport:
    return leadership_cohorts([cohort], scope, names=names)[0]


def leadership_cohorts(
    cohorts: list[LeadershipCohort], scope: ReportScope, *, names: bool, batch: Batch | None = None
) -> list[CohortReport]:
    """Each cohort's places, plans agreed, attendance per session, self-evaluation response and the paired
    before/after: one statement whether one cohort or several."""
    return plan_leadership_cohorts(cohorts, scope, names=names, batch=batch or Batch())()


def plan_leadership_cohorts(
    cohorts: list[LeadershipCohort], scope: ReportScope, *, names: bool, batch: Batch
) -> Callable[[], list[CohortReport]]:
    """Record the cohorts' reads in `batch`; the function returned builds their reports (reading the batch)."""
    if not cohorts:
        return list
    ids = [c.id for c in cohorts]
    place_filter = g.person_in_scope(scope, CohortPlace.person_id)
    places = (
        select(CohortPlace.cohort_id, CohortPlace.status, func.count())
        .where(CohortPlace.cohort_id.in_(ids), *place_filter)
        .group_by(CohortPlace.cohort_id, CohortPlace.status)
    )
    confirmed_plan = (
        select(CohortPlace.cohort_id.label("cohort_id"), DevelopmentPlan.evaluation_id, DevelopmentPlan.status)
        .join(LeadershipCohort, LeadershipCohort.id == CohortPlace.cohort_id)
        .join(
            DevelopmentPlan,
            and_(
                DevelopmentPlan.owner_id == CohortPlace.person_id, DevelopmentPlan.year_id == LeadershipCohort.year_id
            ),
        )
        .where(CohortPlace.cohort_id.in_(ids), CohortPlace.status == CONFIRMED, *place_filter)
    )
    agreed = (
        select(CohortPlace.cohort_id, func.count(func.distinct(DevelopmentPlan.owner_id)))
        .join(LeadershipCohort, LeadershipCohort.id == CohortPlace.cohort_id)
        .join(
            DevelopmentPlan,
            and_(
                DevelopmentPlan.owner_id == CohortPlace.person_id, DevelopmentPlan.year_id == LeadershipCohort.year_id
            ),
        )
        .where(CohortPlace.cohort_id.in_(ids), CohortPlace.status == CONFIRMED, DevelopmentPlan.status == AGREED)
        .where(*place_filter)
        .group_by(CohortPlace.cohort_id)
    )
    batch.add("leadership:places", places)
    batch.add("leadership:agreed", agreed)
    batch.add("leadership:evaluations", _leadership_evaluations(confirmed_plan.subquery()))
    add_attendance(batch, "leadership_cohort", ids, scope)

    def build() -> list[CohortReport]:
        counts = by_cohort(
            batch.rows("leadership:places") + [(cid, "agreed", n) for cid, n in batch.rows("leadership:agreed")]
        )
        evaluations = {row[0]: tuple(row[1:]) for row in batch.rows("leadership:evaluations")}
        attendance = attendance_by_cohort(batch, "leadership_cohort", ids)
        return [_leadership_report(cohort, names, counts, evaluations, attendance) for cohort in cohorts]

    return build


def _leadership_report(cohort, names, counts, evaluations, attendance) -> CohortReport:
    found = counts.get(cohort.id, {})
    n_confirmed = found.get(CONFIRMED, 0)
    summary = Table(
        "places",
        "Places and development plans",
        [Column("measure", "Measure"), Column("people", "People", "int")],
        [
            ["Places confirmed", people_count(n_confirmed)],
            ["Places nominated, not yet confirmed", people_count(found.get("nominated", 0))],
            ["Development plans agreed", people_count(found.get("agreed", 0))],
        ],
        f"A leadership cohort holds at most 30 senior leaders. Counts of 1 to {MIN_GROUP - 1} are not shown.",
    )
    facilitator = cohort.facilitator.name if names and cohort.facilitator else None
    survey, confidence = _evaluation_tables(n_confirmed, *evaluations.get(cohort.id, (0,) * 8))
    return CohortReport(
        title=cohort_title("leadership", cohort),
        lead=f"{n_confirmed} places confirmed" + (f"; facilitated by {facilitator}." if facilitator else "."),
        sections=[Section(summary), attendance[cohort.id], Section(survey), confidence],
    )


def _leadership_evaluations(plans):
    """Per cohort, the leadership programme's before and after: each confirmed leader's self-evaluation behind
    their plan for the cohort's year (`plans`: cohort_id, evaluation_id) and their repeat of it (the latest
    evaluation of the same framework submitted later): evaluations before and after, and the paired change in
    their mean rating as n, sum, sum of squares, improved, mean before, mean after (a read for the batch)."""
    first, later = aliased(SelfEvaluation), aliased(SelfEvaluation)
    repeat = (
        select(later.id)
        .where(
            later.owner_id == first.owner_id,
            later.framework_id == first.framework_id,
            later.status == SUBMITTED,
            later.submitted_at > first.submitted_at,
        )
        .order_by(later.submitted_at.desc())
        .limit(1)
        .correlate(first)
        .scalar_subquery()
    )
    pairs = (
        select(plans.c.cohort_id, first.id.label("before_id"), repeat.label("after_id"))
        .join(first, first.id == plans.c.evaluation_id)
        .where(first.status == SUBMITTED)
        .distinct()
        .subquery()
    )
    mean = (
        select(
            EvaluationDomainScore.evaluation_id.label("id"),
            (func.sum(EvaluationDomainScore.rating_sum) * 1.0 / func.sum(EvaluationDomainScore.rating_count)).label(
                "mean"
            ),
        )
        # only the evaluations paired here (by the index on evaluation_id), not every evaluation's scores
        .where(EvaluationDomainScore.evaluation_id.in_(select(pairs.c.before_id).union(select(pairs.c.after_id))))
        .group_by(EvaluationDomainScore.evaluation_id)
        .having(func.sum(EvaluationDomainScore.rating_count) > 0)
        .subquery()
    )
    before, after = aliased(mean), aliased(mean)
    change = after.c.mean - before.c.mean
    paired = after.c.mean.is_not(None) & before.c.mean.is_not(None)
    return (
        select(
            pairs.c.cohort_id,
            func.count(pairs.c.before_id),
            func.count(pairs.c.after_id),
            func.count(case((paired, 1))),
            cast(func.sum(change), Float),
            cast(func.sum(change * change), Float),
            func.sum(case((change > 0, 1), else_=0)),
            cast(func.avg(case((paired, before.c.mean))), Float),
            cast(func.avg(case((paired, after.c.mean))), Float),
        )
        .select_from(pairs)
        .outerjoin(before, before.c.id == pairs.c.before_id)
        .outerjoin(after, after.c.id == pairs.c.after_id)
        .group_by(pairs.c.cohort_id)
    )


def _evaluation_tables(n_confirmed, started, repeated, n, s, sq, up, mean_before, mean_after) -> tuple[Table, Section]:
    survey = Table(
        "survey_response",
        "Self-evaluation response",
        [
            Column("survey", "Self-evaluation"),
            Column("answered", "Submitted", "int"),
            Column("share", "Share", "percent"),
        ],
        [
            [label, people_count(k), suppress(k / n_confirmed, k) if n_confirmed and k else None]
            for label, k in (
                ("Self-evaluation behind the year's plan (before)", int(started or 0)),
                ("Repeat self-evaluation (after)", int(repeated or 0)),
            )
        ],
        f"Out of {n_confirmed} places confirmed. Counts of 1 to {MIN_GROUP - 1} are not shown.",
    )
    n = int(n or 0)
    row = confidence_row(n, float(s or 0), float(sq or 0), up, float(mean_before or 0), float(mean_after or 0), items=1)
    columns = [
        Column(c.key, c.label.replace("(1-5)", "(1-6)"), c.kind) if c.key in ("before", "after") else c
        for c in CONFIDENCE_COLUMNS
    ]
    confidence = Table(
        "confidence",
        "Self-evaluated leadership, paired before and after",
        [Column("item", "Measure"), *columns],
        [["Mean rating of every statement", *row]],
        f"Each leader's mean rating (1 to 6) in the self-evaluation behind their plan and in its repeat, paired per "
        f"person; n = {n} leaders with both"
        + (f", fewer than {MIN_GROUP}: figures are not shown." if n < MIN_GROUP else "."),
    )
    return survey, Section(confidence, chart="dz")
