"""Who does what with the survey: the lead officer runs it; LA officers and researchers read results (LA
officers see response rates for their own LA); open answers and item-level data are for the lead officer and
the research partner only. Answering needs a link, never an account."""

from portal.core.roles import Role
from portal.reports.access import scoped_authority
from portal.reports.sources import ReportScope


def can_manage(user) -> bool:
    return user.is_authenticated and user.has_role(Role.ADMIN)


def can_read_results(user) -> bool:
    return user.is_authenticated and user.has_role(Role.ADMIN, Role.RESEARCHER, Role.LA_OFFICER)


def can_read_open_answers(user) -> bool:
    return user.is_authenticated and user.has_role(Role.ADMIN, Role.RESEARCHER)


def rates_scope(user) -> int | None:
    """The LA whose response rates an LA officer sees (None: the lead officer sees every LA)."""
    return None if user.has_role(Role.ADMIN) else user.authority_id


def results_scope(user) -> ReportScope:
    """Whose results a person reads: an LA officer their own LA's only (the same rule as the reports: an officer
    with no LA sees nothing), the lead officer and researchers the region."""
    return ReportScope(authority_id=scoped_authority(user, None))
