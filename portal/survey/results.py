"""The survey's results as tables: per theme the share agreeing, the mean and n; SLT beside staff; by sector
and by LA; year beside year. Every figure passes disclosure control (scoring.grid / scoring.paired) before it
becomes a Table, the one shape the page, the CSV, the workbook and the reports dashboards read."""

from dataclasses import asdict, dataclass

from portal.core.privacy import SURVEY_MIN_RESPONSES
from portal.core.snapshots import kept
from portal.core.tables import Column, Table, xlsx_bytes
from portal.organisations.models import SECTOR_LABELS
from portal.survey import queries
from portal.survey.models import THEMES, VERSIONS, Survey, SurveyResponse, SurveyVersion, school_year_label
from portal.survey.scoring import Cell, cells_from_row, grid, hide, paired

RULE = (
    f"No figure is shown for fewer than {SURVEY_MIN_RESPONSES} responses; where a hidden figure could be worked "
    "out from the others and the total, a second one (or the total) is hidden too; leaders and staff are shown "
    f"side by side only where both have at least {SURVEY_MIN_RESPONSES} responses."
)
COHORTS = (
    "Each year's respondents are a different group of people (independent samples): a change between years "
    "compares cohorts and is not the change of the same people."
)
DEFINITIONS = (
    ("Share agreeing", "Ratings of Agree or Strongly agree, as a share of all ratings given (Don't know left out)."),
    ("Mean", "The mean rating from 1 (Strongly disagree) to 4 (Strongly agree)."),
    ("n", "Responses with at least one rating in the theme."),
    ("Disclosure control", RULE),
    ("Years", COHORTS),
)


def theme_columns(first: Column) -> list[Column]:
    cols = [first]
    for t, label in THEMES:
        cols += [
            Column(f"{t}_share", f"{label}: share agreeing", "percent"),
            Column(f"{t}_mean", f"{label}: mean", "decimal"),
            Column(f"{t}_n", f"{label}: n", "int"),
        ]
    return cols


def _row(label: str, cells: dict[str, Cell]) -> list:
    row = [label]
    for t, _ in THEMES:
        c = cells.get(t)
        row += [c.share, c.mean, c.n_shown] if c else [None, None, None]
    return row


@dataclass
class Breakdown:
    name: str
    title: str
    group_label: str
    rows: list  # (label, {theme: Cell})
    note: str

    def table(self) -> Table:
        return Table(
            self.name,
            self.title,
            theme_columns(Column("group", self.group_label)),
            [_row(label, cells) for label, cells in self.rows],
            self.note,
        )


def _by(survey, column, scope, overall=None):
    """Cells per group of `column` and for everyone (`overall`: the everyone row when the caller has read it)."""
    rows = {None: {}}
    overall = queries.grouped([survey.id], None, scope) if overall is None else overall
    if overall:
        rows[None] = cells_from_row(overall[0])
    for r in queries.grouped([survey.id], column, scope) if column is not None else []:
        rows[r.grp] = cells_from_row(r)
    return rows


def by_version(survey, scope=None, overall=None) -> Breakdown:
    rows = paired(_by(survey, SurveyResponse.version, scope, overall))
    ordered = [("All respondents", rows[None])] + [(VERSIONS[v], rows[v]) for v in VERSIONS if v in rows]
    return Breakdown("leaders-and-staff", "Senior leadership teams beside staff", "Respondents", ordered, RULE)


def by_sector(survey, scope=None, overall=None) -> Breakdown:
    rows = grid(_by(survey, SurveyResponse.sector, scope, overall))
    ordered = [("All sectors", rows[None])] + [
        (SECTOR_LABELS.get(k, k), v) for k, v in sorted((k, v) for k, v in rows.items() if k is not None)
    ]
    return Breakdown("by-sector", "By sector", "Sector", ordered, RULE)


def by_authority(survey, scope=None, overall=None) -> Breakdown:
    names = queries.authority_names()
    rows = grid(_by(survey, SurveyResponse.authority_id, scope, overall))
    ordered = [("All authorities", rows[None])] + sorted(
        ((names.get(k, "?"), v) for k, v in rows.items() if k is not None), key=lambda p: p[0]
    )
    return Breakdown("by-authority", "By local authority", "Local authority", ordered, RULE)


def by_year(surveys, scope=None) -> Breakdown:
    """Year beside year (oldest first); each year's figures suppressed on their own (no totals across years)."""
    years = {s.id: s.school_year for s in surveys}
    rows = []
    for r in sorted(queries.grouped(list(years), None, scope), key=lambda r: years[r.survey_id]):
        cells = {t: (c if c.n >= SURVEY_MIN_RESPONSES else hide(c)) for t, c in cells_from_row(r).items()}
        rows.append((school_year_label(years[r.survey_id]), cells))
    return Breakdown("by-year", "Year beside year", "School year", rows, COHORTS + " " + RULE)


def kept_breakdowns(survey, surveys, scope) -> list[Breakdown]:
    """`breakdowns`, kept until a response or survey changes (portal.core.snapshots), by survey and scope."""
    key = [survey.id, [s.id for s in surveys], asdict(scope)]
    return kept("survey_results", key, lambda: breakdowns(survey, surveys, scope))


def kept_workbook(survey, surveys, scope) -> bytes:
    """The results workbook (`breakdowns` as tables and the definitions), kept written like the figures it shows."""
    key = [survey.id, [s.id for s in surveys], asdict(scope)]
    return kept(
        "survey_results_workbook",
        key,
        lambda: xlsx_bytes(survey.label, [b.table() for b in breakdowns(survey, surveys, scope)], DEFINITIONS),
    )


def breakdowns(survey, surveys, scope=None) -> list[Breakdown]:
    """Every table of the results page; scoped to one LA (an LA officer's), there is no by-LA table."""
    overall = queries.grouped([survey.id], None, scope)  # the everyone row of each breakdown: read once
    parts = [by_year(surveys, scope), by_version(survey, scope, overall), by_sector(survey, scope, overall)]
    if scope is not None and scope.authority_id is not None:
        return parts
    return [*parts, by_authority(survey, scope, overall)]


READS = (Survey, SurveyVersion, SurveyResponse)  # what `for_report` and `breakdowns` read


def for_report(scope) -> list[Table]:
    """The reports dashboards' aim 5 (culture): year beside year for the scope's LA, sector and years."""
    surveys = [
        s
        for s in queries.surveys()
        if (scope.first_year is None or s.school_year >= scope.first_year)
        and (scope.last_year is None or s.school_year <= scope.last_year)
    ]
    if not surveys:
        return []
    table = by_year(surveys, scope).table()
    table.name, table.title = "conditions-for-change", "Conditions for Change: themes year beside year"
    return [table]
