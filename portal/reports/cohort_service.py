"""Cohort dashboards (network and leadership cohorts) and the board paper: grouped queries, a fixed number each."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, func, literal, or_, select, union_all
from sqlalchemy.orm import aliased

from portal.accounts.models import User
from portal.cohorts.models import (
    MEETINGS,
    CohortTeam,
    ConfidenceResponse,
    FutureFacilitatorFlag,
    InterestResponse,
    NetworkCohort,
    Nomination,
    SupportMeeting,
)
from portal.cohorts.rules import CONFIDENCE_ITEMS
from portal.core.dates import utcnow
from portal.core.privacy import MIN_GROUP, suppress
from portal.core.tables import Column, Table
from portal.enquiries.plan_models import DataPoint, Enquiry, Measure
from portal.events.models import BOOKED, Booking, Event
from portal.extensions import db
from portal.leadership.models import (
    AGREED,
    CONFIRMED,
    SUBMITTED,
    CohortPlace,
    DevelopmentPlan,
    EvaluationDomainScore,
    LeadershipCohort,
    ProgrammeYear,
    SelfEvaluation,
)
from portal.organisations.models import Establishment
from portal.practice.models import PUBLISHED, STATE_LABELS, PracticeAccount, Use
from portal.reports import grouping as g
from portal.reports.service import CONFIDENCE_COLUMNS, Section, confidence_row, people_count
from portal.reports.sources import ReportScope

STAGE_LABELS = {"planning": "Planning", "implementing": "Implementing", "evaluating": "Evaluating", "shared": "Shared"}


@dataclass
class CohortReport:
    title: str
    lead: str  # one sentence under the title
    sections: list[Section] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)  # names of future facilitators (empty when names are off)
    flagged_count: int | None = None


def _attendance(context_type: str, context_ids: list[int], scope: ReportScope) -> dict[int, Section]:
    """Each cohort's attendance per core event, for every cohort asked for in one query: {cohort id: Section}."""
    attended = func.sum(case((Booking.attended.is_(True), 1), else_=0))
    absent = func.sum(case((Booking.attended.is_(False), 1), else_=0))
    per_cohort: dict[int, list] = {cid: [] for cid in context_ids}
    for context_id, title, starts_at, booked, came, away in db.session.execute(
        select(Event.context_id, Event.title, Event.starts_at, func.count(Booking.id), attended, absent)
        .outerjoin(Booking, (Booking.event_id == Event.id) & (Booking.status == BOOKED))
        .where(Event.context_type == context_type, Event.context_id.in_(context_ids), Event.cancelled.is_(False))
        .where(*g.person_in_scope(scope, Booking.user_id))
        .group_by(Event.id, Event.context_id, Event.title, Event.starts_at)
        .order_by(Event.starts_at)
    ):
        came, away = int(came or 0), int(away or 0)
        recorded = came + away
        per_cohort[context_id].append(
            [
                title,
                starts_at.date(),
                people_count(booked),
                people_count(came),
                suppress(came / recorded, recorded) if recorded else None,
            ]
        )
    return {cid: _attendance_section(rows) for cid, rows in per_cohort.items()}


def _attendance_section(rows: list) -> Section:
    return Section(
        Table(
            "attendance",
            "Attendance at each core event",
            [
                Column("event", "Event"),
                Column("date", "Date", "date"),
                Column("booked", "Places booked", "int"),
                Column("attended", "Attended", "int"),
                Column("rate", "Attendance rate", "percent"),
            ],
            rows,
            f"Places booked and attended per event, the rate over those the register recorded; {len(rows)} events. "
            f"Counts of 1 to {MIN_GROUP - 1} people are not shown.",
        ),
        chart="attended",
    )


def network_cohort(cohort: NetworkCohort, scope: ReportScope, *, names: bool) -> CohortReport:
    return network_cohorts([cohort], scope, names=names)[0]


