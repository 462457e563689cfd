"""The per-school-year counts of aims 1 and 3 in one statement: each figure a grouped branch of one UNION ALL.

`yearly(scope)` returns {figure: {year: (a, b, c)}} for the figures below (unused values are 0), so the six aims
page, the board paper, the workbook and a table's CSV read the same numbers from one query (each figure a read of
the page's `Batch`, so the board paper reads them with its other small counts).
"""

from sqlalchemy import case, func, literal, select

from portal.cohorts.models import CohortTeam, NetworkCohort
from portal.core.dates import utcnow
from portal.enquiries.models import Team, TeamFacilitator, TeamMember
from portal.enquiries.plan_models import Enquiry
from portal.events.models import BOOKED, Booking, Event
from portal.leadership.models import CONFIRMED, CohortPlace, LeadershipCohort, ProgrammeYear
from portal.organisations.models import Establishment
from portal.practice.models import PracticeAccount, Presentation
from portal.reports import grouping as g
from portal.reports.batch import Batch
from portal.reports.sources import ReportScope


def _branch(year, *values):
    """select(year, a, b, c): the shape every figure shares."""
    padded = [*values, *[literal(0)] * (3 - len(values))]
    return select(year.label("year"), *[v.label(k) for k, v in zip("abc", padded, strict=True)])


def _participation(scope: ReportScope) -> dict:
    inv = g.scoped_involvement(scope)
    people = _branch(
        inv.c.year, func.count(func.distinct(inv.c.user_id)), func.count(func.distinct(inv.c.est_id))
    ).where(*g.year_filters(scope, inv.c.year))
    # Bookings summed per event first (one index read, no row lookups), then events by school year: the year is
    # worked out once per event, not once per booking.
    per_event = (
        select(
            Booking.event_id.label("event_id"),
            func.count(Booking.id).label("booked"),
            func.sum(case((Booking.attended.is_(True), 1), else_=0)).label("came"),
            func.sum(case((Booking.attended.is_(False), 1), else_=0)).label("absent"),
        )
        .where(Booking.status == BOOKED, *g.person_in_scope(scope, Booking.user_id))
        .group_by(Booking.event_id)
        .subquery()
    )
    year = g.school_year(Event.starts_at)
    attendance = (
        _branch(year, func.sum(per_event.c.booked), func.sum(per_event.c.came), func.sum(per_event.c.absent))
        .select_from(Event)
        .join(per_event, per_event.c.event_id == Event.id)
        .where(Event.cancelled.is_(False), Event.starts_at < utcnow(), *g.year_filters(scope, year))
    )
    if scope.programme:
        attendance = attendance.where(Event.context_type == g.EVENT_CONTEXT_OF.get(scope.programme, "-"))
    fyear = g.school_year(Enquiry.published_at)
    findings = (
        _branch(fyear, func.count(Enquiry.id))
        .select_from(Enquiry)
        .join(Team, Team.id == Enquiry.team_id)
        .where(Enquiry.published_at.is_not(None), *g.team_in_scope(scope, Team.id), *g.year_filters(scope, fyear))
    )
    if scope.programme:
        findings = findings.where(Team.kind == scope.programme)
    return {
        "people": people.group_by(inv.c.year),
        "attendance": attendance.group_by(year),
        "findings": findings.group_by(fyear),
    }


