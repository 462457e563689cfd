"""The reporting service: the six aims over school years and coverage, as report tables (SQL grouping only).

Every builder takes a `ReportScope` (LA, sector, programme, years) and returns `Section`s: a
`portal.core.tables.Table` (rows aggregated by the database, people counts through `portal.core.privacy`)
and the column its chart draws. The number of queries is fixed whatever the data.
"""

from dataclasses import dataclass, field

from sqlalchemy import Float, and_, case, cast, func, or_, select
from sqlalchemy.orm import aliased

from portal.cohorts.models import CohortFacilitator, ConfidenceResponse, NetworkCohort, Nomination
from portal.cohorts.rules import CONFIDENCE_ITEMS, LA_MAX, LA_MIN, facilitators_needed
from portal.core.privacy import MIN_GROUP, suppress
from portal.core.tables import Column, Table
from portal.organisations.models import Establishment, LocalAuthority
from portal.reports import grouping as g
from portal.reports.coverage import coverage, never_involved_query  # noqa: F401  (part of the service)
from portal.reports.figures import Figures
from portal.reports.sections import Section
from portal.reports.sources import ReportScope
from portal.reports.stats import VARIANT, paired_effect_from_sums
from portal.reports.yearly import add_yearly

YEAR = Column("year", "School year")
FEWER = f"Counts of fewer than {MIN_GROUP} people are not shown."


@dataclass
class Aim:
    number: int
    title: str
    sections: list[Section] = field(default_factory=list)
    message: str = ""  # said instead of tables (e.g. the survey has no results yet)


def _years(*maps: dict) -> list[int]:
    return sorted({y for m in maps for y in m}, reverse=True)


def people_count(n) -> int | None:
    """A count of people: 0 is shown (it describes nobody), 1 to MIN_GROUP - 1 is not."""
    n = int(n or 0)
    return suppress(n, n) if n else 0


# Aim 1 --------------------------------------------------------------------------------------------------------


def participation(scope: ReportScope, figures: Figures | None = None) -> Section:
    yearly = (figures or Figures(scope)).yearly
    people, attended, reported = (yearly.get(k, {}) for k in ("people", "attendance", "findings"))
    rows = []
    for y in _years(people, attended, reported):
        n_people, n_est, _ = people.get(y, (0, 0, 0))
        booked, came, absent = attended.get(y, (0, 0, 0))
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


def _confidence_sums(scope: ReportScope, group_by):
    """Per group: n paired, sum of change, sum of squared change, improved, mean start, mean end (item mean): a
    read for the page's batch."""
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
            cast(func.avg(score(start)), Float),
            cast(func.avg(score(end)), Float),
        )
        .select_from(start)
        .join(end, and_(end.cohort_id == start.cohort_id, end.user_id == start.user_id, end.phase == "end"))
        .join(NetworkCohort, NetworkCohort.id == start.cohort_id)
        .where(start.phase == "start", *g.person_in_scope(scope, start.user_id))
        .where(*g.year_filters(scope, g.cohort_year(NetworkCohort.school_year)))
        .group_by(group_by)
    )
    if scope.programme and scope.programme != "network":
        stmt = stmt.where(False)
    return stmt


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


def _add_confidence(figures: Figures) -> None:
    if "confidence:year" not in figures.batch:
        figures.batch.add("confidence:year", _confidence_sums(figures.scope, g.cohort_year(NetworkCohort.school_year)))


def confidence(scope: ReportScope, figures: Figures | None = None) -> Section:
    figures = figures or Figures(scope)
    _add_confidence(figures)
    rows = [[g.year_label(y), *confidence_row(*rest)] for y, *rest in figures.batch.rows("confidence:year")]
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


def critical_mass(scope: ReportScope, figures: Figures | None = None) -> Section:
    yearly = (figures or Figures(scope)).yearly
    led, facilitated, presented, several = (yearly.get(k, {}) for k in ("led", "facilitated", "presented", "several"))
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


def _add_sustainability(figures: Figures) -> None:
    """Per cohort and LA: establishments nominated and key facilitators named; per cohort: facilitators who took part
    in an earlier cohort; the LAs counted (reads for the page's batch). The sector filter reads the nominated
    establishment's sector and the facilitator's own establishment's."""
    if "sustainability:nominated" in figures.batch:
        return
    scope = figures.scope
    nominated = (
        select(Nomination.cohort_id, Nomination.authority_id, func.count())
        .join(Establishment, Establishment.id == Nomination.establishment_id)
        .where(*g.establishment_filters(scope))
        .group_by(Nomination.cohort_id, Nomination.authority_id)
    )
    fac_filter = [CohortFacilitator.authority_id == scope.authority_id] if scope.authority_id else []
    fac_filter += g.person_in_scope(ReportScope(sector=scope.sector), CohortFacilitator.user_id)
    named = (
        select(CohortFacilitator.cohort_id, CohortFacilitator.authority_id, func.count())
        .where(*fac_filter)
        .group_by(CohortFacilitator.cohort_id, CohortFacilitator.authority_id)
    )
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
    from_earlier = (
        select(CohortFacilitator.cohort_id, func.count(func.distinct(CohortFacilitator.user_id)))
        .join(NetworkCohort, NetworkCohort.id == CohortFacilitator.cohort_id)
        .where(participant_before, *fac_filter)
        .group_by(CohortFacilitator.cohort_id)
    )
    authorities = select(LocalAuthority.id).where(
        *([LocalAuthority.id == scope.authority_id] if scope.authority_id else [])
    )
    for figure, stmt in (
        ("nominated", nominated),
        ("named", named),
        ("earlier", from_earlier),
        ("authorities", authorities),
    ):
        figures.batch.add(f"sustainability:{figure}", stmt)