def _by_cohort(rows) -> dict:
    """{cohort id: {key: value}} from (cohort id, key, value) rows."""
    out: dict = {}
    for cid, key, value in rows:
        out.setdefault(cid, {})[key] = value
    return out


def network_cohorts(cohorts: list[NetworkCohort], scope: ReportScope, *, names: bool) -> list[CohortReport]:
    """Each cohort's teams, meetings, enquiry stage, data points, accounts; attendance; survey response; confidence;
    flags. The same eight queries for one cohort or the board paper's several (each grouped by cohort)."""
    if not cohorts:
        return []
    ids = [c.id for c in cohorts]
    la = [Nomination.authority_id == scope.authority_id] if scope.authority_id else []
    in_scope_teams = select(Nomination.team_id).where(Nomination.cohort_id.in_(ids), *la)
    teams: dict[int, list] = {cid: [] for cid in ids}
    for cid, *team in db.session.execute(
        select(
            CohortTeam.cohort_id,
            CohortTeam.id,
            CohortTeam.number,
            User.name,
            Enquiry.status,
            PracticeAccount.state,
            CohortTeam.team_id,
        )
        .outerjoin(User, User.id == CohortTeam.facilitator_id)
        .outerjoin(Enquiry, Enquiry.team_id == CohortTeam.team_id)
        .outerjoin(PracticeAccount, PracticeAccount.team_id == CohortTeam.team_id)
        .where(CohortTeam.cohort_id.in_(ids), CohortTeam.id.in_(in_scope_teams))
        .order_by(CohortTeam.number)
    ):
        teams[cid].append(team)
    members = _by_cohort(
        db.session.execute(
            select(
                Nomination.cohort_id,
                Nomination.team_id,
                func.count(Nomination.leader_id) + func.count(Nomination.practitioner_id),
            )
            .where(Nomination.cohort_id.in_(ids), *la)
            .group_by(Nomination.cohort_id, Nomination.team_id)
        )
    )
    held = _by_cohort(
        db.session.execute(
            select(
                CohortTeam.cohort_id,
                SupportMeeting.team_id,
                func.sum(case((SupportMeeting.held.is_(True), 1), else_=0)),
            )
            .join(CohortTeam, CohortTeam.id == SupportMeeting.team_id)
            .where(CohortTeam.cohort_id.in_(ids))
            .group_by(CohortTeam.cohort_id, SupportMeeting.team_id)
        )
    )
    points = dict(
        db.session.execute(
            select(Enquiry.team_id, func.count(DataPoint.id))
            .join(Measure, Measure.enquiry_id == Enquiry.id)
            .join(DataPoint, DataPoint.measure_id == Measure.id)
            .where(Enquiry.team_id.in_(select(CohortTeam.team_id).where(CohortTeam.cohort_id.in_(ids))))
            .group_by(Enquiry.team_id)
        ).all()
    )
    survey = _survey_response(ids, la)
    confidence = _item_confidence(ids, scope)
    attendance = _attendance("network_cohort", ids, scope)
    flag_filter = g.person_in_scope(scope, FutureFacilitatorFlag.user_id)
    flagged: dict[int, list[str]] = {cid: [] for cid in ids}
    for cid, name in db.session.execute(
        select(FutureFacilitatorFlag.cohort_id, User.name)
        .join(FutureFacilitatorFlag, FutureFacilitatorFlag.user_id == User.id)
        .where(FutureFacilitatorFlag.cohort_id.in_(ids), *flag_filter)
        .order_by(User.name)
    ):  # read for the count even where names are not shown: a cohort flags a handful of people
        flagged[cid].append(name)
    reports = []
    for cohort in cohorts:
        cid = cohort.id
        per_team, meetings = members.get(cid, {}), held.get(cid, {})
        nominated = sum(per_team.values())  # every nomination in scope, with a team or not (team None)
        rows = [
            [
                f"Team {number}",
                (facilitator or "not yet named") if names else ("named" if facilitator else "not yet named"),
                per_team.get(tid, 0),
                int(meetings.get(tid) or 0),
                STAGE_LABELS.get(status, "No plan yet"),
                points.get(enquiry_team, 0),
                STATE_LABELS.get(state, "Not started"),
            ]
            for tid, number, facilitator, status, state, enquiry_team in teams[cid]
        ]
        reports.append(
            CohortReport(
                title=f"Network cohort {cohort.name}",
                lead=f"{cohort.stage_label}. {len(rows)} teams, {nominated} people nominated"
                + (" from your local authority." if scope.authority_id else "."),
                sections=[
                    Section(_team_table(rows, names), chart="meetings"),
                    attendance[cid],
                    Section(_survey_table(survey.get(cid, {}), nominated)),
                    confidence[cid],
                ],
                flagged=flagged[cid] if names else [],
                flagged_count=len(flagged[cid]),
            )
        )
    return reports


