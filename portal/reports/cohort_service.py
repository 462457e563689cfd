"""Cohort dashboards (network and leadership cohorts) and the board paper: grouped queries, a fixed number each."""

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Float, Integer, and_, case, cast, func, or_, select, type_coerce
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
from portal.core.privacy import MIN_GROUP, suppress
from portal.core.tables import Column, Table
from portal.enquiries.plan_models import DataPoint, Enquiry, Measure
from portal.events.models import BOOKED, Booking, Event
from portal.practice.models import STATE_LABELS, PracticeAccount
from portal.reports import grouping as g
from portal.reports.batch import Batch
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


def cohort_title(kind: str, cohort) -> str:
    """A cohort dashboard's title: "Network cohort 2025-26 A", "Leadership cohort ..."."""
    return f"{kind.capitalize()} cohort {cohort.name if kind == 'network' else cohort}"


def add_attendance(batch: Batch, context_type: str, context_ids: list[int], scope: ReportScope) -> None:
    """Record, as a read of `batch`, each cohort's attendance per core event (every cohort asked for at once)."""
    attended = func.sum(case((Booking.attended.is_(True), 1), else_=0))
    absent = func.sum(case((Booking.attended.is_(False), 1), else_=0))
    batch.add(
        f"attendance:{context_type}",
        select(Event.context_id, Event.title, Event.starts_at, func.count(Booking.id), attended, absent)
        .outerjoin(Booking, (Booking.event_id == Event.id) & (Booking.status == BOOKED))
        .where(Event.context_type == context_type, Event.context_id.in_(context_ids), Event.cancelled.is_(False))
        .where(*g.person_in_scope(scope, Booking.user_id))
        .group_by(Event.id, Event.context_id, Event.title, Event.starts_at),
    )


def attendance_by_cohort(batch: Batch, context_type: str, context_ids: list[int]) -> dict[int, Section]:
    """{cohort id: Section} from the read `add_attendance` recorded, events in date order."""
    per_cohort: dict[int, list] = {cid: [] for cid in context_ids}
    for context_id, title, starts_at, booked, came, away in sorted(
        batch.rows(f"attendance:{context_type}"), key=lambda r: r[2]
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
    return {cid: attendance_section(rows) for cid, rows in per_cohort.items()}


def attendance_section(rows: list) -> Section:
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


def by_cohort(rows) -> dict:
    """{cohort id: {key: value}} from (cohort id, key, value) rows."""
    out: dict = {}
    for cid, key, value in rows:
        out.setdefault(cid, {})[key] = value
    return out


def network_cohorts(
    cohorts: list[NetworkCohort], scope: ReportScope, *, names: bool, batch: Batch | None = None
) -> list[CohortReport]:
    """Each cohort's teams, meetings, enquiry stage, data points, accounts; attendance; survey response; confidence;
    flags: one statement for one cohort or the board paper's several (each read grouped by cohort)."""
    return plan_network_cohorts(cohorts, scope, names=names, batch=batch or Batch())()


def plan_network_cohorts(
    cohorts: list[NetworkCohort], scope: ReportScope, *, names: bool, batch: Batch
) -> Callable[[], list[CohortReport]]:
    """Record the cohorts' reads in `batch`; the function returned builds their reports (reading the batch)."""
    if not cohorts:
        return list
    ids = [c.id for c in cohorts]
    la = [Nomination.authority_id == scope.authority_id] if scope.authority_id else []
    in_scope_teams = select(Nomination.team_id).where(Nomination.cohort_id.in_(ids), *la)
    batch.add(
        "network:teams",
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
        .where(CohortTeam.cohort_id.in_(ids), CohortTeam.id.in_(in_scope_teams)),
    )
    batch.add(
        "network:members",
        select(
            Nomination.cohort_id,
            Nomination.team_id,
            func.count(Nomination.leader_id) + func.count(Nomination.practitioner_id),
        )
        .where(Nomination.cohort_id.in_(ids), *la)
        .group_by(Nomination.cohort_id, Nomination.team_id),
    )
    batch.add(
        "network:held",
        select(
            CohortTeam.cohort_id, SupportMeeting.team_id, func.sum(case((SupportMeeting.held.is_(True), 1), else_=0))
        )
        .join(CohortTeam, CohortTeam.id == SupportMeeting.team_id)
        .where(CohortTeam.cohort_id.in_(ids))
        .group_by(CohortTeam.cohort_id, SupportMeeting.team_id),
    )
    batch.add(
        "network:points",
        select(Enquiry.team_id, func.count(DataPoint.id))
        .join(Measure, Measure.enquiry_id == Enquiry.id)
        .join(DataPoint, DataPoint.measure_id == Measure.id)
        .where(Enquiry.team_id.in_(select(CohortTeam.team_id).where(CohortTeam.cohort_id.in_(ids))))
        .group_by(Enquiry.team_id),
    )
    _add_survey_response(batch, ids, la)
    _add_item_confidence(batch, ids, scope)
    add_attendance(batch, "network_cohort", ids, scope)
    batch.add(  # read for the count even where names are not shown: a cohort flags a handful of people
        "network:flagged",
        select(
            FutureFacilitatorFlag.cohort_id, User.name, type_coerce(func.row_number().over(order_by=User.name), Integer)
        )
        .join(FutureFacilitatorFlag, FutureFacilitatorFlag.user_id == User.id)
        .where(FutureFacilitatorFlag.cohort_id.in_(ids), *g.person_in_scope(scope, FutureFacilitatorFlag.user_id)),
    )

    def build() -> list[CohortReport]:
        teams: dict[int, list] = {cid: [] for cid in ids}
        for cid, *team in sorted(batch.rows("network:teams"), key=lambda r: r[2]):
            teams[cid].append(team)
        flagged: dict[int, list[str]] = {cid: [] for cid in ids}
        for cid, name, _ in sorted(batch.rows("network:flagged"), key=lambda r: r[2]):
            flagged[cid].append(name)
        facts = _NetworkFacts(
            teams=teams,
            members=by_cohort(batch.rows("network:members")),
            held=by_cohort(batch.rows("network:held")),
            points=dict(batch.rows("network:points")),
            survey=by_cohort(
                [(cid, "interests", n) for cid, n in batch.rows("network:interests")] + batch.rows("network:phases")
            ),
            confidence=_item_confidence(batch, ids),
            attendance=attendance_by_cohort(batch, "network_cohort", ids),
            flagged=flagged,
        )
        return [_network_report(cohort, scope, names, facts) for cohort in cohorts]

    return build


@dataclass
class _NetworkFacts:
    """What the network cohorts' reads found, each {cohort id: ...} (points: {enquiry team id: n})."""

    teams: dict
    members: dict
    held: dict
    points: dict
    survey: dict
    confidence: dict
    attendance: dict
    flagged: dict


def _network_report(cohort: NetworkCohort, scope: ReportScope, names: bool, facts: _NetworkFacts) -> CohortReport:
    cid = cohort.id
    per_team, meetings, points, flagged = (
        facts.members.get(cid, {}),
        facts.held.get(cid, {}),
        facts.points,
        facts.flagged,
    )
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
        for tid, number, facilitator, status, state, enquiry_team in facts.teams[cid]
    ]
    return CohortReport(
        title=cohort_title("network", cohort),
        lead=f"{cohort.stage_label}. {len(rows)} teams, {nominated} people nominated"
        + (" from your local authority." if scope.authority_id else "."),
        sections=[
            Section(_team_table(rows, names), chart="meetings"),
            facts.attendance[cid],
            Section(_survey_table(facts.survey.get(cid, {}), nominated)),
            facts.confidence[cid],
        ],
        flagged=flagged[cid] if names else [],
        flagged_count=len(flagged[cid]),
    )


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