def _per_cohort_and_la(rows) -> dict[int, dict[int, int]]:
    out: dict[int, dict[int, int]] = {}
    for cid, la, n in rows:
        out.setdefault(cid, {})[la] = n
    return out


def sustainability(scope: ReportScope, figures: Figures | None = None) -> Section:
    figures = figures or Figures(scope)
    _add_sustainability(figures)
    first, last = scope.first_year, scope.last_year
    cohorts = [
        (c.id, c.school_year, c.letter)
        for c in figures.network_cohorts
        if (not first or int(c.school_year[:4]) >= first) and (not last or int(c.school_year[:4]) <= last)
    ]
    read = figures.batch.rows
    nominated = _per_cohort_and_la(read("sustainability:nominated"))
    named = _per_cohort_and_la(read("sustainability:named"))
    from_earlier = dict(read("sustainability:earlier"))
    authorities = [la for (la,) in read("sustainability:authorities")]
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


def _rows_by_first_column(table: Table | None) -> dict:
    return {row[0]: row for row in table.rows} if table is not None else {}


def outcomes(scope: ReportScope, figures: Figures | None = None) -> Section:
    """Accounts published, "used this", Gateway requests and teams per school year: read from the tables the
    practice and Gateway domains register (they own those counts), so every view shows the same numbers."""
    figures = figures or Figures(scope)
    practice = _rows_by_first_column(figures.source_table("practice", "practice_by_year"))
    gateway = _rows_by_first_column(figures.source_table("gateway_uptake", "gateway_by_year"))
    rows = []
    for year in sorted(set(practice) | set(gateway), reverse=True):
        _, published, _, used = practice.get(year, (year, 0, 0, 0))
        _, _, requests, accepted, teams, _ = gateway.get(year, (year, 0, 0, 0, 0, 0))
        rows.append([year, published, used, requests, accepted, teams])
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
            f"Accounts of practice published (by their enquiry's school year), readers recording they used one in "
            f"their school, and Gateway requests and the teams they formed, per school year; n = "
            f"{sum(r[1] or 0 for r in rows)} accounts. The same counts as the accounts of practice and Gateway tables "
            f"below; figures of 1 to {MIN_GROUP - 1} uses, requests or teams are not shown.",
        ),
        chart="published",
    )


def culture(scope: ReportScope, figures: Figures | None = None) -> Aim:
    aim = Aim(5, "Culture: Conditions for Change")
    tables = (figures or Figures(scope)).source("conditions_for_change")
    if tables:
        aim.sections = [Section(t) for t in tables]
    else:
        aim.message = "The Conditions for Change survey has no results yet: this aim fills in once it has run."
    return aim


# Tables other domains register under aim 6 (accounts of practice, Gateway, the end-of-year evaluation).
OUTCOME_SOURCES = ("practice", "gateway_uptake", "network_evaluation")


def registered_sections(figures: Figures, *keys: str) -> list[Section]:
    """The tables other domains register for a dashboard (accounts of practice by LA and sector, Gateway uptake
    by LA, sector, school year and month), shown under the aim they inform."""
    return [Section(t) for key in keys for t in figures.source(key)]


def add_aims(figures: Figures) -> None:
    """Record the six aims' own counts as reads of the page's batch (the first table built reads them all)."""
    add_yearly(figures.batch, figures.scope, figures.yearly_parts)
    _add_confidence(figures)
    _add_sustainability(figures)


def aims(scope: ReportScope, figures: Figures | None = None) -> list[Aim]:
    figures = figures or Figures(scope)
    add_aims(figures)
    return [
        Aim(1, "Participation", [participation(scope, figures)]),
        Aim(
            2,
            "Confidence in enquiry skills",
            [confidence(scope, figures), *registered_sections(figures, "event_feedback")],
        ),
        Aim(3, "A critical mass", [critical_mass(scope, figures)]),
        Aim(4, "Sustainability", [sustainability(scope, figures)]),
        culture(scope, figures),
        Aim(6, "Outcomes", [outcomes(scope, figures), *registered_sections(figures, *OUTCOME_SOURCES)]),
    ]


def region_tables(scope: ReportScope) -> list[Table]:
    """Every table of the region dashboard, in reading order (the workbook's sheets)."""
    tables = [s.table for aim in aims(scope) for s in aim.sections]
    return tables + [s.table for s in coverage(scope)]


YEARLY_TABLES = ("participation", "critical_mass")  # the tables read from `yearly` (and the part each reads)
TABLE_BUILDERS = {
    "participation": participation,
    "confidence": confidence,
    "critical_mass": critical_mass,
    "sustainability": sustainability,
    "outcomes": outcomes,
}


def one_table(name: str, scope: ReportScope) -> Table | None:
    if name in TABLE_BUILDERS:
        return TABLE_BUILDERS[name](scope, Figures(scope, yearly_parts=(name,) if name in YEARLY_TABLES else ())).table
    if name in ("coverage", "people_by_sector"):
        return next(s.table for s in coverage(scope) if s.table.name == name)
    figures = Figures(scope)
    for section in culture(scope, figures).sections + registered_sections(figures, "event_feedback", *OUTCOME_SOURCES):
        if section.table.name == name:
            return section.table
    return None
