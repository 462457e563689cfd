"""Network team spaces: members and hunches, the enquiry question, observation plan, support meetings."""

from flask import abort, current_app, flash, redirect, url_for
from flask_login import current_user, login_required

from portal.cohorts import bp, publishing, queries, teams
from portal.cohorts.access import can_edit_meetings, can_manage_cohorts, can_view_team
from portal.cohorts.forms import MeetingForm, TeamPlanForm
from portal.cohorts.models import SupportMeeting
from portal.cohorts.rules import QUESTION_CHECKLIST
from portal.core.forms import run_form
from portal.core.rendering import render, wants_fragment


def _team(team_id):
    team = queries.team_with_members(team_id)
    if team is None:
        abort(404)
    if not can_view_team(current_user, team, teams.member_ids(team)):
        abort(403)
    return team


def _page(team, plan_form=None, meeting_forms=None, status=200, saved=None):
    meeting_forms = meeting_forms or {}
    for m in team.meetings:
        meeting_forms.setdefault(m.kind, MeetingForm(prefix=f"m{m.kind}", obj=m, formdata=None))
    plan_form = plan_form or TeamPlanForm(
        formdata=None,
        data={
            "enquiry_question": team.enquiry_question,
            "checks": team.question_checks,
            "observation_plan": team.observation_plan,
        },
    )
    return render(
        "cohorts/team.html",
        fragment="cohorts/_meetings.html",
        target="team-meetings",
        team=team,
        hunches=queries.responses_by_user(team.cohort, teams.member_ids(team)),
        plan_form=plan_form,
        meeting_forms=meeting_forms,
        checklist=QUESTION_CHECKLIST,
        can_edit_meetings=can_edit_meetings(current_user, team),
        saved=saved,
        changes=publishing.team_changes(team),
        facilitators=queries.facilitators(team.cohort)
        if can_manage_cohorts(current_user) and "cohorts.assign_facilitator" in current_app.view_functions
        else [],
        status=status,
    )


@bp.get("/cohort-teams/<int:team_id>")
@login_required
def show_team(team_id):
    return _page(_team(team_id))


@bp.post("/cohort-teams/<int:team_id>/plan")
@login_required
def save_team_plan(team_id):
    team = _team(team_id)
    form = TeamPlanForm()
    if run_form(
        form,
        lambda: teams.save_plan(
            team,
            actor=current_user,
            question=form.enquiry_question.data or "",
            checks=form.checks.data or [],
            observation_plan=form.observation_plan.data or "",
        ),
        flash_message="The team's enquiry question and observation plan are saved.",
    ):
        return redirect(url_for("cohorts.show_team", team_id=team.id))
    return _page(team, plan_form=form, status=422)


@bp.post("/cohort-teams/<int:team_id>/meetings/<int:kind>")
@login_required
def save_meeting(team_id, kind):
    team = _team(team_id)
    meeting = next((m for m in team.meetings if m.kind == kind), None)
    if meeting is None:
        abort(404)
    if not can_edit_meetings(current_user, team):
        abort(403)
    form = MeetingForm(prefix=f"m{kind}")
    saved = run_form(
        form,
        lambda: teams.save_meeting(
            meeting,
            actor=current_user,
            meets_on=form.meets_on.data,
            held=form.held.data,
            notes=form.notes.data or "",
            actions=form.actions.data or "",
        ),
    )
    if saved:
        if wants_fragment("team-meetings"):
            return _page(team, saved=meeting.title)
        flash(f"Support meeting saved: {meeting.title}.", "success")
        return redirect(url_for("cohorts.show_team", team_id=team.id))
    return _page(team, meeting_forms={kind: form}, status=422)


__all__ = ["SupportMeeting"]
