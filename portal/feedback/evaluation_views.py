"""The end-of-year evaluation: the lead officer opens a round per school year; participants and facilitators
evaluate each of their networks; the lead officer and researchers read the aggregate and the nameless words."""

from datetime import date

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from portal.core.access import roles_required
from portal.core.forms import form_status, run_form
from portal.core.privacy import MIN_GROUP
from portal.core.rendering import render
from portal.core.roles import Role
from portal.extensions import db
from portal.feedback import bp, evaluation, evaluation_results
from portal.feedback.forms import EvaluationForm, RoundDatesForm, RoundForm
from portal.feedback.loading import round_or_404
from portal.feedback.models import NETWORK_KINDS, EvaluationRound


def _rounds():
    return db.session.scalars(select(EvaluationRound).order_by(EvaluationRound.school_year.desc())).all()


@bp.get("/evaluations")
@roles_required(Role.RESEARCHER)
def evaluations():
    return render("feedback/evaluations.html", rounds=_rounds(), form=RoundForm(), today=date.today())


@bp.post("/evaluations")
@roles_required(Role.ADMIN)
def create_round():
    form = RoundForm()
    done = run_form(
        form,
        lambda: evaluation.create_round(
            school_year=form.school_year.data,
            opens_on=form.opens_on.data,
            closes_on=form.closes_on.data,
            actor=current_user,
        ),
        flash_message=lambda r: f"{r.label} is set up.",
    )
    if done:
        return redirect(url_for("feedback.evaluations"), code=303)
    return render(
        "feedback/evaluations.html", rounds=_rounds(), form=form, today=date.today(), status=form_status(form)
    )


@bp.route("/evaluations/<int:round_id>/edit", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def edit_round(round_id):
    found = round_or_404(round_id)
    form = RoundDatesForm(obj=found) if request.method == "GET" else RoundDatesForm()
    done = run_form(
        form,
        lambda: evaluation.update_round(
            found, opens_on=form.opens_on.data, closes_on=form.closes_on.data, actor=current_user
        ),
        flash_message="The dates are saved.",
    )
    if done:
        return redirect(url_for("feedback.evaluations"), code=303)
    return render("feedback/round_edit.html", found=found, form=form, status=form_status(form))


@bp.get("/evaluations/<int:round_id>/results")
@roles_required(Role.RESEARCHER)
def evaluation_results_page(round_id):
    found = round_or_404(round_id)
    return render(
        "feedback/evaluation_results.html",
        found=found,
        networks=evaluation_results.per_network(found),
        by_role=evaluation_results.per_kind_and_role(found),
        texts=evaluation_results.texts(found),
        MIN_GROUP=MIN_GROUP,
    )


@bp.get("/evaluation")
@login_required
def my_evaluations():
    today = date.today()
    found = evaluation.open_round(today)
    networks = evaluation.networks_of(current_user.id, found.school_year) if found else []
    done = evaluation.evaluations_of(found.id, current_user.id) if found else {}
    return render("feedback/my_evaluations.html", found=found, networks=networks, done=done)


@bp.route("/evaluation/<int:round_id>/<kind>/<int:network_id>", methods=["GET", "POST"])
@login_required
def evaluate(round_id, kind, network_id):
    found = round_or_404(round_id)
    if kind not in NETWORK_KINDS:
        abort(404)
    network = evaluation.network_of(current_user.id, found.school_year, kind, network_id)
    if network is None:
        abort(403)
    mine = evaluation.evaluations_of(found.id, current_user.id).get((kind, network_id))
    form = EvaluationForm(obj=mine, mode="correct") if request.method == "GET" and mine else EvaluationForm()
    done = run_form(
        form,
        lambda: evaluation.submit(
            found,
            network,
            progress=form.progress.data,
            impact=form.impact.data,
            progress_text=form.progress_text.data or "",
            helped=form.helped.data or "",
            hindered=form.hindered.data or "",
            actor=current_user,
            today=date.today(),
            correct=form.mode.data == "correct",
        ),
        flash_message=f"Your evaluation of {network.label} is saved. Thank you.",
    )
    if done:
        return redirect(url_for("feedback.my_evaluations"), code=303)
    if mine is not None:
        form.mode.data = "correct"
    return render(
        "feedback/evaluate.html",
        found=found,
        network=network,
        form=form,
        mine=mine,
        is_open=found.is_open(date.today()),
        status=form_status(form),
    )
