"""The board paper: its period, the headline figures with the change since the last paper, the cohorts it covers."""

from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, func, literal, select, union_all

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
from portal.reports import grouping as g
from portal.reports.service import people_count
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
