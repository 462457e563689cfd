"""Reading a report's scope and period from the query string (shared by the report view modules)."""

from datetime import date

from flask import abort, request
from flask_login import current_user

from portal.cohorts.models import NetworkCohort
from portal.core.access import get_or_404
from portal.core.dates import utcnow
from portal.leadership.models import LeadershipCohort
from portal.organisations.models import SECTORS
from portal.reports import kept, leadership_report
from portal.reports.access import can_see_names, scoped_authority
from portal.reports.board import half_year
from portal.reports.cohort_service import CohortReport
from portal.reports.grouping import PROGRAMMES
from portal.reports.sources import ReportScope


def _year(name: str) -> int | None:
    value = request.args.get(name, type=int)
    return value if value and 2000 <= value <= 2100 else None


def scope_from_request() -> ReportScope:
    """LA (forced to an officer's own), sector, programme and school years from ?authority=&sector=..."""
    sector = request.args.get("sector", "")
    programme = request.args.get("programme", "")
    return ReportScope(
        authority_id=scoped_authority(current_user, request.args.get("authority", type=int)),
        sector=sector if sector in SECTORS else None,
        programme=programme if programme in PROGRAMMES else None,
        first_year=_year("first_year"),
        last_year=_year("last_year"),
    )


def scope_args(scope: ReportScope) -> dict:
    """The scope back as query arguments, for download links."""
    pairs = {
        "authority": scope.authority_id,
        "sector": scope.sector,
        "programme": scope.programme,
        "first_year": scope.first_year,
        "last_year": scope.last_year,
    }
    return {k: v for k, v in pairs.items() if v}


def period_from_request() -> tuple[date, date]:
    """?since=&until= (ISO dates, until exclusive) or the current half of the school year."""
    default = half_year(utcnow().date())
    try:
        since = date.fromisoformat(request.args.get("since", "")) if request.args.get("since") else default[0]
        until = date.fromisoformat(request.args.get("until", "")) if request.args.get("until") else default[1]
    except ValueError:
        return default
    if not (date(2000, 1, 1) <= since < until <= date(2100, 1, 1)):
        return default
    return since, until


def reported_cohort(kind: str, cohort_id: int) -> NetworkCohort | LeadershipCohort:
    """The cohort of a dashboard: a network cohort once published, or a leadership cohort; otherwise 404."""
    if kind == "network":
        cohort = get_or_404(NetworkCohort, cohort_id)
        if cohort.stage != "published":
            abort(404)
        return cohort
    if kind == "leadership":
        return get_or_404(LeadershipCohort, cohort_id)
    abort(404)


def cohort_report(kind: str, cohort_id: int, cohort=None) -> CohortReport:
    """A network cohort's dashboard (after publication) or a leadership cohort's, in the viewer's scope."""
    cohort = cohort or reported_cohort(kind, cohort_id)
    names = can_see_names(current_user)
    if kind == "network":
        return kept.network_cohort(cohort, scope_from_request(), names=names)
    return leadership_report.leadership_cohort(cohort, scope_from_request(), names=names)
