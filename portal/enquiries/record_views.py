"""The improvement record: the aim statement, the driver diagram and plan-do-study-act cycles."""

from flask import abort, redirect, url_for
from flask_login import current_user, login_required

from portal.core.access import get_or_404
from portal.core.confirm import confirm_page, confirmed
from portal.core.forms import ActionForm, form_status, run_action, run_form
from portal.core.rendering import render
from portal.enquiries import bp, cycles, queries
from portal.enquiries.cycle_forms import AimForm, CycleForm, DriverForm, link_choices
from portal.enquiries.cycle_models import DRIVER_KINDS, Cycle, Driver
from portal.enquiries.drivers import diagram
from portal.enquiries.loading import load_team

DATED = ("starts_on", "ends_on", "measure_id")  # empty is None, not ""
CYCLE_FIELDS = ("title", "measure_id", "starts_on", "ends_on", "prediction", "done", "showed", "decision")


def _step(team, step):
    return url_for("enquiries.show_plan", team_id=team.id, step=step, _anchor=f"step-{step}")


@bp.route("/teams/<int:team_id>/aim", methods=["GET", "POST"])
@login_required
def edit_aim(team_id):
    team, enquiry = load_team(team_id, edit=True)
    form = AimForm(
        data={"what": enquiry.aim_what, "who": enquiry.aim_who, "how_much": enquiry.aim_how_much, "by": enquiry.aim_by}
    )
    if run_form(
        form,
        lambda: cycles.save_aim(
            enquiry,
            actor=current_user,
            what=form.what.data or "",
            who=form.who.data or "",
            how_much=form.how_much.data or "",
            by=form.by.data,
        ),
        flash_message="The aim is saved.",
    ):
        return redirect(_step(team, "question"), code=303)
    return render(
        "enquiries/record_form.html",
        heading="Our aim",
        intro="An aim says what will improve, for whom, by how much and by when.",
        form=form,
        team=team,
        fields=("what", "who", "how_much", "by"),
        submit_label="Save the aim",
        back_url=_step(team, "question"),
        status=form_status(form),
    )


@bp.route("/teams/<int:team_id>/drivers", methods=["GET", "POST"])
@login_required
def edit_drivers(team_id):
    team, enquiry = load_team(team_id, edit=True)
    boxes = cycles.drivers(enquiry.id)
    form = DriverForm()
    form.parent_id.choices = [(0, "None (a primary driver)")] + [
        (d.id, f"{DRIVER_KINDS[d.kind]}: {d.text}") for d in boxes if d.kind != "change"
    ]
    if run_form(
        form,
        lambda: cycles.add_driver(
            enquiry, actor=current_user, kind=form.kind.data, text=form.text.data or "", parent_id=form.parent_id.data
        ),
        flash_message=lambda d: f"{DRIVER_KINDS[d.kind]} added.",
    ):
        return redirect(url_for("enquiries.edit_drivers", team_id=team.id), code=303)
    return render(
        "enquiries/drivers.html",
        team=team,
        enquiry=enquiry,
        form=form,
        diagram=diagram(boxes),
        status=form_status(form),
    )


@bp.post("/teams/<int:team_id>/drivers/<int:driver_id>/remove")
@login_required
def remove_driver(team_id, driver_id):
    team, enquiry = load_team(team_id, edit=True)
    driver = get_or_404(Driver, driver_id)
    if driver.enquiry_id != enquiry.id:
        abort(404)
    ActionForm().validate_on_submit() or abort(400)
    back = url_for("enquiries.edit_drivers", team_id=team.id)
    if not confirmed():
        return confirm_page(
            f"Remove '{driver.text}' from the driver diagram?",
            action_label="Remove it",
            back_url=back,
            details=["Everything linked under it is removed too."],
        )
    run_action(lambda: cycles.remove_driver(enquiry, driver, actor=current_user), done="Removed from the diagram.")
    return redirect(back, code=303)


def _cycle_page(team, enquiry, cycle):
    form = CycleForm(obj=cycle)
    link_choices(form, queries.measures(enquiry.id), [])
    if run_form(
        form,
        lambda: cycles.save_cycle(
            enquiry,
            cycle,
            actor=current_user,
            **{f: getattr(form, f).data or (None if f in DATED else "") for f in CYCLE_FIELDS},
        ),
        flash_message="The cycle is saved." if cycle else "The cycle is planned: record what happened when it ends.",
    ):
        return redirect(_step(team, "cycles"), code=303)
    return render(
        "enquiries/record_form.html",
        heading=f"Cycle: {cycle.title}" if cycle else "Plan a cycle of change",
        intro="Plan (the change and your prediction), do, study (what the data showed against the prediction), "
        "act (adopt, adapt or abandon). Fill in the later parts as the cycle runs.",
        form=form,
        team=team,
        fields=CYCLE_FIELDS,
        submit_label="Save the cycle",
        back_url=_step(team, "cycles"),
        status=form_status(form),
    )


@bp.route("/teams/<int:team_id>/cycles/new", methods=["GET", "POST"])
@login_required
def new_cycle(team_id):
    team, enquiry = load_team(team_id, edit=True)
    return _cycle_page(team, enquiry, None)


def _cycle(enquiry, cycle_id):
    cycle = get_or_404(Cycle, cycle_id)
    if cycle.enquiry_id != enquiry.id:
        abort(404)
    return cycle


@bp.route("/teams/<int:team_id>/cycles/<int:cycle_id>", methods=["GET", "POST"])
@login_required
def edit_cycle(team_id, cycle_id):
    team, enquiry = load_team(team_id, edit=True)
    return _cycle_page(team, enquiry, _cycle(enquiry, cycle_id))


@bp.post("/teams/<int:team_id>/cycles/<int:cycle_id>/delete")
@login_required
def delete_cycle(team_id, cycle_id):
    team, enquiry = load_team(team_id, edit=True)
    cycle = _cycle(enquiry, cycle_id)
    ActionForm().validate_on_submit() or abort(400)
    if not confirmed():
        return confirm_page(
            f"Delete the cycle {cycle.title}?",
            action_label="Delete the cycle",
            back_url=_step(team, "cycles"),
            details=["It leaves the run chart; notes linked to it stay. Its record is kept in the history."],
        )
    run_action(lambda: cycles.delete_cycle(enquiry, cycle, actor=current_user), done="The cycle is deleted.")
    return redirect(_step(team, "cycles"), code=303)
