"""A report section: a table and the column its chart draws (shared by every report builder)."""

from dataclasses import dataclass

from portal.core.tables import Table


@dataclass
class Section:
    table: Table
    chart: str | None = None  # the column key drawn as bars against the first column

    @property
    def chart_rows(self) -> list[tuple[str, float | None]]:
        keys = [c.key for c in self.table.columns]
        at = keys.index(self.chart)
        return [(str(row[0]), row[at]) for row in self.table.rows]
