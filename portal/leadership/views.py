"""Self-evaluation pages: start, one domain per page with autosave, review and submit, result, compare."""

import json

from flask import abort, current_app, flash, redirect, request, session, url_for
from flask_htmx import make_response as htmx_response
from flask_login import current_user, login_required

from portal.core.access import get_or_404, roles_required
from portal.core.dates import utcnow
from portal.core.forms import ServiceError, attempt
from portal.core.rendering import render
from portal.core.roles import Role
from portal.extensions import db
from portal.frameworks import scoring
from portal.frameworks import services as frameworks
from portal.frameworks.models import Framework
from portal.leadership import access, bp, queries, services, sessions  # noqa: F401  (registers its events policy)
from portal.leadership.modules import EVALUATION_KINDS

PENDING_KEY = "pending_answers"


@bp.get("/evaluations")
@roles_required(Role.SENIOR_LEADER)
def list_evaluations():
    evaluations = queries.my_evaluations(current_user)
    available = frameworks.published_frameworks(EVALUATION_KINDS)
    return render(
        "leadership/evaluations.html",
        evaluations=evaluations,
        frameworks=available,
        submitted=[e for e in evaluations if e.submitted],
    )


@bp.post("/evaluations")
@roles_required(Role.SENIOR_LEADER)
def start_evaluation():
    framework = get_or_404(Framework, request.form.get("framework", type=int) or abort(404))
    try:
        started = attempt(
            lambda: services.start_evaluation(framework, label=request.form.get("label", ""), actor=current_user)
        )
    except services.BadInput:
        abort(404)
    if not started:
        flash(started.error, "info")
        return redirect(url_for("leadership.list_evaluations"))
    return redirect(url_for("leadership.evaluate", evaluation_id=started.value.id, position=1))


def _domain(evaluation, position):
    """(the version's outline, its section at `position`) or 404."""
    version = frameworks.outline(evaluation.version_id)
    if not 1 <= position <= len(version.sections):
        abort(404)
    return version, version.sections[position - 1]


def _evaluation(evaluation_id):
    """The evaluation with its framework's scale (queries.load_evaluation), or 404."""
    return queries.load_evaluation(evaluation_id) or abort(404)


def _own_draft(evaluation_id, position):
    evaluation = _evaluation(evaluation_id)
    if evaluation.owner_id != current_user.id:
        abort(404)  # someone else's evaluation is not theirs to know about
    return evaluation


def _keep_for_later(evaluation_id, position, *, htmx: bool):
    """The session ended before this POST: keep the answers and send the person to sign in and back (the same
    answer whether or not the evaluation exists or anything was kept)."""
    owner = session.get("_user_id")  # still in a cookie whose session was ended; gone after a sign-out
    token = services.keep_pending(
        evaluation_id, position, request.form, session_owner_id=int(owner) if owner and owner.isdigit() else None
    )
    db.session.commit()
    session[PENDING_KEY] = token  # only this browser can bring them back
    sign_in = url_for(
        "accounts.sign_in",
        next=url_for("leadership.resume_evaluation", evaluation_id=evaluation_id, token=token),
    )
    if htmx:
        return htmx_response("Your session has ended.", 401, redirect=sign_in)
    flash("You were signed out, so your answers are kept safe: sign in and they will be saved.", "info")
    return redirect(sign_in, 303)


def _save(evaluation, section, version, form):
    """Save one domain's answers; a ServiceError for the page, 400 for tampering."""
    try:
        posted = services.parse_answers(form, [i.id for i in section.items])
        services.save_answers(evaluation, posted, scale_values=evaluation.framework.scale.values, actor=current_user)
    except services.BadInput:
        abort(400)
    except PermissionError:
        abort(409)


def _page(evaluation, version, section, position, *, typed=None, errors=None, status=200):
    answers = services.answers_by_item(evaluation)
    answered = {s.key: sum(1 for i in s.items if i.id in answers and answers[i.id].rating) for s in version.sections}
    return render(
        "leadership/evaluate.html",
        evaluation=evaluation,
        version=version,
        section=section,
        position=position,
        answers=answers,
        answered=answered,
        typed=typed,
        errors=errors or {},
        scale=evaluation.framework.scale,
        max_notes=services.MAX_NOTES,
        status=status,
    )


@bp.route("/evaluations/<int:evaluation_id>/domains/<int:position>", methods=["GET", "POST"])
def evaluate(evaluation_id, position):
    if not current_user.is_authenticated:
        if request.method == "POST":
            return _keep_for_later(evaluation_id, position, htmx=False)
        return current_app.login_manager.unauthorized()
    evaluation = _own_draft(evaluation_id, position)
    if evaluation.submitted:
        return redirect(url_for("leadership.show_result", evaluation_id=evaluation.id))
    version, section = _domain(evaluation, position)
    if request.method == "POST":
        saved = attempt(lambda: _save(evaluation, section, version, request.form))
        if not saved:
            return _page(
                evaluation,
                version,
                section,
                position,
                typed=request.form,
                errors=dict(saved.errors),
                status=422,
            )
        go = request.form.get("go", "save")
        flash("Your answers are saved.", "success")
        if go == "next" and position < len(version.sections):
            position += 1
        elif go == "previous" and position > 1:
            position -= 1
        elif go in ("next", "review"):
            return redirect(url_for("leadership.review_evaluation", evaluation_id=evaluation.id))
        return redirect(url_for("leadership.evaluate", evaluation_id=evaluation.id, position=position))
    return _page(evaluation, version, section, position)