def _critical_mass(scope: ReportScope) -> dict:
    led_year = g.school_year(ProgrammeYear.starts_on)
    led = (
        _branch(led_year, func.count(func.distinct(CohortPlace.person_id)))
        .select_from(CohortPlace)
        .join(LeadershipCohort, LeadershipCohort.id == CohortPlace.cohort_id)
        .join(ProgrammeYear, ProgrammeYear.id == LeadershipCohort.year_id)
        .where(CohortPlace.status == CONFIRMED, *g.person_in_scope(scope, CohortPlace.person_id))
        .where(*g.year_filters(scope, led_year), scope.programme in (None, "", "leadership"))
        .group_by(led_year)
    )
    fac = (
        select(
            g.cohort_year(NetworkCohort.school_year).label("year"),
            CohortTeam.facilitator_id.label("uid"),
            literal("network").label("programme"),
        )
        .join(NetworkCohort, NetworkCohort.id == CohortTeam.cohort_id)
        .where(CohortTeam.facilitator_id.is_not(None))
        .union_all(
            select(g.school_year(Team.created_at), TeamFacilitator.user_id, Team.kind).join(
                Team, Team.id == TeamFacilitator.team_id
            )
        )
        .subquery()
    )
    facilitated = _branch(fac.c.year, func.count(func.distinct(fac.c.uid))).where(
        *g.person_in_scope(scope, fac.c.uid), *g.year_filters(scope, fac.c.year)
    )
    if scope.programme:
        facilitated = facilitated.where(fac.c.programme == scope.programme)
    p_year = g.school_year(Event.starts_at)
    presented = (
        _branch(p_year, func.count(func.distinct(TeamMember.user_id)))
        .select_from(Presentation)
        .join(Event, Event.id == Presentation.event_id)
        .join(PracticeAccount, PracticeAccount.id == Presentation.account_id)
        .join(TeamMember, TeamMember.team_id == PracticeAccount.team_id)
        .where(*g.person_in_scope(scope, TeamMember.user_id), *g.year_filters(scope, p_year))
    )
    if scope.programme:
        presented = presented.where(PracticeAccount.programme == scope.programme)
    t_year = g.school_year(Team.created_at).label("year")
    per_est = (
        select(t_year, TeamMember.establishment_id.label("est"), func.count(func.distinct(Team.id)).label("projects"))
        .join(TeamMember, TeamMember.team_id == Team.id)
        .join(Establishment, Establishment.id == TeamMember.establishment_id)
        .where(*g.establishment_filters(scope))
        .group_by(t_year, TeamMember.establishment_id)
    )
    if scope.programme:
        per_est = per_est.where(Team.kind == scope.programme)
    per_est = per_est.subquery()
    several = _branch(per_est.c.year, func.count()).where(
        per_est.c.projects > 1, *g.year_filters(scope, per_est.c.year)
    )
    return {
        "led": led,
        "facilitated": facilitated.group_by(fac.c.year),
        "presented": presented.group_by(p_year),
        "several": several.group_by(per_est.c.year),
    }


PARTS = {"participation": _participation, "critical_mass": _critical_mass}
FIGURES = {
    "participation": ("people", "attendance", "findings"),
    "critical_mass": ("led", "facilitated", "presented", "several"),
}


def add_yearly(batch: Batch, scope: ReportScope, parts=tuple(PARTS)) -> list[str]:
    """Record the figures of `parts` as reads of `batch` (tagged "yearly:<figure>"), unless already recorded;
    their names."""
    for part in parts:
        if any(f"yearly:{figure}" not in batch for figure in FIGURES[part]):
            for figure, stmt in PARTS[part](scope).items():
                batch.add(f"yearly:{figure}", stmt)
    return [figure for part in parts for figure in FIGURES[part]]


def yearly(scope: ReportScope, parts=tuple(PARTS), batch: Batch | None = None) -> dict[str, dict[int, tuple]]:
    """{figure: {school year: (a, b, c)}}: people and establishments taking part, places booked/attended/absent,
    enquiries reporting findings (aim 1); people who led, facilitated, presented, and establishments with more than
    one project (aim 3); `parts` names the aims wanted (a single table's CSV reads only its own). Raw counts: the
    section builders put people counts through `portal.core.privacy`."""
    batch = batch or Batch()
    out: dict[str, dict[int, tuple]] = {}
    for figure in add_yearly(batch, scope, parts):
        for year, *values in batch.rows(f"yearly:{figure}"):
            if year is not None:
                out.setdefault(figure, {})[int(year)] = tuple(int(v or 0) for v in values)
    return out
