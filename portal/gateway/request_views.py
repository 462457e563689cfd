"""Gateway requests: answering one (accepting forms a Gateway team), blocking and reporting, a team's support."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required

from portal.accounts.models import User
from portal.core.access import get_or_404
from portal.core.forms import ActionForm, form_status, run_action, run_form
from portal.core.rendering import render
from portal.core.roles import Role
from portal.enquiries.access import is_member
from portal.enquiries.models import Team
from portal.gateway import bp, services
from portal.gateway.access import can_contact_about, can_see_contact
from portal.gateway.forms import ReportForm, SupportForm
from portal.gateway.models import GatewayTeam, Request


def _load_request(request_id: int) -> Request:
    req = get_or_404(Request, request_id)
    if current_user.id not in (req.sender_id, req.recipient_id) and not current_user.has_role(Role.ADMIN):
        abort(404)  # other people's requests are not theirs to know about
    return req


@bp.get("/requests/<int:request_id>")
@login_required
def show_request(request_id):
    req = _load_request(request_id)
    other = req.recipient if req.sender_id == current_user.id else req.sender
    return render(
        "gateway/request.html",
        req=req,
        other=other,
        contact=can_see_contact(current_user, other.id),
        answering=req.recipient_id == current_user.id and req.status == "pending",
    )


@bp.post("/requests/<int:request_id>/decide")
@login_required
def decide_request(request_id):
    req = _load_request(request_id)
    ActionForm().validate_on_submit() or abort(400)
    accept = request.form.get("decision") == "accept"
    done = run_action(
        lambda: services.decide_request(req, actor=current_user, accept=accept),
        done=lambda team: (
            f"You are now in {team.name}: agree your goal and plan your enquiry together."
            if team
            else "The request is declined. They are not told."
        ),
    )
    if done and done.value is not None:
        return redirect(url_for("enquiries.show_plan", team_id=done.value.id), code=303)
    return redirect(url_for("gateway.home"), code=303)


def _person(user_id: int) -> User:
    person = get_or_404(User, user_id)
    if not can_contact_about(current_user, person.id):
        abort(404)
    return person


@bp.route("/people/<int:user_id>/block", methods=["GET", "POST"])
@login_required
def block_person(user_id):
    """GET asks to confirm; POST blocks (requests between the two close quietly)."""
    person = _person(user_id)
    if request.method == "GET":
        return render("gateway/block.html", person=person)
    ActionForm().validate_on_submit() or abort(400)
    run_action(
        lambda: services.block(person, actor=current_user),
        done=f"You have blocked {person.name}: you will not see or hear from each other in the Gateway.",
    )
    return redirect(url_for("gateway.home"), code=303)


@bp.route("/people/<int:user_id>/report", methods=["GET", "POST"])
@login_required
def report_person(user_id):
    person = _person(user_id)
    form = ReportForm()
    if run_form(
        form,
        lambda: services.report_misuse(person, actor=current_user, reason=form.reason.data or ""),
        flash_message="Thank you: the partnership lead officer will look into it.",
    ):
        return redirect(url_for("gateway.home"), code=303)
    return render("gateway/report.html", form=form, person=person, status=form_status(form))


@bp.route("/teams/<int:team_id>/support", methods=["GET", "POST"])
@login_required
def team_support(team_id):
    team, record = get_or_404(Team, team_id), get_or_404(GatewayTeam, team_id)
    if not (is_member(current_user, team) or current_user.has_role(Role.ADMIN)):
        abort(403)
    form = SupportForm(obj=record)
    if run_form(
        form,
        lambda: services.ask_for_support(
            team,
            actor=current_user,
            tier=form.tier.data,
            support_from=form.support_from.data,
            note=form.note.data or "",
        ),
        flash_message=lambda r: (
            "Your request for support is sent." if form.support_from.data else "The team's tier of support is saved."
        ),
    ):
        return redirect(url_for("enquiries.show_team", team_id=team.id), code=303)
    return render("gateway/support.html", form=form, team=team, record=record, status=form_status(form))
