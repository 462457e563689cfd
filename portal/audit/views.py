"""The admin's view of the audit log: search and page; there is nothing to edit."""

from flask import current_app, request

from portal.audit import bp, queries
from portal.core.access import roles_required
from portal.core.rendering import render
from portal.core.roles import Role


@bp.get("/")
@roles_required(Role.ADMIN)
def list_entries():
    filters = queries.AuditFilter.from_args(request.args)
    page = queries.audit_page(filters, per_page=current_app.config["PAGE_SIZE"] * 2)
    return render("audit/list.html", fragment="audit/_results.html", target="audit-results", page=page, filters=filters)
