"""Team pages: forming a team, the team page, invitations by e-mail link, requests to join, facilitators."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required

from portal.accounts.services import find_by_email
from portal.core.access import get_or_404, roles_required
from portal.core.confirm import confirm_page, confirmed
from portal.core.forms import ActionForm, ServiceError, form_status, run_action, run_form
from portal.core.rendering import render
from portal.core.roles import Role
from portal.enquiries import bp, contexts, queries, teams
from portal.enquiries.access import can_edit_team, can_register, is_member
from portal.enquiries.forms import FacilitatorForm, InviteForm, JoinRequestForm, TeamForm
from portal.enquiries.loading import load_team
from portal.enquiries.models import JoinRequest, Team, TeamMember, Theme
from portal.extensions import db


@bp.get("/teams")
@login_required
def my_teams():
    page, outlooks = queries.my_teams(current_user)
    networks = contexts.for_teams([team.id for team in page.items if team.kind == "network"])
    return render("enquiries/my_teams.html", page=page, outlooks=outlooks, networks=networks)


@bp.route("/themes/<int:theme_id>/teams/new", methods=["GET", "POST"])
@login_required
def new_team(theme_id):
    theme = get_or_404(Theme, theme_id)
    if not can_register(current_user):
        abort(403)
    form = TeamForm()
    done = run_form(
        form,
        lambda: teams.create_team(
            actor=current_user, theme=theme, name=form.name.data, shared_goal=form.shared_goal.data or ""
        ),
        flash_message=lambda team: f"The team '{team.name}' is set up. Invite your colleagues.",
    )
    if done:
        return redirect(url_for("enquiries.show_team", team_id=done.value.id))
    return render("enquiries/team_form.html", form=form, theme=theme, team=None, status=form_status(form))


@bp.route("/teams/<int:team_id>/edit", methods=["GET", "POST"])
@login_required
def edit_team(team_id):
    team, _ = load_team(team_id, edit=True)
    form = TeamForm(obj=team)
    if run_form(
        form,
        lambda: teams.update_team(
            team, actor=current_user, name=form.name.data, shared_goal=form.shared_goal.data or ""
        ),
        flash_message="The team's details are saved.",
    ):
        return redirect(url_for("enquiries.show_team", team_id=team.id))
    return render("enquiries/team_form.html", form=form, theme=team.theme, team=team, status=form_status(form))


def _team_page(team, enquiry, invite_form=None, status=200):
    outlook = queries.outlooks([team.id]).get(team.id, queries.Outlook())
    member = is_member(current_user, team)
    return render(
        "enquiries/team.html",
        team=team,
        enquiry=enquiry,
        outlook=outlook,
        member=member,
        can_edit=can_edit_team(current_user, team),
        requests=queries.pending_requests(team.id) if member else [],
        officers=queries.link_officers([m.authority_id for m in team.members]),
        invite_form=invite_form or InviteForm(formdata=None),
        facilitator_form=FacilitatorForm(formdata=None),
        status=status,
    )


@bp.get("/teams/<int:team_id>")
@login_required
def show_team(team_id):
    return _team_page(*load_team(team_id))


@bp.post("/teams/<int:team_id>/invite")
@login_required
def invite_member(team_id):
    team, enquiry = load_team(team_id, edit=True)
    form = InviteForm()
    if run_form(
        form,
        lambda: teams.invite(team, form.email.data, actor=current_user),
        flash_message=lambda invitation: f"An invitation is on its way to {invitation.email}.",
    ):
        return redirect(url_for("enquiries.show_team", team_id=team.id), code=303)
    return _team_page(team, enquiry, invite_form=form, status=422)


@bp.route("/join/<token>", methods=["GET", "POST"])
@login_required
def accept_invitation(token):
    invitation = teams.invitation_from_token(token)
    if invitation is None:
        return render("enquiries/join.html", invitation=None, team=None, status=410)
    team = db.session.get(Team, invitation.team_id)
    if request.method == "POST":
        ActionForm().validate_on_submit() or abort(400)
        if run_action(
            lambda: teams.accept_invitation(invitation, actor=current_user), done=f"You have joined {team.name}."
        ):
            return redirect(url_for("enquiries.show_team", team_id=team.id), code=303)
    return render("enquiries/join.html", invitation=invitation, team=team)


@bp.post("/teams/<int:team_id>/requests")
@login_required
def request_join(team_id):
    team = get_or_404(Team, team_id)
    if not can_register(current_user):
        abort(403)
    form = JoinRequestForm()
    form.validate_on_submit() or abort(400)
    run_action(
        lambda: teams.request_to_join(team, actor=current_user, message=form.message.data or ""),
        done=f"Your request to join {team.name} is sent; a member of the team will answer it.",
    )
    return redirect(
        url_for("enquiries.show_theme", theme_id=team.theme_id) if team.theme_id else url_for("enquiries.my_teams"),
        code=303,
    )


@bp.post("/requests/<int:request_id>")
@login_required
def decide_request(request_id):
    req = get_or_404(JoinRequest, request_id)
    team, _ = load_team(req.team_id, edit=True)
    ActionForm().validate_on_submit() or abort(400)
    run_action(
        lambda: teams.decide_request(req, actor=current_user, accept=request.form.get("decision") == "accept"),
        done=lambda _: "The request is accepted." if req.accepted else "The request is declined.",
    )
    return redirect(url_for("enquiries.show_team", team_id=team.id), code=303)


@bp.post("/teams/<int:team_id>/facilitators")
@roles_required(Role.ADMIN)
def assign_facilitator(team_id):
    team, _ = load_team(team_id)
    form = FacilitatorForm()
    person = find_by_email(form.email.data or "") if form.validate_on_submit() else None

    def assign():
        if person is None:
            raise ServiceError(("email", "Nobody has an account with that e-mail address."))
        teams.assign_facilitator(team, person, actor=current_user)

    run_action(assign, done=lambda _: f"{person.name} now supports {team.name}.")
    return redirect(url_for("enquiries.show_team", team_id=team.id), code=303)


@bp.route("/teams/<int:team_id>/leave", methods=["GET", "POST"])
@login_required
def leave_team(team_id):
    """GET asks the member to confirm; POST leaves (refused for network teams and for the last member)."""
    team, enquiry = load_team(team_id, edit=True)
    if request.method == "GET":
        return render("enquiries/leave_team.html", team=team, member=is_member(current_user, team))
    ActionForm().validate_on_submit() or abort(400)
    if not run_action(lambda: teams.leave_team(team, actor=current_user), done=f"You have left {team.name}."):
        return redirect(url_for("enquiries.show_team", team_id=team.id), code=303)
    return redirect(url_for("enquiries.my_teams"), code=303)


@bp.post("/teams/<int:team_id>/members/<int:member_id>/remove")
@login_required
def remove_member(team_id, member_id):
    team, _ = load_team(team_id, edit=True)
    member = get_or_404(TeamMember, member_id)
    if member.team_id != team.id:
        abort(404)
    ActionForm().validate_on_submit() or abort(400)
    leaving = member.user_id == current_user.id
    if not confirmed():
        return confirm_page(
            f"Leave {team.name}?" if leaving else f"Remove {member.user.name} from {team.name}?",
            details=["What they wrote stays with the team's plan and evidence."] if not leaving else (),
            action_label="Leave the team" if leaving else "Remove from the team",
            back_url=url_for("enquiries.show_team", team_id=team.id),
        )
    done = run_action(
        lambda: teams.remove_member(team, member, actor=current_user),
        done=lambda person: (
            f"You have left {team.name}." if leaving else f"{person.name} is no longer a member of {team.name}."
        ),
    )
    if done and leaving:
        return redirect(url_for("enquiries.my_teams"), code=303)
    return redirect(url_for("enquiries.show_team", team_id=team.id), code=303)
