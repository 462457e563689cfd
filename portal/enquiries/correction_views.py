"""Correcting evidence: edit or delete a data point, a note or a measure (deletes confirmed; history kept)."""

from flask import abort, redirect, url_for
from flask_login import current_user, login_required

from portal.core.access import get_or_404
from portal.core.confirm import confirm_page, confirmed
from portal.core.forms import ActionForm, form_status, run_action, run_form
from portal.core.rendering import render
from portal.enquiries import bp, corrections, cycles, queries
from portal.enquiries.cycle_forms import NOTE_FIELDS, EditPointForm, link_choices, note_fields
from portal.enquiries.forms import NoteForm
from portal.enquiries.loading import load_measure, load_team
from portal.enquiries.plan_models import DataPoint, EvidenceNote


def _point(measure, point_id):
    point = get_or_404(DataPoint, point_id)
    if point.measure_id != measure.id:
        abort(404)
    return point


def _measure_url(team, measure, anchor="data"):
    return url_for("enquiries.show_measure", team_id=team.id, measure_id=measure.id, _anchor=anchor)


@bp.route("/teams/<int:team_id>/measures/<int:measure_id>/points/<int:point_id>/edit", methods=["GET", "POST"])
@login_required
def edit_data_point(team_id, measure_id, point_id):
    team, enquiry = load_team(team_id, edit=True)
    measure = load_measure(enquiry, measure_id)
    point = _point(measure, point_id)
    form = EditPointForm(data={"on": point.on, "value": f"{point.value:g}", "note": point.note})
    if run_form(
        form,
        lambda: corrections.edit_data_point(
            enquiry,
            measure,
            point,
            actor=current_user,
            on=form.on.data,
            value=form.value.data or "",
            note=form.note.data or "",
        ),
        flash_message="The data point is corrected; the old value is kept in the history.",
    ):
        return redirect(_measure_url(team, measure), code=303)
    return render(
        "enquiries/record_form.html",
        heading=f"Correct a data point of {measure.name}",
        form=form,
        team=team,
        fields=("on", "value", "note"),
        submit_label="Save the correction",
        back_url=_measure_url(team, measure),
        status=form_status(form),
    )


@bp.post("/teams/<int:team_id>/measures/<int:measure_id>/points/<int:point_id>/delete")
@login_required
def delete_data_point(team_id, measure_id, point_id):
    team, enquiry = load_team(team_id, edit=True)
    measure = load_measure(enquiry, measure_id)
    point = _point(measure, point_id)
    ActionForm().validate_on_submit() or abort(400)
    if not confirmed():
        return confirm_page(
            f"Delete the data point of {point.on:%d %B %Y} ({point.value:g}) from {measure.name}?",
            action_label="Delete the data point",
            back_url=_measure_url(team, measure),
            details=["The chart and its reading change. The old value stays in the measure's history."],
        )
    run_action(
        lambda: corrections.delete_data_point(enquiry, measure, point, actor=current_user),
        done="The data point is deleted; it stays in the measure's history.",
    )
    return redirect(_measure_url(team, measure), code=303)


@bp.post("/teams/<int:team_id>/measures/<int:measure_id>/delete")
@login_required
def delete_measure(team_id, measure_id):
    team, enquiry = load_team(team_id, edit=True)
    measure = load_measure(enquiry, measure_id)
    ActionForm().validate_on_submit() or abort(400)
    if not confirmed():
        return confirm_page(
            f"Delete the measure {measure.name} and all its data points?",
            action_label="Delete the measure",
            back_url=_measure_url(team, measure, "history"),
            details=[
                "Its chart and phases go. Cycles and notes linked to it stay, unlinked.",
                "Its values are kept in the enquiry's history of corrections.",
            ],
        )
    name = measure.name
    run_action(
        lambda: corrections.delete_measure(enquiry, measure, actor=current_user),
        done=lambda n: (
            f"The measure {name} is deleted ({n} data point{'s' if n != 1 else ''}); its values are kept in "
            "the history."
        ),
    )
    return redirect(url_for("enquiries.show_plan", team_id=team.id, step="measures", _anchor="step-measures"), code=303)


def _note(enquiry, note_id):
    note = get_or_404(EvidenceNote, note_id)
    if note.enquiry_id != enquiry.id:
        abort(404)
    return note


@bp.route("/teams/<int:team_id>/evidence/<int:note_id>/edit", methods=["GET", "POST"])
@login_required
def edit_note(team_id, note_id):
    team, enquiry = load_team(team_id, edit=True)
    note = _note(enquiry, note_id)
    form = NoteForm(obj=note)
    link_choices(form, queries.measures(enquiry.id), cycles.cycles_of(enquiry.id))
    back = url_for("enquiries.show_evidence", team_id=team.id, _anchor=f"note-{note.id}")
    if run_form(
        form,
        lambda: corrections.edit_note(enquiry, note, actor=current_user, **note_fields(form)),
        flash_message="The note is corrected; the old text is kept in the history.",
    ):
        return redirect(back, code=303)
    return render(
        "enquiries/record_form.html",
        heading="Correct a note",
        form=form,
        team=team,
        fields=NOTE_FIELDS,
        submit_label="Save the correction",
        back_url=back,
        status=form_status(form),
    )


@bp.post("/teams/<int:team_id>/evidence/<int:note_id>/delete")
@login_required
def delete_note(team_id, note_id):
    team, enquiry = load_team(team_id, edit=True)
    note = _note(enquiry, note_id)
    ActionForm().validate_on_submit() or abort(400)
    back = url_for("enquiries.show_evidence", team_id=team.id, _anchor="notes")
    if not confirmed():
        return confirm_page(
            f"Delete the note of {note.on:%d %B %Y} by {note.observer}?",
            action_label="Delete the note",
            back_url=back,
            details=["Its words stay in the team's history of corrections; an attachment is no longer offered."],
        )
    run_action(lambda: corrections.delete_note(enquiry, note, actor=current_user), done="The note is deleted.")
    return redirect(back, code=303)
