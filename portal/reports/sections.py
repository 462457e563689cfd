"""A report section: a table and the column its chart draws (shared by every report builder), and how a cell of
its table is written on a page."""

from dataclasses import dataclass

from markupsafe import Markup, escape

from portal.core.dates import long_date
from portal.core.tables import Table

NOT_SHOWN = Markup('<span class="wp_hint">not shown</span>')


def report_cell(value, kind: str) -> Markup:
    """A table cell as the report pages write it (the `report_cell` filter): suppressed or empty, a share as a whole
    percentage, a decimal to two places, a date for people. A filter, not a template macro: the pages write hundreds
    of cells, and a macro call costs several times the formatting."""
    if value is None:
        return NOT_SHOWN
    if kind == "percent":
        return Markup(f"{int(round(value * 100, 0))}%")  # as "%d%%" wrote it
    if kind == "decimal":
        return Markup(f"{float(value):.2f}")  # as "%.2f" wrote it
    if kind == "date":
        return escape(long_date(value))
    return escape(value)


@dataclass
class Section:
    table: Table
    chart: str | None = None  # the column key drawn as bars against the first column

    @property
    def chart_rows(self) -> list[tuple[str, float | None]]:
        keys = [c.key for c in self.table.columns]
        at = keys.index(self.chart)
        return [(str(row[0]), row[at]) for row in self.table.rows]