def _team_table(rows: list, names: bool) -> Table:
    return Table(
        "teams",
        "Teams",
        [
            Column("team", "Team"),
            Column("facilitator", "Key facilitator"),
            Column("members", "Members", "int"),
            Column("meetings", f"Support meetings held (of {len(MEETINGS)})", "int"),
            Column("stage", "Enquiry stage"),
            Column("points", "Data points recorded", "int"),
            Column("account", "Account of practice"),
        ],
        rows,
        f"Each team's facilitator, members, support meetings held of the five, enquiry stage, data points recorded "
        f"and account of practice; {len(rows)} teams" + ("." if names else " (names are not shown in this view)."),
    )


def _survey_response(ids: list[int], la: list) -> dict[int, dict[str, int]]:
    """Per cohort: interests surveys answered and confidence questionnaires per phase, by people nominated in the
    scope (one statement)."""
    in_cohort = [
        select(Nomination.id)
        .where(
            Nomination.cohort_id == model.cohort_id,
            or_(Nomination.leader_id == model.user_id, Nomination.practitioner_id == model.user_id),
            *la,
        )
        .exists()
        for model in (InterestResponse, ConfidenceResponse)
    ]
    answered = (
        select(InterestResponse.cohort_id, literal("interests"), func.count(InterestResponse.id))
        .where(InterestResponse.cohort_id.in_(ids), in_cohort[0])
        .group_by(InterestResponse.cohort_id)
    )
    phases = (
        select(ConfidenceResponse.cohort_id, ConfidenceResponse.phase, func.count())
        .where(ConfidenceResponse.cohort_id.in_(ids), in_cohort[1])
        .group_by(ConfidenceResponse.cohort_id, ConfidenceResponse.phase)
    )
    return _by_cohort(db.session.execute(union_all(answered, phases)))


def _survey_table(counts: dict[str, int], nominated: int) -> Table:
    return Table(
        "survey_response",
        "Survey response",
        [Column("survey", "Questionnaire"), Column("answered", "Answered", "int"), Column("share", "Share", "percent")],
        [
            [label, people_count(n), suppress(n / nominated, n) if nominated and n else None]
            for label, n in (
                ("Interests survey answered", counts.get("interests", 0)),
                ("Confidence questionnaire at the start", counts.get("start", 0)),
                ("Confidence questionnaire at the end", counts.get("end", 0)),
            )
        ],
        f"Out of {nominated} people nominated. Counts of 1 to {MIN_GROUP - 1} are not shown.",
    )


