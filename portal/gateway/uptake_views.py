"""Gateway uptake for the lead officer and LA officers, and misuse reports for the lead officer."""

from flask import abort
from flask_login import current_user, login_required

from portal.core.access import roles_required
from portal.core.rendering import render
from portal.core.roles import Role
from portal.gateway import bp, queries
from portal.gateway.access import can_view_uptake


@bp.get("/uptake")
@login_required
def uptake():
    if not can_view_uptake(current_user):
        abort(403)
    return render("gateway/uptake.html", uptake=queries.uptake(current_user), figures=queries.FIGURES)


@bp.get("/misuse-reports")
@roles_required(Role.ADMIN)
def misuse_reports():
    return render("gateway/misuse_reports.html", reports=queries.misuse_reports())
