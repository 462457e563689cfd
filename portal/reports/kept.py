"""The reports' figures and files, kept until the data they read changes (`portal.core.snapshots`): the tables
and workbooks people download, the cohort dashboards' figures, the never-involved list. (The six aims, coverage and
board paper pages keep their rendered HTML instead: `portal.core.rendering.kept_fragment`, in their views.)

Each result is kept by its name and everything it depends on: the scope (an LA officer's is forced to their
own LA by `scope_from_request`, so it differs from the region's and from any other LA's), the board paper's period
and whether the viewer may see names. What is kept has already been through `portal.core.privacy`.
"""

import hashlib
from dataclasses import asdict

from sqlalchemy import select

from portal.accounts.models import User
from portal.cohorts.models import (
    CohortFacilitator,
    CohortTeam,
    ConfidenceResponse,
    FutureFacilitatorFlag,
    InterestResponse,
    NetworkCohort,
    Nomination,
    SupportMeeting,
)
from portal.core.pdf import html_to_pdf
from portal.core.snapshots import keep_types, kept, watch_tables
from portal.core.tables import Column, Table, xlsx_bytes
from portal.enquiries.models import Registration, Team, TeamFacilitator, TeamMember
from portal.enquiries.plan_models import DataPoint, Enquiry, Measure
from portal.events.models import Booking, Event
from portal.extensions import db
from portal.forums.models import Membership
from portal.leadership.models import (
    CohortPlace,
    DevelopmentPlan,
    EvaluationDomainScore,
    LeadershipCohort,
    ProgrammeYear,
    SelfEvaluation,
)
from portal.organisations.models import Establishment, LocalAuthority
from portal.practice.models import PracticeAccount, Presentation, Use
from portal.reports import cohort_service, service
from portal.reports.cohort_service import CohortReport
from portal.reports.sections import Section
from portal.reports.sources import ReportScope

# What the reports' own figures read (each registered source declares its own with `register_source(reads=)`).
READS = (
    User, Establishment, LocalAuthority, NetworkCohort, Nomination, CohortFacilitator, CohortTeam, ConfidenceResponse,
    FutureFacilitatorFlag, InterestResponse, SupportMeeting, Registration, Team, TeamFacilitator, TeamMember, Enquiry,
    Measure, DataPoint, Event, Booking, Membership, ProgrammeYear, LeadershipCohort, CohortPlace, DevelopmentPlan,
    SelfEvaluation, EvaluationDomainScore, PracticeAccount, Presentation, Use,
)  # fmt: skip
# A person's sign-in and account secrets change no figure.
QUIET = {
    User: (
        "password_hash",
        "session_version",
        "totp_secret",
        "totp_enabled_at",
        "totp_last_counter",
        "invited_at",
        "erasure_requested_at",
    )
}


def register(app) -> None:
    watch_tables(app, *READS, quiet=QUIET)
    keep_types(app, Table, Column, Section, CohortReport)


def _scope(scope: ReportScope) -> dict:
    return asdict(scope)


def region_workbook(scope: ReportScope, title: str, notes) -> bytes:
    """The region's workbook, kept written: writing it costs several times reading its kept tables."""
    return kept("region_workbook", _scope(scope), lambda: xlsx_bytes(title, service.region_tables(scope), notes))


def one_table(name: str, scope: ReportScope) -> Table | None:
    return kept("table", [name, _scope(scope)], lambda: service.one_table(name, scope))


def network_cohort(cohort: NetworkCohort, scope: ReportScope, *, names: bool) -> CohortReport:
    """A published network cohort's dashboard, by cohort, scope and whether the viewer sees names."""
    return kept(
        "network_cohort",
        [cohort.id, _scope(scope), names],
        lambda: cohort_service.network_cohort(cohort, scope, names=names),
    )


def board_paper_pdf(html: str) -> bytes:
    """The board paper's PDF, kept by the HTML it is made from: the same HTML always makes the same PDF, so a kept
    one is never stale, and any change of figure, period, scope, names or template is a new HTML. Laying out the
    paper's pages takes seconds; the HTML is made from the kept figures in milliseconds."""
    digest = hashlib.sha256(html.encode()).hexdigest()
    return kept("board_pdf", [digest], lambda: html_to_pdf(html))


def never_involved_query(authority_id: int):
    """The LA's establishments never involved in any programme, by name: the ids are kept, the pager reads the
    page's rows by id."""
    query = service.never_involved_query(authority_id)
    ids = kept(
        "never_involved", authority_id, lambda: list(db.session.scalars(query.with_only_columns(Establishment.id)))
    )
    return select(Establishment).where(Establishment.id.in_(ids)).order_by(Establishment.name, Establishment.id)