def _item_confidence(ids: list[int], scope: ReportScope) -> dict[int, Section]:
    """Per cohort, per item and overall: paired n, means before and after, d_z with its interval, share improved
    (one query for every cohort asked for)."""
    start, end = aliased(ConfidenceResponse), aliased(ConfidenceResponse)
    columns = []
    for key, _ in CONFIDENCE_ITEMS:
        before, after = start.answers[key].as_integer(), end.answers[key].as_integer()
        change = after - before
        columns += [
            func.sum(change),
            func.sum(change * change),
            func.sum(case((change > 0, 1), else_=0)),
            func.avg(before),
            func.avg(after),
        ]
    total_before = sum(start.answers[k].as_integer() for k, _ in CONFIDENCE_ITEMS)
    total_after = sum(end.answers[k].as_integer() for k, _ in CONFIDENCE_ITEMS)
    total_change = total_after - total_before
    columns += [
        func.sum(total_change),
        func.sum(total_change * total_change),
        func.sum(case((total_change > 0, 1), else_=0)),
        func.avg(total_before),
        func.avg(total_after),
    ]
    found = {
        row[0]: row[1:]
        for row in db.session.execute(
            select(start.cohort_id, func.count(), *columns)
            .select_from(start)
            .join(end, and_(end.cohort_id == start.cohort_id, end.user_id == start.user_id, end.phase == "end"))
            .where(start.cohort_id.in_(ids), start.phase == "start", *g.person_in_scope(scope, start.user_id))
            .group_by(start.cohort_id)
        )
    }
    return {cid: _confidence_section(*found.get(cid, (0,) + (None,) * len(columns))) for cid in ids}


def _confidence_section(n, *values) -> Section:
    values = list(values)
    rows = []
    for i, (_, label) in enumerate(CONFIDENCE_ITEMS):
        s, sq, up, before, after = values[5 * i : 5 * i + 5]
        rows.append([label, *confidence_row(n, s, sq, up, before or 0, after or 0, items=1)])
    s, sq, up, before, after = values[-5:]
    rows.append(["All five items (mean)", *confidence_row(n, s, sq, up, before or 0, after or 0)])
    return Section(
        Table(
            "confidence",
            "Confidence in enquiry skills, paired before and after",
            [Column("item", "Item"), *CONFIDENCE_COLUMNS],
            rows,
            f"Each person's answer at the start and the end of the cohort (1 not confident to 5 very confident), "
            f"paired per person; n = {n} people answered both"
            + (f", fewer than {MIN_GROUP}: figures are not shown." if n < MIN_GROUP else "."),
        ),
        chart="dz",
    )


def leadership_cohort(cohort: LeadershipCohort, scope: ReportScope, *, names: bool) -> CohortReport:
    return leadership_cohorts([cohort], scope, names=names)[0]


def leadership_cohorts(cohorts: list[LeadershipCohort], scope: ReportScope, *, names: bool) -> list[CohortReport]:
    """Each cohort's places, plans agreed, attendance per session, self-evaluation response and the paired
    before/after: three grouped queries whether one cohort or several."""
    if not cohorts:
        return []
    ids = [c.id for c in cohorts]
    place_filter = g.person_in_scope(scope, CohortPlace.person_id)
    places = select(CohortPlace.cohort_id, CohortPlace.status, func.count()).where(
        CohortPlace.cohort_id.in_(ids), *place_filter
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
        select(CohortPlace.cohort_id, literal("agreed"), func.count(func.distinct(DevelopmentPlan.owner_id)))
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
    counts = _by_cohort(
        db.session.execute(union_all(places.group_by(CohortPlace.cohort_id, CohortPlace.status), agreed))
    )
    evaluations = _leadership_evaluations(ids, confirmed_plan.subquery())
    attendance = _attendance("leadership_cohort", ids, scope)
    reports = []
    for cohort in cohorts:
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
        reports.append(
            CohortReport(
                title=f"Leadership cohort {cohort}",
                lead=f"{n_confirmed} places confirmed" + (f"; facilitated by {facilitator}." if facilitator else "."),
                sections=[Section(summary), attendance[cohort.id], Section(survey), confidence],
            )
        )
    return reports


def _leadership_evaluations(ids: list[int], plans) -> dict[int, tuple]:
    """Per cohort, the leadership programme's before and after: each confirmed leader's self-evaluation behind
    their plan for the cohort's year (`plans`: cohort_id, evaluation_id) and their repeat of it (the latest
    evaluation of the same framework submitted later): evaluations before and after, and the paired change in
    their mean rating as n, sum, sum of squares, improved, mean before, mean after (one query)."""
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
        .group_by(EvaluationDomainScore.evaluation_id)
        .having(func.sum(EvaluationDomainScore.rating_count) > 0)
        .subquery()
    )
    before, after = aliased(mean), aliased(mean)
    change = after.c.mean - before.c.mean
    paired = after.c.mean.is_not(None) & before.c.mean.is_not(None)
    return {
        row[0]: tuple(row[1:])
        for row in db.session.execute(
            select(
                pairs.c.cohort_id,
                func.count(pairs.c.before_id),
                func.count(pairs.c.after_id),
                func.count(case((paired, 1))),
                func.sum(change),
                func.sum(change * change),
                func.sum(case((change > 0, 1), else_=0)),
                func.avg(case((paired, before.c.mean))),
                func.avg(case((paired, after.c.mean))),
            )
            .select_from(pairs)
            .outerjoin(before, before.c.id == pairs.c.before_id)
            .outerjoin(after, after.c.id == pairs.c.after_id)
            .group_by(pairs.c.cohort_id)
        )
    }


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