def _add_survey_response(batch: Batch, ids: list[int], la: list) -> None:
    """Per cohort: interests surveys answered and confidence questionnaires per phase, by people nominated in the
    scope (two reads)."""
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
    batch.add(
        "network:interests",
        select(InterestResponse.cohort_id, func.count(InterestResponse.id))
        .where(InterestResponse.cohort_id.in_(ids), in_cohort[0])
        .group_by(InterestResponse.cohort_id),
    )
    batch.add(
        "network:phases",
        select(ConfidenceResponse.cohort_id, ConfidenceResponse.phase, func.count())
        .where(ConfidenceResponse.cohort_id.in_(ids), in_cohort[1])
        .group_by(ConfidenceResponse.cohort_id, ConfidenceResponse.phase),
    )


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


def _add_item_confidence(batch: Batch, ids: list[int], scope: ReportScope) -> None:
    """Per cohort, per item and overall: paired n, sums of the changes and of their squares, improved, means before
    and after (one read for every cohort asked for)."""
    start, end = aliased(ConfidenceResponse), aliased(ConfidenceResponse)
    columns = []
    for key, _ in CONFIDENCE_ITEMS:
        before, after = start.answers[key].as_integer(), end.answers[key].as_integer()
        change = after - before
        columns += [
            func.sum(change),
            func.sum(change * change),
            func.sum(case((change > 0, 1), else_=0)),
            cast(func.avg(before), Float),
            cast(func.avg(after), Float),
        ]
    total_before = sum(start.answers[k].as_integer() for k, _ in CONFIDENCE_ITEMS)
    total_after = sum(end.answers[k].as_integer() for k, _ in CONFIDENCE_ITEMS)
    total_change = total_after - total_before
    columns += [
        func.sum(total_change),
        func.sum(total_change * total_change),
        func.sum(case((total_change > 0, 1), else_=0)),
        cast(func.avg(total_before), Float),
        cast(func.avg(total_after), Float),
    ]
    batch.add(
        "network:confidence",
        select(start.cohort_id, func.count(), *columns)
        .select_from(start)
        .join(end, and_(end.cohort_id == start.cohort_id, end.user_id == start.user_id, end.phase == "end"))
        .where(start.cohort_id.in_(ids), start.phase == "start", *g.person_in_scope(scope, start.user_id))
        .group_by(start.cohort_id),
    )


def _item_confidence(batch: Batch, ids: list[int]) -> dict[int, Section]:
    """{cohort id: the paired before/after Section} from the read `_add_item_confidence` recorded."""
    width = 1 + 5 * (len(CONFIDENCE_ITEMS) + 1)
    found = {row[0]: row[1:] for row in batch.rows("network:confidence")}
    return {cid: _confidence_section(*found.get(cid, (0,) + (None,) * (width - 1))) for cid in ids}


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
