"""Impact evidence: run charts per measure, data points, notes with attachments, the sharing summary."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.access import get_or_404
from portal.core.confirm import confirm_page, confirmed
from portal.core.forms import run_action, run_form
from portal.core.rendering import is_htmx, render
from portal.core.uploads import send_stored
from portal.enquiries import bp, corrections, evidence, plans, queries
from portal.enquiries.access import can_edit_team, can_read_summary, can_view_team
from portal.enquiries.cycle_forms import link_choices, note_fields
from portal.enquiries.cycles import cycles_of, drivers
from portal.enquiries.drivers import diagram
from portal.enquiries.forms import DataPointForm, NoteForm
from portal.enquiries.loading import charted_measures, load_team
from portal.enquiries.loading import load_measure as _measure
from portal.enquiries.loading import measure_page as _measure_page
from portal.enquiries.plan_models import EvidenceNote
from portal.enquiries.sections import PLAN_SECTIONS, REFLECTION_SECTIONS


@bp.get("/teams/<int:team_id>/evidence")
@login_required
def show_evidence(team_id):
    team, enquiry = load_team(team_id, people=False)
    cycles = cycles_of(enquiry.id)
    measures = charted_measures(enquiry.id, cycles=cycles)
    return render(
        "enquiries/evidence.html",
        team=team,
        enquiry=enquiry,
        measures=measures,
        notes=queries.notes(enquiry.id),
        can_edit=can_edit_team(current_user, team),
        labels={"measure": {m.id: m.name for m, _, _ in measures}, "cycle": {c.id: c.title for c in cycles}},
        history=corrections.history(enquiry.id, limit=20),
    )


@bp.get("/teams/<int:team_id>/measures/<int:measure_id>")
@login_required
def show_measure(team_id, measure_id):
    team, enquiry = load_team(team_id, people=False)
    return _measure_page(team, enquiry, _measure(enquiry, measure_id), DataPointForm(formdata=None))


@bp.post("/teams/<int:team_id>/measures/<int:measure_id>/points")
@login_required
def add_data_point(team_id, measure_id):
    team, enquiry = load_team(team_id, edit=True)
    measure = _measure(enquiry, measure_id)
    form = DataPointForm()
    if run_form(
        form,
        lambda: evidence.add_data_point(
            enquiry, measure, actor=current_user, on=form.on.data, value=form.value.data, note=form.note.data or ""
        ),
        flash_message="The data point is added.",
    ):
        if is_htmx():
            return _measure_page(team, enquiry, measure, DataPointForm(formdata=None))
        return redirect(url_for("enquiries.show_measure", team_id=team.id, measure_id=measure.id), code=303)
    return _measure_page(team, enquiry, measure, form, status=422)


@bp.route("/teams/<int:team_id>/evidence/new", methods=["GET", "POST"])
@login_required
def new_note(team_id):
    team, enquiry = load_team(team_id, edit=True)
    form = NoteForm(data={"measure_id": request.args.get("measure", 0, type=int)})
    link_choices(form, queries.measures(enquiry.id), cycles_of(enquiry.id))
    if run_form(
        form,
        lambda: evidence.add_note(enquiry, actor=current_user, upload=form.file.data, **note_fields(form)),
        flash_message="The evidence is recorded.",
    ):
        return redirect(url_for("enquiries.show_evidence", team_id=team.id, _anchor="notes"), code=303)
    return render("enquiries/note_form.html", form=form, team=team, status=422 if form.is_submitted() else 200)


@bp.get("/teams/<int:team_id>/evidence/<int:note_id>/file")
@login_required
def download_attachment(team_id, note_id):
    team, enquiry = load_team(team_id)
    note = get_or_404(EvidenceNote, note_id)
    if note.enquiry_id != enquiry.id or not note.file_key:
        abort(404)
    return send_stored(note.file_key, note.filename)


@bp.get("/teams/<int:team_id>/summary")
@login_required
def show_summary(team_id):
    team, enquiry = queries.team_page(team_id, people=False)
    if team is None:
        abort(404)
    if not can_read_summary(current_user, team, enquiry.published_at is not None):
        abort(403)
    sections, _ = plans.plan_state(enquiry, current_user)
    show_names = enquiry.summary_names or can_view_team(current_user, team)  # names and notes: the team's choice
    measures = charted_measures(enquiry.id, with_notes=show_names)
    return render(
        "enquiries/summary.html",
        team=team,
        enquiry=enquiry,
        sections=sections,
        measures=measures,
        outlook=queries.outlooks([team.id]).get(team.id, queries.Outlook()),
        plan_sections=PLAN_SECTIONS,
        reflection_sections=REFLECTION_SECTIONS,
        notes=queries.notes(enquiry.id, limit=5),
        cycles=cycles_of(enquiry.id),
        diagram=diagram(boxes, enquiry.aim_what) if (boxes := drivers(enquiry.id)) else None,
        can_edit=can_edit_team(current_user, team),
        can_view_team=can_view_team(current_user, team),
        show_names=show_names,
    )


@bp.post("/teams/<int:team_id>/summary")
@login_required
def publish_summary(team_id):
    team, enquiry = load_team(team_id, edit=True)
    from portal.core.forms import ActionForm

    ActionForm().validate_on_submit() or abort(400)
    withdrawing = request.form.get("action") == "withdraw"
    readers = "everyone registered for the theme" if team.theme_id else "researchers and the team's supporters"
    if not confirmed():
        return confirm_page(
            f"Withdraw the sharing summary of {team.name}? Only the team and its supporters will read it."
            if withdrawing
            else f"Publish the sharing summary of {team.name}? {readers.capitalize()} will read it.",
            action_label="Withdraw the summary" if withdrawing else "Publish the summary",
            back_url=url_for("enquiries.show_summary", team_id=team.id),
        )
    if withdrawing:
        run_action(
            lambda: evidence.withdraw_summary(enquiry, actor=current_user),
            done="The summary is withdrawn: only the team and its supporters can read it.",
        )
    else:
        run_action(
            lambda: evidence.publish_summary(
                enquiry, actor=current_user, include_names=request.form.get("include_names") == "y"
            ),
            done=f"The sharing summary is published: {readers} can read it.",
        )
    return redirect(url_for("enquiries.show_summary", team_id=team.id), code=303)