# The board paper ----------------------------------------------------------------------------------------------


def half_year(today: date) -> tuple[date, date]:
    """The half of the school year holding `today`: 1 August to 31 January, or 1 February to 31 July."""
    if today.month >= 8:
        return date(today.year, 8, 1), date(today.year + 1, 2, 1)
    if today.month == 1:
        return date(today.year - 1, 8, 1), date(today.year, 2, 1)
    return date(today.year, 2, 1), date(today.year, 8, 1)


def previous_period(since: date, until: date) -> tuple[date, date]:
    """The period of the same length just before (the last paper's), by whole months where it can."""
    months = (until.year - since.year) * 12 + until.month - since.month
    if months > 0 and since.day == 1 and until.day == 1:
        m = since.month - months
        y = since.year + (m - 1) // 12
        return date(y, (m - 1) % 12 + 1, 1), since
    return since - (until - since), since


HEADLINE_BRANCHES = ("people", "attendance", "findings", "accounts", "uses")


def headlines(scope: ReportScope, *periods: tuple[date, date]) -> list[dict[str, int | float | None]]:
    """The board's headline figures for each period, in one statement: a UNION ALL branch per figure, two columns
    per period (conditional counts over the span of all the periods)."""
    bounds = [(datetime.combine(a, datetime.min.time()), datetime.combine(b, datetime.min.time())) for a, b in periods]
    first, last, now = min(a for a, _ in bounds), max(b for _, b in bounds), utcnow()

    def per_period(column, *values):
        """For each period: the values (functions of the period's condition), padded to two."""
        out = []
        for a, b in bounds:
            inside = and_(column >= a, column < b)
            out += [v(inside) for v in values] + [literal(0)] * (2 - len(values))
        return out

    inv = g.scoped_involvement(scope, since=first, until=last)
    people = select(
        literal("people"),
        *per_period(
            inv.c.at,
            lambda c: func.count(func.distinct(case((c, inv.c.user_id)))),
            lambda c: func.count(func.distinct(case((c, inv.c.est_id)))),
        ),
    )
    attendance = (
        select(
            literal("attendance"),
            *per_period(
                Event.starts_at,
                lambda c: func.sum(case((and_(c, Booking.attended.is_(True)), 1), else_=0)),
                lambda c: func.sum(case((and_(c, Booking.attended.is_not(None)), 1), else_=0)),
            ),
        )
        .select_from(Booking)
        .join(Event, Event.id == Booking.event_id)
        .where(
            Booking.status == BOOKED,
            Event.cancelled.is_(False),
            Event.starts_at >= first,
            Event.starts_at < min(last, now),
            *g.person_in_scope(scope, Booking.user_id),
        )
    )
    findings = select(
        literal("findings"), *per_period(Enquiry.published_at, lambda c: func.count(case((c, Enquiry.id))))
    ).where(Enquiry.published_at >= first, Enquiry.published_at < last, *g.team_in_scope(scope, Enquiry.team_id))
    accounts = select(
        literal("accounts"),
        *per_period(PracticeAccount.published_at, lambda c: func.count(case((c, PracticeAccount.id)))),
    ).where(
        PracticeAccount.state == PUBLISHED,
        PracticeAccount.published_at >= first,
        PracticeAccount.published_at < last,
        *g.team_in_scope(scope, PracticeAccount.team_id),
    )
    uses = (
        select(literal("uses"), *per_period(Use.created_at, lambda c: func.count(case((c, Use.id)))))
        .select_from(Use)
        .outerjoin(Establishment, Establishment.id == Use.establishment_id)
        .where(Use.created_at >= first, Use.created_at < last, *g.establishment_filters(scope))
    )
    found = {row[0]: row[1:] for row in db.session.execute(union_all(people, attendance, findings, accounts, uses))}
    results = []
    for i in range(len(bounds)):
        values = {
            tag: [int(v or 0) for v in found.get(tag, ())[2 * i : 2 * i + 2]] or [0, 0] for tag in HEADLINE_BRANCHES
        }
        (n_people, n_est), (came, recorded) = values["people"], values["attendance"]
        results.append(
            {
                "People who started taking part": people_count(n_people),
                "Establishments that started taking part": n_est,
                "Places attended at events": people_count(came),
                "Attendance rate (%)": suppress(round(100 * came / recorded), recorded) if recorded else None,
                "Enquiries that reported findings": values["findings"][0],
                "Accounts of practice published": values["accounts"][0],
                '"Used this" records': values["uses"][0],
            }
        )
    return results


