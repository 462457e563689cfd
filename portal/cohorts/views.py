"""Network cohort pages: the list, creating and editing a cohort, the cohort page with its design rules."""

from flask import abort, current_app, redirect, request, url_for
from flask_login import current_user, login_required

from portal.cohorts import bp, publishing, queries, rules, services, sessions
from portal.cohorts.access import can_manage_cohorts, can_view_cohort
from portal.cohorts.forms import AdvanceForm, CohortForm
from portal.cohorts.models import EVENT_DATES, NetworkCohort
from portal.core.access import get_or_404, roles_required
from portal.core.forms import form_status, run_form
from portal.core.rendering import render
from portal.core.roles import Role


@bp.get("/cohorts")
@login_required
def list_cohorts():
    cohorts = queries.cohorts_for(current_user)
    counts = queries.nomination_counts([c.id for c in cohorts])
    return render(
        "cohorts/list.html",
        cohorts=cohorts,
        counts=counts,
        my_teams=queries.teams_of(current_user),
        can_manage=can_manage_cohorts(current_user),
        staff=can_view_cohort(current_user),
    )


def _save(cohort, form):
    dates = {attr: getattr(form, attr).data for attr, _ in EVENT_DATES}
    return services.save_cohort(
        cohort,
        actor=current_user,
        school_year=form.school_year.data or "",
        letter=form.letter.data,
        interests=form.interests.data or "",
        team_count=form.team_count.data or 8,
        dates=dates,
    )


@bp.route("/cohorts/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def new_cohort():
    form = CohortForm(data={"interests": "\n".join(rules.SUGGESTED_INTERESTS)} if request.method == "GET" else None)
    return _edit(None, form)


@bp.route("/cohorts/<int:cohort_id>/edit", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def edit_cohort(cohort_id):
    cohort = get_or_404(NetworkCohort, cohort_id)
    form = CohortForm(obj=cohort, data={"interests": cohort.interests_text} if request.method == "GET" else None)
    return _edit(cohort, form)


def _edit(cohort, form):
    saved = run_form(form, lambda: _save(cohort, form), flash_message=lambda c: f"Cohort {c.name} is saved.")
    if saved:
        return redirect(url_for("cohorts.show_cohort", cohort_id=saved.value.id))
    return render("cohorts/edit.html", form=form, cohort=cohort, status=form_status(form))


@bp.get("/cohorts/<int:cohort_id>")
@roles_required(Role.LA_OFFICER, Role.KEY_FACILITATOR)
def show_cohort(cohort_id, form=None, status=200):
    cohort = get_or_404(NetworkCohort, cohort_id)
    inputs = queries.design_inputs(cohort)
    checks = rules.check_design(**inputs, teams=cohort.team_count)
    return render(
        "cohorts/show.html",
        fragment="cohorts/_rules.html",
        target="cohort-rules",
        cohort=cohort,
        checks=checks,
        inputs=inputs,
        waivers=queries.waivers(cohort),
        form=form or AdvanceForm(),
        confidence=rules.change_distribution(queries.confidence_pairs(cohort)),
        flagged=len(queries.flagged_ids(cohort)),
        can_manage=can_manage_cohorts(current_user),
        facilitators_needed=rules.facilitators_needed,
        has_matching="cohorts.matching_event" in current_app.view_functions,
        **_published(cohort),
        **sessions.listing(cohort, current_user),
        status=status,
    )


def _published(cohort) -> dict:
    """For the admin of a published cohort: its teams, nominations and the changes made since publication."""
    if cohort.stage != "published" or not can_manage_cohorts(current_user):
        return {"published_teams": [], "changes": []}
    nominations = queries.nominations(cohort)
    placed = [n for n in nominations if n.team_id is not None]
    return {
        "published_teams": queries.teams(cohort),
        "all_nominations": nominations,
        "placed_nominations": placed,
        "replacements": queries.replacements(placed),
        "person_slots": publishing.PERSON_SLOTS,
        "changes": publishing.changes(cohort),
    }


@bp.post("/cohorts/<int:cohort_id>/advance")
@roles_required(Role.ADMIN)
def advance_cohort(cohort_id):
    cohort = get_or_404(NetworkCohort, cohort_id)
    form = AdvanceForm()
    done = run_form(
        form,
        lambda: services.advance(cohort, actor=current_user, reason=form.reason.data or ""),
        flash_message=lambda _: f"Cohort {cohort.name}: {cohort.stage_label.lower()}.",
    )
    if not done:
        if not form.errors and not form.form_errors:
            abort(400)  # only the CSRF token can fail here, and it says nothing to show
        return show_cohort(cohort_id, form=form, status=422)
    if done.value == "matching" and "cohorts.matching_event" in current_app.view_functions:
        return redirect(url_for("cohorts.matching_event", cohort_id=cohort.id))
    return redirect(url_for("cohorts.show_cohort", cohort_id=cohort.id))
