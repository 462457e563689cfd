"""Report downloads: any table as CSV, a whole dashboard as one XLSX workbook (the scope of the page)."""

from flask import abort

from portal.core.access import roles_required
from portal.core.privacy import MIN_GROUP
from portal.core.roles import Role
from portal.core.tables import csv_response, xlsx_download, xlsx_response
from portal.reports import bp, kept
from portal.reports.loading import cohort_report, scope_from_request
from portal.reports.stats import VARIANT

NOTES = (
    (
        "Suppression",
        f"No count of fewer than {MIN_GROUP} people is shown (an empty cell); in tables with totals a "
        "second cell in the same row or column is hidden too, so no hidden cell can be worked out by subtraction.",
    ),
    ("School year", "1 August to 31 July, named by its two calendar years (2025-26)."),
    ("Effect size", VARIANT),
    ("Scope", "An LA officer's downloads cover their own local authority only; researchers' hold no names."),
)


@bp.get("/tables/<name>.csv")
@roles_required(Role.LA_OFFICER, Role.RESEARCHER)
def download_table(name):
    table = kept.one_table(name, scope_from_request())
    if table is None:
        abort(404)
    return csv_response(table)


@bp.get("/region.xlsx")
@roles_required(Role.LA_OFFICER, Role.RESEARCHER)
def download_region():
    workbook = kept.region_workbook(scope_from_request(), "West Partnership: impact against the six aims", NOTES)
    return xlsx_download(workbook, "west-partnership-reports.xlsx")


def _cohort_tables(kind, cohort_id):
    report = cohort_report(kind, cohort_id)
    return report, [s.table for s in report.sections]


@bp.get("/cohorts/<kind>/<int:cohort_id>/tables/<name>.csv")
@roles_required(Role.LA_OFFICER, Role.RESEARCHER)
def download_cohort_table(kind, cohort_id, name):
    _, tables = _cohort_tables(kind, cohort_id)
    table = next((t for t in tables if t.name == name), None) or abort(404)
    return csv_response(table)


@bp.get("/cohorts/<kind>/<int:cohort_id>.xlsx")
@roles_required(Role.LA_OFFICER, Role.RESEARCHER)
def download_cohort(kind, cohort_id):
    report, tables = _cohort_tables(kind, cohort_id)
    return xlsx_response(report.title, f"{kind}-cohort-{cohort_id}.xlsx", tables, NOTES)
