"""Gateway uptake for the lead officer and LA officers, and misuse reports for the lead officer."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.access import get_or_404, officer_authority_id, roles_required
from portal.core.forms import form_status, run_form
from portal.core.paging import paginate
from portal.core.rendering import kept_fragment, render
from portal.core.roles import Role
from portal.gateway import bp, queries, services
from portal.gateway.access import can_view_uptake
from portal.gateway.forms import ResolveMisuseForm
from portal.gateway.models import MISUSE_OUTCOMES, MisuseReport


@bp.get("/uptake")
@login_required
def uptake():
    if not can_view_uptake(current_user):
        abort(403)
    tables = kept_fragment(
        "gateway_uptake.html",
        officer_authority_id(current_user),
        "gateway/_uptake_tables.html",
        lambda: dict(uptake=queries.uptake(current_user), figures=queries.FIGURES),
    )
    return render("gateway/uptake.html", tables=tables)


@bp.get("/misuse-reports")
@roles_required(Role.ADMIN)
def misuse_reports():
    state = "resolved" if request.args.get("state") == "resolved" else "open"
    page = paginate(queries.misuse_reports(state))
    return render("gateway/misuse_reports.html", page=page, state=state, outcomes=MISUSE_OUTCOMES)


@bp.route("/misuse-reports/<int:report_id>", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def resolve_misuse(report_id):
    report = get_or_404(MisuseReport, report_id)
    form = ResolveMisuseForm()
    if report.resolved_at is None and run_form(
        form,
        lambda: services.resolve_misuse(
            report, actor=current_user, outcome=form.outcome.data or "", note=form.note.data or ""
        ),
        flash_message="The report is resolved and the person who made it has been told.",
    ):
        return redirect(url_for("gateway.misuse_reports"), code=303)
    return render(
        "gateway/misuse_report.html", report=report, form=form, status=form_status(form), outcomes=MISUSE_OUTCOMES
    )