def _span(since: date, until: date) -> str:
    return f"{since:%d %b %Y} to {until - timedelta(days=1):%d %b %Y}"


def headline_table(scope: ReportScope, since: date, until: date) -> Table:
    before = previous_period(since, until)
    now, then = headlines(scope, (since, until), before)
    rows = []
    for label, value in now.items():
        last = then[label]
        change = value - last if value is not None and last is not None else None  # None: not shown
        rows.append([label, value, last, change])
    return Table(
        "headlines",
        "Headline figures",
        [
            Column("figure", "Figure"),
            Column("now", f"This paper ({_span(since, until)})", "int"),
            Column("before", f"Last paper ({_span(*before)})", "int"),
            Column("change", "Change", "int"),
        ],
        rows,
        f"Each figure for this paper's period and the one before it, and the change. Counts of 1 to "
        f"{MIN_GROUP - 1} people are not shown.",
    )


def cohorts_in_period(since: date, until: date) -> tuple[list[NetworkCohort], list[LeadershipCohort]]:
    """Published network cohorts of the school years the period touches (two a year, so the page's queries are
    bounded by the period, not the data) and leadership cohorts whose programme year overlaps it."""
    first = since.year if since.month >= 8 else since.year - 1
    last_day = until - timedelta(days=1)
    last = last_day.year if last_day.month >= 8 else last_day.year - 1
    network = list(
        db.session.scalars(
            select(NetworkCohort)
            .where(NetworkCohort.stage == "published")
            .where(g.cohort_year(NetworkCohort.school_year).between(first, last))
            .order_by(NetworkCohort.school_year, NetworkCohort.letter)
        )
    )
    leadership = list(
        db.session.scalars(
            select(LeadershipCohort)
            .join(ProgrammeYear, ProgrammeYear.id == LeadershipCohort.year_id)
            .where(ProgrammeYear.starts_on < until, ProgrammeYear.ends_on >= since)
            .order_by(ProgrammeYear.starts_on, LeadershipCohort.name)
        )
    )
    return network, leadership
