"""The matching event page: run, preview a move, move, pin, keep apart, re-optimise, publish."""

from flask import flash, redirect, request, url_for
from flask_login import current_user

from portal.cohorts import bp, publishing, queries
from portal.cohorts import matching_service as matching
from portal.cohorts.models import CohortTeam, NetworkCohort
from portal.core.access import get_or_404, roles_required
from portal.core.forms import ServiceError
from portal.core.rendering import render, wants_fragment
from portal.core.roles import Role
from portal.extensions import db


def _int(name: str) -> int | None:
    value = request.values.get(name, "")
    return int(value) if value.lstrip("-").isdigit() else None


def _page(cohort, *, preview=None, error=None, notice=None, status=200):
    record = matching.current(cohort)
    nominations = {str(n.establishment_id): n for n in queries.nominations(cohort)}
    pins = {str(c.establishment_id): c.team_index for c in queries.constraints(cohort) if c.kind == "pin"}
    return render(
        "cohorts/matching.html",
        fragment="cohorts/_plan.html",
        target="matching-plan",
        cohort=cohort,
        plan=record.result if record else None,
        nominations=nominations,
        pins=pins,
        preview=preview,
        hunches=queries.responses_by_user(cohort),
        history=matching.history(cohort),
        notice=notice,
        error=error,
        status=status,
    )


@bp.get("/cohorts/<int:cohort_id>/matching")
@roles_required(Role.ADMIN)
def matching_event(cohort_id):
    return _page(get_or_404(NetworkCohort, cohort_id))


@bp.get("/cohorts/<int:cohort_id>/matching/preview")
@roles_required(Role.ADMIN)
def preview_move(cohort_id):
    cohort = get_or_404(NetworkCohort, cohort_id)
    est, team = request.args.get("establishment", ""), _int("team")
    try:
        effect = matching.preview(cohort, est, team if team is not None else -1)
    except ServiceError as error:
        return _page(cohort, error=error.errors[0][1], status=422)
    effect["name"] = queries.establishment_name(int(est)) if est.isdigit() else est
    if wants_fragment("move-preview"):
        return render("cohorts/_preview.html", cohort=cohort, preview=effect)
    return _page(cohort, preview=effect)


ACTIONS = {"run", "move", "pin", "unpin", "apart", "reoptimise", "publish"}


@bp.post("/cohorts/<int:cohort_id>/matching/<action>")
@roles_required(Role.ADMIN)
def change_matching(cohort_id, action):
    cohort = get_or_404(NetworkCohort, cohort_id)
    if action not in ACTIONS:
        return _page(cohort, error="Unknown action.", status=404)
    est = _int("establishment")
    try:
        message = _do(cohort, action, est)
    except ServiceError as error:
        db.session.rollback()
        return _page(cohort, error=error.errors[0][1], status=422)
    db.session.commit()
    if action != "publish" and wants_fragment("matching-plan"):
        return _page(cohort, notice=message)
    flash(message, "success")
    if action == "publish":
        return redirect(url_for("cohorts.show_cohort", cohort_id=cohort.id))
    return redirect(url_for("cohorts.matching_event", cohort_id=cohort.id))


def _do(cohort, action, est) -> str:
    if action == "run":
        plan = matching.run(cohort, actor=current_user, seed=_int("seed") or 0)
        return f"Matching run: score {plan['score']:.2f}, {len(plan['violations'])} rule problems."
    if action == "reoptimise":
        plan = matching.reoptimise(cohort, actor=current_user, seed=_int("seed") or 0)
        return f"Re-optimised: {len(plan.get('moved', []))} establishments moved, score {plan['score']:.2f}."
    if action == "move":
        team = _int("team")
        matching.move(cohort, actor=current_user, est_id=str(est), to_team=team if team is not None else -1)
        return f"Moved to team {(team or 0) + 1}."
    if action in ("pin", "unpin"):
        if est is None:
            raise ServiceError(("establishment", "Choose an establishment."))
        matching.pin(cohort, actor=current_user, est_id=est, team_index=_int("team") if action == "pin" else None)
        return "Pinned: re-optimising keeps it where it is." if action == "pin" else "Unpinned."
    if action == "apart":
        first, second = _int("first"), _int("second")
        if first is None or second is None:
            raise ServiceError(("first", "Choose two establishments."))
        matching.keep_apart(cohort, actor=current_user, first=first, second=second)
        return "Kept apart from the next run or re-optimisation on."
    created = matching.publish_current(cohort, actor=current_user)
    return f"{len(created)} teams are published; members and facilitators have been e-mailed."


@bp.post("/cohort-teams/<int:team_id>/facilitator")
@roles_required(Role.ADMIN)
def assign_facilitator(team_id):
    team = get_or_404(CohortTeam, team_id)
    try:
        if not _int("facilitator"):
            raise ServiceError(("facilitator", "Choose a key facilitator."))
        publishing.reassign_facilitator(team, _int("facilitator"), actor=current_user)
    except ServiceError as error:
        db.session.rollback()
        flash(error.errors[0][1], "info")
    else:
        db.session.commit()
        flash(f"{team.name}'s facilitator is changed.", "success")
    return redirect(url_for("cohorts.show_team", team_id=team.id))
