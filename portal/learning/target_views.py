"""Professional Review and Development targets (each may link to one of the person's own plan goals) and the
record's settings (the Professional Update sign-off date)."""

from datetime import date

from flask import redirect, request, url_for
from flask_login import current_user, login_required
from wtforms import SelectChoice

from portal.core.forms import form_status, run_action, run_form
from portal.core.rendering import render
from portal.learning import bp, queries, settings, targets
from portal.learning.forms import SettingsForm, TargetForm
from portal.learning.goals import goals_by_id, own_goals
from portal.learning.loading import load_target


def _target_form(target=None) -> TargetForm:
    if request.method == "GET" and target is not None:
        form = TargetForm(
            data={
                "title": target.title,
                "description": target.description,
                "year": target.school_year,
                "goal": target.goal_id or 0,
                "reviewer_email": queries.reviewer_email(target),
            }
        )
    elif request.method == "GET":
        form = TargetForm(data={"goal": request.args.get("goal", 0, type=int)})
    else:
        form = TargetForm()
    form.year.choices = [SelectChoice(y, label) for y, label in targets.year_choices(date.today())]
    if form.year.data is None:
        form.year.data = form.year.choices[1].value  # this school year
    form.goal.choices = [SelectChoice(0, "No linked goal")] + [
        SelectChoice(g.id, f"{g.label} ({g.plan_title})") for g in own_goals(current_user)
    ]
    return form


def _save(form, target):
    return targets.save_target(
        target,
        actor=current_user,
        title=form.title.data,
        description=form.description.data,
        year=form.year.data,
        goal_id=form.goal.data,
        reviewer_email=form.reviewer_email.data or "",
    )


@bp.route("/targets/new", methods=["GET", "POST"])
@login_required
def add_target():
    form = _target_form()
    done = run_form(form, lambda: _save(form, None), flash_message="The PRD target is in your record.")
    if done:
        return redirect(url_for("learning.show_target", target_id=done.value.id), code=303)
    return render("learning/target_edit.html", form=form, prd_target=None, status=form_status(form))


@bp.route("/targets/<int:target_id>/edit", methods=["GET", "POST"])
@login_required
def edit_target(target_id):
    target = load_target(target_id, edit=True)
    form = _target_form(target)
    if run_form(form, lambda: _save(form, target), flash_message="The PRD target is saved."):
        return redirect(url_for("learning.show_target", target_id=target.id), code=303)
    return render("learning/target_edit.html", form=form, prd_target=target, status=form_status(form))


@bp.get("/targets/<int:target_id>")
@login_required
def show_target(target_id):
    target = load_target(target_id)
    mine = target.user_id == current_user.id
    return render(
        "learning/target.html",
        prd_target=target,
        goal=goals_by_id([target.goal_id]).get(target.goal_id),
        mine=mine,
        history=targets.revisions(target) if mine else [],
    )


@bp.route("/targets/<int:target_id>/remove", methods=["GET", "POST"])
@login_required
def remove_target(target_id):
    target = load_target(target_id, edit=True)
    if request.method == "GET":
        return render("learning/target_remove.html", prd_target=target)
    run_action(lambda: targets.delete_target(target, actor=current_user), done="The PRD target is removed.")
    return redirect(url_for("learning.my_record"), code=303)


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def record_settings():
    form = SettingsForm(data={"signoff_on": settings.signoff_of(current_user)} if request.method == "GET" else None)
    if run_form(
        form,
        lambda: settings.save_signoff(actor=current_user, signoff_on=form.signoff_on.data),
        flash_message="Your record settings are saved.",
    ):
        return redirect(url_for("learning.record_settings"), code=303)
    return render("learning/settings.html", form=form, status=form_status(form))
