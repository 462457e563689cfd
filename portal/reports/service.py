"""The reporting service: the six aims over school years and coverage, as report tables (SQL grouping only).

Every builder takes a `ReportScope` (LA, sector, programme, years) and returns `Section`s: a
`portal.core.tables.Table` (rows aggregated by the database, people counts through `portal.core.privacy`)
and the column its chart draws. The number of queries is fixed whatever the data.
"""

from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import aliased

from portal.cohorts.models import CohortFacilitator, CohortTeam, ConfidenceResponse, NetworkCohort, Nomination
from portal.cohorts.rules import CONFIDENCE_ITEMS, LA_MAX, LA_MIN, facilitators_needed
from portal.core.dates import utcnow
from portal.core.privacy import MIN_GROUP, suppress
from portal.core.tables import Column, Table
from portal.enquiries.models import Team, TeamFacilitator, TeamMember
from portal.enquiries.plan_models import Enquiry
from portal.events.models import BOOKED, Booking, Event
from portal.extensions import db
from portal.gateway.models import GatewayTeam, Request
from portal.leadership.models import CONFIRMED, CohortPlace, LeadershipCohort, ProgrammeYear
from portal.organisations.models import Establishment, LocalAuthority
from portal.practice.models import PUBLISHED, PracticeAccount, Presentation, Use
from portal.reports import grouping as g
from portal.reports.coverage import coverage, never_involved_query  # noqa: F401  (part of the service)
from portal.reports.sections import Section
from portal.reports.sources import ReportScope, source
from portal.reports.stats import VARIANT, paired_effect_from_sums

YEAR = Column("year", "School year")
FEWER = f"Counts of fewer than {MIN_GROUP} people are not shown."


@dataclass
class Aim:
    number: int
    title: str
    sections: list[Section] = field(default_factory=list)
    message: str = ""  # said instead of tables (e.g. the survey has no results yet)


def _by_year(stmt) -> dict[int, tuple]:
    return {row[0]: tuple(row[1:]) for row in db.session.execute(stmt) if row[0] is not None}


def _years(*maps: dict) -> list[int]:
    return sorted({y for m in maps for y in m}, reverse=True)


def people_count(n) -> int | None:
    """A count of people: 0 is shown (it describes nobody), 1 to MIN_GROUP - 1 is not."""
    n = int(n or 0)
    return suppress(n, n) if n else 0


# Aim 1 --------------------------------------------------------------------------------------------------------


def participation(scope: ReportScope) -> Section:
    inv = g.scoped_involvement(scope)
    people = _by_year(
        select(inv.c.year, func.count(func.distinct(inv.c.user_id)), func.count(func.distinct(inv.c.est_id)))
        .where(*g.year_filters(scope, inv.c.year))
        .group_by(inv.c.year)
    )
    year = g.school_year(Event.starts_at)
    attendance = select(
        year,
        func.count(Booking.id),
        func.sum(case((Booking.attended.is_(True), 1), else_=0)),
        func.sum(case((Booking.attended.is_(False), 1), else_=0)),
    ).join(Booking, Booking.event_id == Event.id)
    attendance = attendance.where(
        Booking.status == BOOKED,
        Event.cancelled.is_(False),
        Event.starts_at < utcnow(),
        *g.person_in_scope(scope, Booking.user_id),
        *g.year_filters(scope, year),
    )
    if scope.programme:
        attendance = attendance.where(Event.context_type == g.EVENT_CONTEXT_OF.get(scope.programme, "-"))
    attended = _by_year(attendance.group_by(year))
    fyear = g.school_year(Enquiry.published_at)
    findings = (
        select(fyear, func.count(Enquiry.id))
        .join(Team, Team.id == Enquiry.team_id)
        .where(Enquiry.published_at.is_not(None), *g.team_in_scope(scope, Team.id), *g.year_filters(scope, fyear))
    )
    if scope.programme:
        findings = findings.where(Team.kind == scope.programme)
    reported = _by_year(findings.group_by(fyear))
    rows = []
    for y in _years(people, attended, reported):
        n_people, n_est = people.get(y, (0, 0))
        booked, came, absent = (int(v or 0) for v in attended.get(y, (0, 0, 0)))
        recorded = came + absent
        rows.append(
            [
                g.year_label(y),
                people_count(n_people),
                n_est,
                people_count(came),
                suppress(came / recorded, recorded) if recorded else None,
                reported.get(y, (0,))[0],
            ]
        )
    total = sum(r[2] for r in rows)
    return Section(
        Table(
            "participation",
            "Participation per school year",
            [
                YEAR,
                Column("people", "People taking part", "int"),
                Column("establishments", "Establishments taking part", "int"),
                Column("attended", "Places attended at events", "int"),
                Column("rate", "Attendance rate", "percent"),
                Column("findings", "Projects reporting findings", "int"),
            ],
            rows,
            f"People and establishments taking part in any programme (team, theme registration, cohort nomination, "
            f"leadership place, forum), places attended at past events and enquiries that published their findings, "
            f"per school year; n = {total} establishment-years. {FEWER}",
        ),
        chart="people",
    )


