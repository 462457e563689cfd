"""The partnership overview for the lead officer, LA officers (their own LA) and researchers."""

from flask_login import current_user

from portal.core.access import officer_authority_id, roles_required
from portal.core.rendering import render
from portal.core.roles import Role
from portal.reports import bp
from portal.reports.queries import overview as build_overview


@bp.get("/")
@roles_required(Role.LA_OFFICER, Role.RESEARCHER)
def overview():
    # Admins and researchers see the region; an LA officer sees their own authority.
    scope = None if current_user.has_role(Role.ADMIN, Role.RESEARCHER) else officer_authority_id(current_user)
    return render("reports/overview.html", report=build_overview(scope), scoped=scope is not None)
