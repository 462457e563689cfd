"""Figures that other domains contribute to the reports, registered by the owning domain's `init_app`.

The reports service reads `source("conditions_for_change")` (the annual survey's themes over years, aim 5) or
`source("event_feedback")` (feedback and the end-of-year evaluation) and shows what is registered; so reports
import no domain that supplies only part of a dashboard, and a domain adds its figures in one line:

    from portal.reports.sources import register_source
    register_source(app, "conditions_for_change", survey_results.for_report, reads=(SurveyResponse,))

A source is called as `fn(scope: ReportScope) -> list[portal.core.tables.Table]`, with its figures already
through `portal.core.privacy`. `reads` names every model the source reads: the report pages keep their figures
(`portal.core.snapshots`) until one of them changes.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app


@dataclass(frozen=True)
class ReportScope:
    authority_id: int | None = None  # an LA officer's own authority; None = the region
    sector: str | None = None
    programme: str | None = None
    first_year: int | None = None  # school years by their starting calendar year (2025 = 2025/26)
    last_year: int | None = None


def register_source(app, key: str, fn: Callable, *, reads: tuple = ()) -> None:
    """`reads`: the models `fn` reads, so a change to any of them refreshes the kept figures that show it."""
    from portal.core.snapshots import watch_tables

    app.extensions.setdefault("report_sources", {})[key] = fn
    watch_tables(app, *reads)


def source(key: str) -> Callable | None:
    return current_app.extensions.get("report_sources", {}).get(key)