@bp.post("/evaluations/<int:evaluation_id>/domains/<int:position>/autosave")
def autosave_evaluation(evaluation_id, position):
    """htmx autosave of one domain: answers a small status message (401 + sign-in redirect if signed out)."""
    if not current_user.is_authenticated:
        return _keep_for_later(evaluation_id, position, htmx=True)
    evaluation = _own_draft(evaluation_id, position)
    version, section = _domain(evaluation, position)
    saved = attempt(lambda: _save(evaluation, section, version, request.form))
    if not saved:
        return render("leadership/_autosave.html", error=saved.error, status=422)
    return render("leadership/_autosave.html", saved_at=utcnow())


@bp.get("/evaluations/<int:evaluation_id>/resume/<token>")
@login_required
def resume_evaluation(evaluation_id, token):
    """After signing in again: save the answers kept when the session had ended, then carry on."""
    evaluation = _own_draft(evaluation_id, 1)
    if session.pop(PENDING_KEY, None) != token or evaluation.submitted:
        abort(404)
    pending = services.take_pending(token, evaluation) or abort(404)
    version, section = _domain(evaluation, pending.position)
    form = json.loads(pending.payload)
    try:
        _save(evaluation, section, version, form)
    except ServiceError as error:
        db.session.commit()  # the kept copy is used up; the page below shows what was typed
        return _page(evaluation, version, section, pending.position, typed=form, errors=dict(error.errors), status=422)
    db.session.commit()
    flash("Welcome back: the answers you gave before signing in again are saved.", "success")
    return redirect(url_for("leadership.evaluate", evaluation_id=evaluation.id, position=pending.position))


@bp.route("/evaluations/<int:evaluation_id>/review", methods=["GET", "POST"])
@roles_required(Role.SENIOR_LEADER)
def review_evaluation(evaluation_id):
    evaluation = _own_draft(evaluation_id, 1)
    if evaluation.submitted:
        return redirect(url_for("leadership.show_result", evaluation_id=evaluation.id))
    version = frameworks.outline(evaluation.version_id)
    error, status = None, 200
    if request.method == "POST":
        submitted = attempt(lambda: services.submit_evaluation(evaluation, version, actor=current_user))
        if submitted:
            flash("Your self-evaluation is submitted.", "success")
            return redirect(url_for("leadership.show_result", evaluation_id=evaluation.id))
        error, status = submitted.error, 422
    answers = services.answers_by_item(evaluation)
    result = services.result_of(version, answers, evaluation.framework.scale.top)
    return render(
        "leadership/review.html",
        evaluation=evaluation,
        version=version,
        result=result,
        error=error,
        status=status,
    )


@bp.get("/evaluations/<int:evaluation_id>/result")
@login_required
def show_result(evaluation_id):
    evaluation = _evaluation(evaluation_id)
    if not access.can_view_evaluation(current_user, evaluation):
        abort(404)
    if not evaluation.submitted:
        return redirect(url_for("leadership.review_evaluation", evaluation_id=evaluation.id))
    version = frameworks.outline(evaluation.version_id)
    result = services.result_of(version, services.answers_by_item(evaluation), evaluation.framework.scale.top)
    rows = [(s.title, [("", s.mean)]) for s in result.scores]
    return render(
        "leadership/result.html",
        evaluation=evaluation,
        version=version,
        result=result,
        chart_rows=rows,
        top=evaluation.framework.scale.top,
        own=evaluation.owner_id == current_user.id,
    )


@bp.get("/evaluations/compare")
@roles_required(Role.SENIOR_LEADER)
def compare_evaluations():
    pair = [_evaluation(request.args.get(k, type=int) or abort(404)) for k in ("first", "second")]
    if any(e.owner_id != current_user.id or not e.submitted for e in pair):
        abort(404)
    if pair[0].framework_id != pair[1].framework_id:
        abort(400)
    pair.sort(key=lambda e: e.submitted_at)
    top = pair[0].framework.scale.top
    results = [services.result_of(frameworks.outline(e.version_id), services.answers_by_item(e), top) for e in pair]
    changes = scoring.compare(results[0].scores, results[1].scores)
    rows = [(c.title, [("Earlier", c.before), ("Later", c.after)]) for c in changes]
    return render("leadership/compare.html", pair=pair, changes=changes, top=top, chart_rows=rows)
