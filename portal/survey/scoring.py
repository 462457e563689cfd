"""Survey arithmetic without a database: a response's theme scores, results rows with disclosure control.

A theme's figures are over the ratings given (a "don't know" is left out): the share agreeing is the share
of ratings that are Agree or Strongly agree, the mean is the mean rating on 1 (strongly disagree) to 4
(strongly agree), and n is the number of responses with at least one rating in the theme.
"""

from dataclasses import dataclass

from portal.core.privacy import SURVEY_MIN_RESPONSES, suppress_table
from portal.survey.models import AGREE_FROM, THEMES


def theme_scores(item_themes: dict[str, str], answers: dict[str, int]) -> dict[str, int]:
    """Columns `<theme>_rated/_agree/_sum` for a response, from its answers keyed by item key."""
    scores = {f"{t}_{part}": 0 for t, _ in THEMES for part in ("rated", "agree", "sum")}
    for key, value in answers.items():
        theme = item_themes.get(key)
        if theme is None or not value:
            continue
        scores[f"{theme}_rated"] += 1
        scores[f"{theme}_sum"] += value
        scores[f"{theme}_agree"] += value >= AGREE_FROM
    return scores


@dataclass(frozen=True)
class Cell:
    """One theme's figures for one group; `shown` False means fewer than the threshold (or hidden as a pair)."""

    n: int
    rated: int
    agree: int
    total: int
    shown: bool = True

    @property
    def share(self) -> float | None:
        return self.agree / self.rated if self.shown and self.rated else None

    @property
    def mean(self) -> float | None:
        return self.total / self.rated if self.shown and self.rated else None

    @property
    def n_shown(self) -> int | None:
        return self.n if self.shown else None


def hide(cell: Cell) -> Cell:
    return Cell(cell.n, cell.rated, cell.agree, cell.total, shown=False)


def grid(rows: dict, threshold: int = SURVEY_MIN_RESPONSES) -> dict:
    """Disclosure control for a breakdown shown with its overall row.

    `rows` is {group: {theme: Cell}} and must include the group None (everyone). Primary suppression hides a
    group's theme under the threshold; secondary suppression (portal.core.privacy.suppress_table, with the
    overall row as the column totals) hides a second group in the same theme so that no hidden cell can be
    worked out by subtracting the shown groups from the overall figure; where no second group exists the
    overall figure is hidden instead."""
    counts = {(g, t): cell.n for g, cells in rows.items() if g is not None for t, cell in cells.items()}
    hidden = suppress_table(counts, threshold)
    out = {}
    for group, cells in rows.items():
        out[group] = {}
        for theme, cell in cells.items():
            if group is None:
                small = cell.n < threshold or theme in hidden.column_totals
            else:
                small = hidden.hides(group, theme)
            out[group][theme] = hide(cell) if small else cell
    return out


def paired(rows: dict, threshold: int = SURVEY_MIN_RESPONSES) -> dict:
    """SLT beside staff: where either side of a theme is under the threshold, neither side is shown."""
    out = {group: dict(cells) for group, cells in rows.items()}
    for theme, _ in THEMES:
        sides = [rows.get(v, {}).get(theme) for v in ("slt", "staff")]
        if any(c is None or c.n < threshold for c in sides):
            for v in ("slt", "staff"):
                if theme in out.get(v, {}):
                    out[v][theme] = hide(out[v][theme])
    if None in out:
        for theme, cell in out[None].items():
            if cell.n < threshold:
                out[None][theme] = hide(cell)
    return out


def cells_from_row(row) -> dict[str, Cell]:
    """A grouped query's row (attribute access: n_<t>, rated_<t>, agree_<t>, sum_<t>) as cells per theme."""
    return {
        t: Cell(
            int(getattr(row, f"n_{t}") or 0),
            int(getattr(row, f"rated_{t}") or 0),
            int(getattr(row, f"agree_{t}") or 0),
            int(getattr(row, f"sum_{t}") or 0),
        )
        for t, _ in THEMES
    }
