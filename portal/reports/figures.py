"""One page's figures, each read once: the six aims page, the board paper and the workbook share a `Figures`."""

from functools import cached_property

from sqlalchemy import select

from portal.cohorts.models import NetworkCohort
from portal.core.tables import Table
from portal.extensions import db
from portal.reports.batch import Batch
from portal.reports.sources import ReportScope, source
from portal.reports.yearly import yearly


class Figures:
    """One scope's figures, each read at most once whichever tables ask for them: the small grouped counts go
    through one `Batch` (the per-year counts, the paired confidence, the sustainability counts and, on the board
    paper, the headlines and every cohort's facts: one statement), the network cohorts are read once, and each
    registered source is called once."""

    def __init__(self, scope: ReportScope, yearly_parts: tuple[str, ...] = ("participation", "critical_mass")):
        self.scope = scope
        self.yearly_parts = yearly_parts
        self.batch = Batch()
        self._sources: dict[str, list[Table]] = {}

    @cached_property
    def yearly(self) -> dict[str, dict[int, tuple]]:
        return yearly(self.scope, self.yearly_parts, self.batch)

    @cached_property
    def network_cohorts(self) -> list[NetworkCohort]:
        """Every network cohort, newest first (two a school year: a handful of rows)."""
        return list(
            db.session.scalars(
                select(NetworkCohort).order_by(NetworkCohort.school_year.desc(), NetworkCohort.letter.desc())
            )
        )

    def source(self, key: str) -> list[Table]:
        """The tables a domain registered under `key` (already through `portal.core.privacy`)."""
        if key not in self._sources:
            fn = source(key)
            self._sources[key] = fn(self.scope) if fn else []
        return self._sources[key]

    def source_table(self, key: str, name: str) -> Table | None:
        return next((t for t in self.source(key) if t.name == name), None)
