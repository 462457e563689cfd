"""The board paper: its period, the headline figures with the change since the last paper, the cohorts it covers."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, func, literal, select

from portal.cohorts.models import NetworkCohort
from portal.core.dates import utcnow
from portal.core.privacy import MIN_GROUP, suppress
from portal.core.tables import Column, Table
from portal.enquiries.plan_models import Enquiry
from portal.events.models import BOOKED, Booking, Event
from portal.extensions import db
from portal.leadership.models import LeadershipCohort, ProgrammeYear
from portal.organisations.models import Establishment
from portal.practice.models import PUBLISHED, PracticeAccount, Use
from portal.reports import cohort_service, leadership_report, service
from portal.reports import grouping as g
from portal.reports.batch import Batch
from portal.reports.cohort_service import CohortReport
from portal.reports.figures import Figures
from portal.reports.service import Aim, people_count
from portal.reports.sources import ReportScope


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


def plan_headlines(scope: ReportScope, periods, batch: Batch) -> Callable[[], list[dict]]:
    """The board's headline figures for each period: a read of `batch` per figure, two columns per period
    (conditional counts over the span of all the periods); the function returned reads them (a dict of figures
    per period)."""
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
        *per_period(
            inv.c.at,
            lambda c: func.count(func.distinct(case((c, inv.c.user_id)))),
            lambda c: func.count(func.distinct(case((c, inv.c.est_id)))),
        ),
    )
    attendance = (
        select(
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
    findings = select(*per_period(Enquiry.published_at, lambda c: func.count(case((c, Enquiry.id))))).where(
        Enquiry.published_at >= first, Enquiry.published_at < last, *g.team_in_scope(scope, Enquiry.team_id)
    )
    accounts = select(
        *per_period(PracticeAccount.published_at, lambda c: func.count(case((c, PracticeAccount.id)))),
    ).where(
        PracticeAccount.state == PUBLISHED,
        PracticeAccount.published_at >= first,
        PracticeAccount.published_at < last,
        *g.team_in_scope(scope, PracticeAccount.team_id),
    )
    uses = (
        select(*per_period(Use.created_at, lambda c: func.count(case((c, Use.id)))))
        .select_from(Use)
        .outerjoin(Establishment, Establishment.id == Use.establishment_id)
        .where(Use.created_at >= first, Use.created_at < last, *g.establishment_filters(scope))
    )
    for tag, stmt in zip(HEADLINE_BRANCHES, (people, attendance, findings, accounts, uses), strict=True):
        batch.add(f"headline:{tag}", stmt)
    return lambda: _headline_figures(batch, len(bounds))


def _headline_figures(batch: Batch, periods: int) -> list[dict]:
    found = {tag: next(iter(batch.rows(f"headline:{tag}")), ()) for tag in HEADLINE_BRANCHES}
    results = []
    for i in range(periods):
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


def headline_table(scope: ReportScope, since: date, until: date, batch: Batch | None = None) -> Table:
    return plan_headline_table(scope, since, until, batch or Batch())()


def plan_headline_table(scope: ReportScope, since: date, until: date, batch: Batch) -> Callable[[], Table]:
    """Record the reads of this period's and the last paper's headlines; the function returned builds the table."""
    before = previous_period(since, until)
    figures = plan_headlines(scope, ((since, until), before), batch)
    return lambda: _headline_table(since, until, before, *figures())


def _headline_table(since: date, until: date, before: tuple[date, date], now: dict, then: dict) -> Table:
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


def cohorts_in_period(
    since: date, until: date, network_cohorts: list[NetworkCohort]
) -> tuple[list[NetworkCohort], list[LeadershipCohort]]:
    """Published network cohorts of the school years the period touches, from `network_cohorts` (every cohort,
    read once for the page) and leadership cohorts whose programme year overlaps it (one query)."""
    first = since.year if since.month >= 8 else since.year - 1
    last_day = until - timedelta(days=1)
    last = last_day.year if last_day.month >= 8 else last_day.year - 1
    network = sorted(
        (c for c in network_cohorts if c.stage == "published" and first <= int(c.school_year[:4]) <= last),
        key=lambda c: (c.school_year, c.letter),
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


@dataclass
class BoardPaper:
    headline: Table
    aims: list[Aim]
    cohorts: list[CohortReport]


def board_paper(scope: ReportScope, since: date, until: date, *, names: bool) -> BoardPaper:
    """The board paper's figures from one `Figures`: the six aims' counts, both periods' headlines and every
    cohort's facts are reads of its batch (one statement), beside the cohorts read once and the registered
    sources, so the number of statements depends on neither the data nor the cohorts of the period."""
    figures = Figures(scope)
    network, leadership = cohorts_in_period(since, until, figures.network_cohorts)
    headline = plan_headline_table(scope, since, until, figures.batch)
    network_reports = cohort_service.plan_network_cohorts(network, scope, names=names, batch=figures.batch)
    leadership_reports = leadership_report.plan_leadership_cohorts(leadership, scope, names=names, batch=figures.batch)
    aims = service.aims(scope, figures)  # the first read: runs every read recorded above
    return BoardPaper(headline(), aims, network_reports() + leadership_reports())