# Aim 2 --------------------------------------------------------------------------------------------------------


def _confidence_sums(scope: ReportScope, group_by, *, cohort_id: int | None = None):
    """Per group: n paired, sum of change, sum of squared change, improved, mean start, mean end (item mean)."""
    start, end = aliased(ConfidenceResponse), aliased(ConfidenceResponse)

    def score(r):
        return sum(r.answers[key].as_integer() for key, _ in CONFIDENCE_ITEMS)

    change = score(end) - score(start)
    stmt = (
        select(
            group_by,
            func.count(),
            func.sum(change),
            func.sum(change * change),
            func.sum(case((change > 0, 1), else_=0)),
            func.avg(score(start)),
            func.avg(score(end)),
        )
        .select_from(start)
        .join(end, and_(end.cohort_id == start.cohort_id, end.user_id == start.user_id, end.phase == "end"))
        .join(NetworkCohort, NetworkCohort.id == start.cohort_id)
        .where(start.phase == "start", *g.person_in_scope(scope, start.user_id))
        .where(*g.year_filters(scope, g.cohort_year(NetworkCohort.school_year)))
        .group_by(group_by)
    )
    if cohort_id is not None:
        stmt = stmt.where(start.cohort_id == cohort_id)
    if scope.programme and scope.programme != "network":
        stmt = stmt.where(False)
    return db.session.execute(stmt).all()


CONFIDENCE_COLUMNS = [
    Column("pairs", "People answering both (n)", "int"),
    Column("before", "Mean before (1-5)", "decimal"),
    Column("after", "Mean after (1-5)", "decimal"),
    Column("dz", "Effect size d_z", "decimal"),
    Column("low", "95% CI low", "decimal"),
    Column("high", "95% CI high", "decimal"),
    Column("improved", "Share who improved", "percent"),
]


def confidence_row(n, s, sq, up, before, after, items: int = len(CONFIDENCE_ITEMS)) -> list:
    """One row of the confidence table: nothing about fewer than MIN_GROUP pairs."""
    n = int(n or 0)
    if n < MIN_GROUP:
        return [None] * len(CONFIDENCE_COLUMNS)
    effect = paired_effect_from_sums(n, s, sq, up)
    rnd = lambda v: round(v, 2) if v is not None else None  # noqa: E731
    return [
        n,
        rnd(float(before) / items),
        rnd(float(after) / items),
        rnd(effect.dz),
        rnd(effect.ci_low),
        rnd(effect.ci_high),
        effect.improved_share,
    ]


def confidence(scope: ReportScope) -> Section:
    year = g.cohort_year(NetworkCohort.school_year)
    rows = [[g.year_label(y), *confidence_row(*rest)] for y, *rest in _confidence_sums(scope, year)]
    rows.sort(key=lambda r: r[0], reverse=True)
    n = sum(r[1] or 0 for r in rows)
    return Section(
        Table(
            "confidence",
            "Confidence in enquiry skills, before and after (network cohorts)",
            [YEAR, *CONFIDENCE_COLUMNS],
            rows,
            f"Each participant's mean of five items (1 not confident to 5 very confident) at the start and the end of "
            f"their cohort, paired per person; n = {n} pairs. {VARIANT} Improved: a higher mean at the end. "
            f"Years with fewer than {MIN_GROUP} pairs are not shown.",
        ),
        chart="dz",
    )


