"""A measure's chart settings: which direction is better, run chart or XmR, phase starts (add, remove)."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.access import get_or_404
from portal.core.forms import ActionForm, run_action, run_form
from portal.core.rendering import render
from portal.enquiries import bp, charts
from portal.enquiries.chart_forms import ChartSettingsForm, PhaseForm
from portal.enquiries.loading import load_measure, load_team, measure_page
from portal.enquiries.plan_models import MeasurePhase


def _back(team, measure):
    return redirect(
        url_for("enquiries.show_measure", team_id=team.id, measure_id=measure.id, _anchor="chart-settings"), code=303
    )


@bp.post("/teams/<int:team_id>/measures/<int:measure_id>/chart")
@login_required
def set_chart(team_id, measure_id):
    team, enquiry = load_team(team_id, edit=True)
    measure = load_measure(enquiry, measure_id)
    form = ChartSettingsForm()
    if run_form(
        form,
        lambda: charts.set_chart(enquiry, measure, actor=current_user, better=form.better.data, chart=form.chart.data),
        flash_message="The chart is updated.",
    ):
        return _back(team, measure)
    return measure_page(team, enquiry, measure, None, status=422, settings_form=form)


@bp.post("/teams/<int:team_id>/measures/<int:measure_id>/phases")
@login_required
def add_phase(team_id, measure_id):
    team, enquiry = load_team(team_id, edit=True)
    measure = load_measure(enquiry, measure_id)
    form = PhaseForm()
    if run_form(
        form,
        lambda: charts.add_phase(
            enquiry, measure, actor=current_user, starts_on=form.starts_on.data, label=form.label.data or ""
        ),
        flash_message=lambda p: f"A new phase, {p.label}, starts on {p.starts_on:%d %B %Y}.",
    ):
        return _back(team, measure)
    return measure_page(team, enquiry, measure, None, status=422, phase_form=form)


@bp.route("/teams/<int:team_id>/measures/<int:measure_id>/phases/<int:phase_id>/remove", methods=["GET", "POST"])
@login_required
def remove_phase(team_id, measure_id, phase_id):
    """GET asks to confirm (works without JavaScript); POST removes the phase start."""
    team, enquiry = load_team(team_id, edit=True)
    measure = load_measure(enquiry, measure_id)
    phase = get_or_404(MeasurePhase, phase_id)
    if phase.measure_id != measure.id:
        abort(404)
    if request.method == "GET":
        return render("enquiries/remove_phase.html", team=team, measure=measure, phase=phase, form=ActionForm())
    ActionForm().validate_on_submit() or abort(400)
    label = phase.label  # read before the row goes
    run_action(
        lambda: charts.remove_phase(enquiry, measure, phase, actor=current_user),
        done=f"The phase {label} is removed: its points join the phase before.",
    )
    return _back(team, measure)
