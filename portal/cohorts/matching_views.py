"""The matching event board: run, preview a move (by drag or by form), move, pin, pair, re-optimise, publish."""

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from portal.accounts.models import User
from portal.cohorts import bp, publishing, queries
from portal.cohorts import matching_service as matching
from portal.cohorts.models import CohortTeam, NetworkCohort, Nomination
from portal.core.access import get_or_404, roles_required
from portal.core.confirm import confirm_page, confirmed
from portal.core.forms import ServiceError, run_action
from portal.core.rendering import is_htmx, render, retarget, wants_fragment
from portal.core.roles import Role

# How firmly re-optimising keeps establishments where they are: the score a move away must gain.
STAY_CHOICES = {"firm": 0.3, "balanced": matching.STAY, "free": 0.0}


def _int(name: str) -> int | None:
    value = request.values.get(name, "")
    return int(value) if value.lstrip("-").isdigit() and len(value) < 10 else None


def _page(cohort, *, preview=None, error=None, status=200):
    record = matching.current(cohort)
    listed, answers, constraints = (
        queries.entries(cohort),
        queries.responses_by_user(cohort),
        queries.constraints(cohort),
    )
    nominations = {str(n.establishment_id): n for n in listed}
    plan = record.result if record else None
    return render(
        "cohorts/matching.html",
        fragment="cohorts/_plan.html",
        target="matching-plan",
        cohort=cohort,
        plan=plan,
        shared=matching.shared_percent(plan) if plan else None,
        focus_id=(plan.get("moved") or [{}])[-1].get("id") if plan and record.action == "move" else None,
        nominations=nominations,
        pins={str(c.establishment_id): c.team_index for c in constraints if c.kind == "pin"},
        pairs=matching.pairs(cohort, nominations, constraints),
        silent=matching.non_respondents(
            matching.problem_input(cohort, entries=listed, answers=answers, constraints=constraints)
        ),
        preview=preview,
        said_by=queries.hunches_by_establishment(listed, answers),
        history=matching.history(cohort),
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
    """What a move would do, shown beside the team it changes (the drop target or the chosen team)."""
    cohort = get_or_404(NetworkCohort, cohort_id)
    est, team = request.args.get("establishment", ""), _int("team")
    in_slot = is_htmx() and (request.headers.get("HX-Target") or "").startswith("preview-slot-")
    try:
        effect = matching.preview(cohort, est, team if team is not None else -1)
    except ServiceError as error:
        if in_slot:  # the message where the preview would have been
            return render("cohorts/_preview_error.html", error=error.errors[0][1], status=422)
        return _page(cohort, error=error.errors[0][1], status=422)
    effect["name"] = queries.establishment_name(int(est)) if est.isdigit() else est
    if in_slot:  # beside the team the move changes, whichever team's form or drop asked
        response = render("cohorts/_preview.html", cohort=cohort, preview=effect)
        return retarget(response, f"#preview-slot-{effect['to']}", "innerHTML")
    if wants_fragment("move-preview"):
        return render("cohorts/_preview.html", cohort=cohort, preview=effect)
    return _page(cohort, preview=effect)


ACTIONS = {"run", "move", "pin", "unpin", "apart", "together", "unlink", "reoptimise", "publish"}


@bp.post("/cohorts/<int:cohort_id>/matching/<action>")
@roles_required(Role.ADMIN)
def change_matching(cohort_id, action):
    cohort = get_or_404(NetworkCohort, cohort_id)
    if action not in ACTIONS:
        abort(404)
    if action == "publish" and not confirmed():
        return confirm_page(
            f"Publish the teams of {cohort.name}?",
            details=["Every member and facilitator is e-mailed their team; later changes are logged and told."],
            action_label="Publish the teams",
            back_url=url_for("cohorts.matching_event", cohort_id=cohort.id),
        )
    done = run_action(lambda: _do(cohort, action), done=lambda message: message)
    if action == "publish" and done:
        return redirect(url_for("cohorts.show_cohort", cohort_id=cohort.id))
    if wants_fragment("matching-plan"):
        return _page(cohort, status=200 if done else 422)
    anchor = f"est-{request.form.get('establishment')}" if action in ("move", "pin", "unpin") and done else None
    return redirect(url_for("cohorts.matching_event", cohort_id=cohort.id, _anchor=anchor))


def _do(cohort, action) -> str:
    est = _int("establishment")
    if action == "run":
        plan = matching.run(cohort, actor=current_user, seed=_int("seed") or 0)
        return f"Matching run: {matching.shared_percent(plan)}% of possible shared interests, {_problems(plan)}."
    if action == "reoptimise":
        stay = STAY_CHOICES.get(request.form.get("stay", ""), matching.STAY)
        plan = matching.reoptimise(cohort, actor=current_user, seed=_int("seed") or 0, stay=stay)
        moved = len(plan.get("moved", []))
        return (
            f"Re-optimised: {moved} establishment{'s' if moved != 1 else ''} moved; "
            f"{matching.shared_percent(plan)}% of possible shared interests, {_problems(plan)}."
        )
    if action == "move":
        team = _int("team")
        matching.move(cohort, actor=current_user, est_id=str(est), to_team=team if team is not None else -1)
        return f"{queries.establishment_name(est or 0)} moved to team {(team or 0) + 1}."
    if action in ("pin", "unpin"):
        if est is None:
            raise ServiceError(("establishment", "Choose an establishment."))
        matching.pin(cohort, actor=current_user, est_id=est, team_index=_int("team") if action == "pin" else None)
        name = queries.establishment_name(est)
        return f"{name} is pinned: re-optimising keeps it where it is." if action == "pin" else f"{name} is unpinned."
    if action in ("apart", "together"):
        first, second = _int("first"), _int("second")
        if first is None or second is None:
            raise ServiceError(("first", "Choose two establishments."))
        matching.link(cohort, actor=current_user, kind=action, first=first, second=second)
        return f"Kept {action} from the next run or re-optimisation on."
    if action == "unlink":
        matching.unlink(cohort, actor=current_user, constraint_id=_int("pair") or 0)
        return "The pair is removed."
    created = matching.publish_current(cohort, actor=current_user)
    return f"{len(created)} teams are published; members and facilitators have been e-mailed."


def _problems(plan) -> str:
    count = len(plan["violations"])
    return "every rule met" if not count else f"{count} rule problem{'s' if count != 1 else ''}"


@bp.post("/cohort-teams/<int:team_id>/facilitator")
@roles_required(Role.ADMIN)
def assign_facilitator(team_id):
    team = get_or_404(CohortTeam, team_id)

    def change():
        if not _int("facilitator"):
            raise ServiceError(("facilitator", "Choose a key facilitator."))
        publishing.reassign_facilitator(team, _int("facilitator"), actor=current_user)

    run_action(change, done=f"{team.name}'s facilitator is changed.")
    return redirect(url_for("cohorts.show_team", team_id=team.id))


def _confirm_or_refuse(check, *, action_label: str, back: str):
    """The confirm step of a change to published teams: a refusal is flashed back at once (no question asked
    about a change that cannot be made); otherwise the page that asks, repeating the posted fields."""
    try:
        change = check()
    except ServiceError as error:
        flash(str(error), "info")
        return redirect(back)
    return confirm_page(
        f"{change.what}?",
        details=[
            f"Reason given: {change.reason}",
            "The change is kept in the teams' change log. The people affected, the team's members and its "
            "facilitator are told in the portal and by e-mail.",
        ],
        action_label=action_label,
        back_url=back,
    )


@bp.post("/cohorts/<int:cohort_id>/team-changes")
@roles_required(Role.ADMIN)
def change_published_team(cohort_id):
    """After publication: an establishment moves to another team or leaves; confirmed first, logged, the people
    told."""
    cohort = get_or_404(NetworkCohort, cohort_id)
    nomination = get_or_404(Nomination, _int("nomination") or 0)
    if nomination.cohort_id != cohort.id:
        abort(404)
    to = _int("team")
    to_team = get_or_404(CohortTeam, to) if to else None
    reason = request.form.get("reason", "")
    back = url_for("cohorts.show_cohort", cohort_id=cohort.id, _anchor="team-changes")
    if not confirmed():
        return _confirm_or_refuse(
            lambda: publishing.check_team_change(nomination, actor=current_user, to_team=to_team, reason=reason),
            action_label="Change the team",
            back=back,
        )
    run_action(
        lambda: publishing.change_team(nomination, actor=current_user, to_team=to_team, reason=reason),
        done="The team is changed; the people affected have been told.",
    )
    return redirect(back)


@bp.post("/cohorts/<int:cohort_id>/person-changes")
@roles_required(Role.ADMIN)
def change_published_person(cohort_id):
    """After publication: a person of an establishment's nomination leaves their team, or another person of the
    same establishment replaces them; confirmed first, logged in the team's change log, the people told."""
    cohort = get_or_404(NetworkCohort, cohort_id)
    nomination_id, _, slot = request.form.get("person", "").partition("-")
    nomination = get_or_404(
        Nomination, int(nomination_id) if nomination_id.isdigit() and len(nomination_id) < 10 else 0
    )
    if nomination.cohort_id != cohort.id:
        abort(404)
    replacement_id = _int("replacement")
    replacement = get_or_404(User, replacement_id) if replacement_id else None
    reason = request.form.get("reason", "")
    back = url_for("cohorts.show_cohort", cohort_id=cohort.id, _anchor="person-changes")

    def check():
        return publishing.check_person_change(
            nomination, slot, actor=current_user, replacement=replacement, reason=reason
        )

    if not confirmed():
        label = "Replace them" if replacement else "Take them out of the team"
        return _confirm_or_refuse(check, action_label=label, back=back)
    run_action(
        lambda: publishing.change_person(nomination, slot, actor=current_user, replacement=replacement, reason=reason),
        done=lambda change: f"{change.what}; the people affected have been told.",
    )
    return redirect(back)