# Aim 3 --------------------------------------------------------------------------------------------------------


def critical_mass(scope: ReportScope) -> Section:
    led_year = g.school_year(ProgrammeYear.starts_on)
    led = _by_year(
        select(led_year, func.count(func.distinct(CohortPlace.person_id)))
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
    fac_stmt = select(fac.c.year, func.count(func.distinct(fac.c.uid))).where(
        *g.person_in_scope(scope, fac.c.uid), *g.year_filters(scope, fac.c.year)
    )
    if scope.programme:
        fac_stmt = fac_stmt.where(fac.c.programme == scope.programme)
    facilitated = _by_year(fac_stmt.group_by(fac.c.year))
    p_year = g.school_year(Event.starts_at)
    presented_stmt = (
        select(p_year, func.count(func.distinct(TeamMember.user_id)))
        .select_from(Presentation)
        .join(Event, Event.id == Presentation.event_id)
        .join(PracticeAccount, PracticeAccount.id == Presentation.account_id)
        .join(TeamMember, TeamMember.team_id == PracticeAccount.team_id)
        .where(*g.person_in_scope(scope, TeamMember.user_id), *g.year_filters(scope, p_year))
    )
    if scope.programme:
        presented_stmt = presented_stmt.where(PracticeAccount.programme == scope.programme)
    presented = _by_year(presented_stmt.group_by(p_year))
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
    several = _by_year(
        select(per_est.c.year, func.count())
        .where(per_est.c.projects > 1, *g.year_filters(scope, per_est.c.year))
        .group_by(per_est.c.year)
    )
    rows = [
        [
            g.year_label(y),
            people_count(led.get(y, (0,))[0]),
            people_count(facilitated.get(y, (0,))[0]),
            people_count(presented.get(y, (0,))[0]),
            several.get(y, (0,))[0],
        ]
        for y in _years(led, facilitated, presented, several)
    ]
    return Section(
        Table(
            "critical_mass",
            "A critical mass of people leading collaborative enquiry",
            [
                YEAR,
                Column("led", "Led (leadership programme places)", "int"),
                Column("facilitated", "Facilitated a team", "int"),
                Column("presented", "Presented at a sharing event", "int"),
                Column("several", "Establishments with more than one project", "int"),
            ],
            rows,
            f"People who led (a confirmed leadership programme place: each leads a network in their setting), "
            f"facilitated a cohort or themed team, or presented their team's account at a sharing event, and "
            f"establishments in more than one team that year; {len(rows)} school years. {FEWER}",
        ),
        chart="facilitated",
    )


# Aim 4 --------------------------------------------------------------------------------------------------------


def sustainability(scope: ReportScope) -> Section:
    cohorts = db.session.execute(
        select(NetworkCohort.id, NetworkCohort.school_year, NetworkCohort.letter)
        .where(*g.year_filters(scope, g.cohort_year(NetworkCohort.school_year)))
        .order_by(NetworkCohort.school_year.desc(), NetworkCohort.letter.desc())
    ).all()
    la_filter = [Nomination.authority_id == scope.authority_id] if scope.authority_id else []
    nominated: dict[int, dict[int, int]] = {}
    for cid, la, n in db.session.execute(
        select(Nomination.cohort_id, Nomination.authority_id, func.count())
        .where(*la_filter)
        .group_by(Nomination.cohort_id, Nomination.authority_id)
    ):
        nominated.setdefault(cid, {})[la] = n
    named: dict[int, dict[int, int]] = {}
    fac_filter = [CohortFacilitator.authority_id == scope.authority_id] if scope.authority_id else []
    for cid, la, n in db.session.execute(
        select(CohortFacilitator.cohort_id, CohortFacilitator.authority_id, func.count())
        .where(*fac_filter)
        .group_by(CohortFacilitator.cohort_id, CohortFacilitator.authority_id)
    ):
        named.setdefault(cid, {})[la] = n
    earlier_cohort = aliased(NetworkCohort)
    participant_before = (
        select(Nomination.id)
        .join(earlier_cohort, earlier_cohort.id == Nomination.cohort_id)
        .where(
            or_(
                Nomination.leader_id == CohortFacilitator.user_id,
                Nomination.practitioner_id == CohortFacilitator.user_id,
            ),
            or_(
                earlier_cohort.school_year < NetworkCohort.school_year,
                and_(
                    earlier_cohort.school_year == NetworkCohort.school_year,
                    earlier_cohort.letter < NetworkCohort.letter,
                ),
            ),
        )
        .exists()
    )
    from_earlier = dict(
        db.session.execute(
            select(CohortFacilitator.cohort_id, func.count(func.distinct(CohortFacilitator.user_id)))
            .join(NetworkCohort, NetworkCohort.id == CohortFacilitator.cohort_id)
            .where(participant_before, *fac_filter)
            .group_by(CohortFacilitator.cohort_id)
        ).all()
    )
    authorities = [scope.authority_id] if scope.authority_id else list(db.session.scalars(select(LocalAuthority.id)))
    rows = []
    for cid, year, letter in cohorts:
        per_la, fac = nominated.get(cid, {}), named.get(cid, {})
        within = sum(1 for la in authorities if LA_MIN <= per_la.get(la, 0) <= LA_MAX)
        needed = sum(facilitators_needed(per_la.get(la, 0)) for la in authorities)
        meeting = sum(1 for la in authorities if fac.get(la, 0) >= facilitators_needed(per_la.get(la, 0)))
        rows.append(
            [
                f"{year} {letter}",
                sum(per_la.values()),
                f"{within} of {len(authorities)}",
                sum(fac.values()),
                needed,
                f"{meeting} of {len(authorities)}",
                from_earlier.get(cid, 0),
            ]
        )
    if scope.programme and scope.programme != "network":
        rows = []
    return Section(
        Table(
            "sustainability",
            "Sustainability: nominations and facilitators per network cohort",
            [
                Column("cohort", "Cohort"),
                Column("establishments", "Establishments nominated", "int"),
                Column("within", f"LAs nominating {LA_MIN} to {LA_MAX}"),
                Column("facilitators", "Key facilitators named", "int"),
                Column("needed", "Needed (one per 10 per LA)", "int"),
                Column("meeting", "LAs meeting one per 10"),
                Column("earlier", "Facilitators who took part in an earlier cohort", "int"),
            ],
            rows,
            f"Each LA nominates {LA_MIN} to {LA_MAX} establishments and names one key facilitator per 10 it "
            f"nominates; new facilitators drawn from earlier cohorts' participants show the model sustaining "
            f"itself; {len(rows)} cohorts. Counts of facilitators are counts of roles, shown in full.",
        ),
        chart="facilitators",
    )


# Aim 6 --------------------------------------------------------------------------------------------------------


def outcomes(scope: ReportScope) -> Section:
    a_year = g.school_year(PracticeAccount.published_at)
    accounts = select(a_year, func.count(PracticeAccount.id)).where(
        PracticeAccount.state == PUBLISHED,
        *g.team_in_scope(scope, PracticeAccount.team_id),
        *g.year_filters(scope, a_year),
    )
    u_year = g.school_year(Use.created_at)
    uses = (
        select(u_year, func.count(Use.id))
        .outerjoin(Establishment, Establishment.id == Use.establishment_id)
        .where(*g.establishment_filters(scope), *g.year_filters(scope, u_year))
    )
    if scope.programme:
        accounts = accounts.where(PracticeAccount.programme == scope.programme)
        uses = uses.join(PracticeAccount, PracticeAccount.id == Use.account_id).where(
            PracticeAccount.programme == scope.programme
        )
    gw_where = []
    if scope.authority_id:
        gw_where.append(GatewayTeam.authority_id == scope.authority_id)
    if scope.sector:
        gw_where.append(GatewayTeam.sector == scope.sector)
    gw_year = g.school_year(GatewayTeam.created_at)
    gateway = select(gw_year, func.count()).where(
        *gw_where, *g.year_filters(scope, gw_year), scope.programme in (None, "", "gateway")
    )
    r_year = g.school_year(Request.created_at)
    r_where = [Request.authority_id == scope.authority_id] if scope.authority_id else []
    if scope.sector:
        r_where.append(Request.sector == scope.sector)
    requests = select(r_year, func.count(), func.sum(case((Request.status == "accepted", 1), else_=0))).where(
        *r_where, *g.year_filters(scope, r_year), scope.programme in (None, "", "gateway")
    )
    published = _by_year(accounts.group_by(a_year))
    used = _by_year(uses.group_by(u_year))
    teams = _by_year(gateway.group_by(gw_year))
    sent = _by_year(requests.group_by(r_year))
    rows = [
        [
            g.year_label(y),
            published.get(y, (0,))[0],
            used.get(y, (0,))[0],
            sent.get(y, (0, 0))[0],
            int(sent.get(y, (0, 0))[1] or 0),
            teams.get(y, (0,))[0],
        ]
        for y in _years(published, used, teams, sent)
    ]
    return Section(
        Table(
            "outcomes",
            "Outcomes: accounts of practice, their reuse and Gateway uptake",
            [
                YEAR,
                Column("published", "Accounts of practice published", "int"),
                Column("used", '"Used this" records', "int"),
                Column("requests", "Gateway requests sent", "int"),
                Column("accepted", "Gateway requests accepted", "int"),
                Column("teams", "Gateway teams formed", "int"),
            ],
            rows,
            f"Accounts of practice published, readers recording they used one in their school, and Gateway "
            f"requests and the teams they formed, per school year; n = {sum(r[1] for r in rows)} accounts. "
            f"These count records, not people.",
        ),
        chart="published",
    )


def culture(scope: ReportScope) -> Aim:
    aim = Aim(5, "Culture: Conditions for Change")
    fn = source("conditions_for_change")
    tables = fn(scope) if fn else []
    if tables:
        aim.sections = [Section(t) for t in tables]
    else:
        aim.message = "The Conditions for Change survey has no results yet: this aim fills in once it has run."
    return aim


def registered_sections(scope: ReportScope, *keys: str) -> list[Section]:
    """The tables other domains register for a dashboard (accounts of practice by LA and sector, Gateway uptake
    by LA, sector and month), shown under the aim they inform."""
    return [Section(t) for key in keys if (fn := source(key)) for t in fn(scope)]


# Tables other domains register under aim 6 (accounts of practice, Gateway, the end-of-year evaluation).
OUTCOME_SOURCES = ("practice", "gateway_uptake", "network_evaluation")


def aims(scope: ReportScope) -> list[Aim]:
    return [
        Aim(1, "Participation", [participation(scope)]),
        Aim(2, "Confidence in enquiry skills", [confidence(scope), *registered_sections(scope, "event_feedback")]),
        Aim(3, "A critical mass", [critical_mass(scope)]),
        Aim(4, "Sustainability", [sustainability(scope)]),
        culture(scope),
        Aim(6, "Outcomes", [outcomes(scope), *registered_sections(scope, *OUTCOME_SOURCES)]),
    ]


def region_tables(scope: ReportScope) -> list[Table]:
    """Every table of the region dashboard, in reading order (the workbook's sheets)."""
    tables = [s.table for aim in aims(scope) for s in aim.sections]
    return tables + [s.table for s in coverage(scope)]


TABLE_BUILDERS = {
    "participation": participation,
    "confidence": confidence,
    "critical_mass": critical_mass,
    "sustainability": sustainability,
    "outcomes": outcomes,
}


def one_table(name: str, scope: ReportScope) -> Table | None:
    if name in TABLE_BUILDERS:
        return TABLE_BUILDERS[name](scope).table
    extra = culture(scope).sections + registered_sections(scope, "event_feedback", *OUTCOME_SOURCES)
    for table in [s.table for s in coverage(scope)] + [s.table for s in extra]:
        if table.name == name:
            return table
    return None
