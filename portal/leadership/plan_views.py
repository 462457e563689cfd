"""Development plan pages: list, create from an evaluation, edit parts, share, comment, agree, print."""

from flask import abort, flash, redirect, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.core.access import get_or_404, roles_required
from portal.core.confirm import confirm_page, confirmed
from portal.core.forms import ActionForm, run_form
from portal.core.rendering import render
from portal.core.roles import Role
from portal.extensions import db
from portal.frameworks import services as frameworks
from portal.leadership import access, bp, plans, queries, services
from portal.leadership.forms import (
    CommentForm,
    GoalForm,
    LearningRequestForm,
    ModulesForm,
    PriorityForm,
    ShareForm,
)
from portal.leadership.models import DevelopmentPlan, LearningRequest, SelfEvaluation
from portal.leadership.modules import BY_KEY, MODULES


@bp.get("/plans")
@login_required
def list_plans():
    return render(
        "leadership/plans.html",
        plans=queries.my_plans(current_user),
        shared=queries.plans_shared_with(current_user),
    )


@bp.post("/evaluations/<int:evaluation_id>/plan")
@roles_required(Role.SENIOR_LEADER)
def create_plan(evaluation_id):
    evaluation = get_or_404(SelfEvaluation, evaluation_id)
    if evaluation.owner_id != current_user.id or not evaluation.submitted:
        abort(404)
    version = frameworks.load_version(evaluation.version_id)
    top = evaluation.framework.scale.top
    result = services.result_of(version, services.answers_by_item(evaluation), top)
    plan, created = plans.start_plan(evaluation, result, top, actor=current_user)
    db.session.commit()
    if created:
        flash("Your plan starts from your weakest domains. Edit it, add goals and choose modules.", "success")
    else:
        flash(
            "You already have a plan in progress for this programme year: here it is. Delete it first if you "
            "want to start again.",
            "info",
        )
    return redirect(url_for("leadership.show_plan", plan_id=plan.id))


def _visible_plan(plan_id):
    plan = queries.load_plan(plan_id)
    if plan is None or not access.can_view_plan(current_user, plan):
        abort(404)
    return plan


def _plan_page(plan, *, failed=None, status=200, template="leadership/plan.html"):
    """The plan page; `failed` = (name, form) re-shows a rejected form with what was typed."""
    forms = {
        "goal": GoalForm(formdata=None),
        "request": LearningRequestForm(formdata=None),
        "share": ShareForm(formdata=None),
        "comment": CommentForm(formdata=None),
        "modules": ModulesForm(formdata=None, data={"modules": sorted(plan.module_keys)}),
    }
    priority_forms = {p.id: PriorityForm(formdata=None, obj=p, prefix=f"p{p.id}") for p in plan.priorities}
    if failed:
        name, form = failed
        if isinstance(name, int):
            priority_forms[name] = form
        else:
            forms[name] = form
    user = current_user
    return render(
        template,
        plan=plan,
        forms=forms,
        priority_forms=priority_forms,
        modules=MODULES,
        module_by_key=BY_KEY,
        status=status,
        failed_form=failed[1] if failed else None,
        can_edit=access.can_edit_plan(user, plan),
        can_comment=access.can_comment_plan(user, plan),
        can_agree=access.can_agree_plan(user, plan),
        can_resolve=lambda comment: access.can_resolve_comment(user, plan, comment),
        own=plan.owner_id == user.id,
        drives_bookings=_drives(plan, user),
    )


def _drives(plan, user) -> bool:
    if plan.owner_id != user.id:
        return False
    driving = plans.booking_plan(user)
    return driving is not None and driving.id == plan.id


@bp.get("/plans/<int:plan_id>")
@login_required
def show_plan(plan_id):
    return _plan_page(_visible_plan(plan_id))


@bp.get("/plans/<int:plan_id>/print")
@login_required
def print_plan(plan_id):
    return _plan_page(_visible_plan(plan_id), template="leadership/print_plan.html")


def _change(plan_id, name, form, change, message, *, owner_only=True, confirm=None):
    """Validate `form`, run `change(plan, form)`, commit and redirect; a refusal re-renders with 422.
    `confirm(plan)` -> (question, button label) or None: a destructive change asks first (portal.core.confirm)."""
    plan = _visible_plan(plan_id)
    if owner_only and not access.can_edit_plan(current_user, plan):
        abort(403)
    asked = confirm(plan) if confirm and not confirmed() else None
    if asked:
        question, label = asked
        return confirm_page(question, action_label=label, back_url=url_for("leadership.show_plan", plan_id=plan_id))
    try:
        if run_form(form, lambda: change(plan, form), flash_message=message):
            return redirect(url_for("leadership.show_plan", plan_id=plan_id))
    except (LookupError, ValueError):  # a goal or module key that was never offered: tampering
        abort(400)
    except PermissionError:
        abort(403)
    return _plan_page(_visible_plan(plan_id), failed=(name, form), status=422)  # reloaded: it may be rolled back


@bp.post("/plans/<int:plan_id>/priorities/<int:priority_id>")
@login_required
def edit_priority(plan_id, priority_id):
    return _change(
        plan_id,
        priority_id,
        PriorityForm(prefix=f"p{priority_id}"),
        lambda plan, f: plans.update_priority(
            plan, priority_id, title=f.title.data, notes=f.notes.data, actor=current_user
        ),
        "The priority is saved.",
    )


@bp.post("/plans/<int:plan_id>/goals")
@login_required
def add_goal(plan_id):
    return _change(
        plan_id,
        "goal",
        GoalForm(),
        lambda plan, f: plans.add_goal(
            plan,
            what=f.what.data,
            actions=f.actions.data,
            success=f.success.data,
            due_on=f.due_on.data,
            actor=current_user,
        ),
        "The goal is added.",
    )


@bp.post("/plans/<int:plan_id>/goals/<int:goal_id>/remove")
@login_required
def remove_goal(plan_id, goal_id):
    return _change(
        plan_id,
        "goal",
        ActionForm(),
        lambda plan, f: plans.remove_goal(plan, goal_id, actor=current_user),
        "The goal is removed.",
        confirm=lambda plan: (
            ("Remove this goal from your plan? It cannot be brought back.", "Remove the goal")
            if any(g.id == goal_id for g in plan.goals)
            else None
        ),
    )


@bp.post("/plans/<int:plan_id>/modules")
@login_required
def choose_modules(plan_id):
    form = ModulesForm()
    form.modules.pre_validate = lambda _form: None  # unknown keys are tampering: the service answers 400
    try:
        return _change(
            plan_id,
            "modules",
            form,
            lambda plan, f: plans.choose_modules(plan, f.modules.data or [], actor=current_user, confirmed=confirmed()),
            lambda outcome: outcome.message(),
        )
    except plans.CancellationsToConfirm as asked:
        db.session.rollback()
        return confirm_page(
            "Saving these module choices will cancel your place on these sessions. Your place may go to "
            "someone on the waiting list.",
            details=[f"{event.title}, {event.starts_at:%-d %B %Y} will be cancelled" for event in asked.events],
            action_label="Save and cancel these places",
            back_url=url_for("leadership.show_plan", plan_id=plan_id),
        )


@bp.post("/plans/<int:plan_id>/delete")
@login_required
def delete_plan(plan_id):
    plan = _visible_plan(plan_id)
    if not access.can_edit_plan(current_user, plan):
        abort(403)
    if not confirmed():
        return confirm_page(
            f"Delete {plan.title}? Its priorities, goals and module choices are deleted; your bookings stay "
            "as they are (cancel a place on My bookings).",
            action_label="Delete this plan",
            back_url=url_for("leadership.show_plan", plan_id=plan_id),
        )
    title = plan.title
    plans.delete_plan(plan, actor=current_user)
    db.session.commit()
    flash(f"{title} is deleted. Your bookings are unchanged.", "success")
    return redirect(url_for("leadership.list_plans"))


@bp.post("/plans/<int:plan_id>/requests")
@login_required
def request_learning(plan_id):
    return _change(
        plan_id,
        "request",
        LearningRequestForm(),
        lambda plan, f: plans.request_learning(plan, f.text.data, actor=current_user),
        "Your request is sent to the partnership team.",
    )


@bp.post("/plans/<int:plan_id>/share")
@login_required
def share_plan(plan_id):
    return _change(
        plan_id,
        "share",
        ShareForm(),
        lambda plan, f: plans.share_plan(plan, f.email.data, actor=current_user),
        "Your plan is shared.",
    )


@bp.post("/plans/<int:plan_id>/comments")
@login_required
def comment_plan(plan_id):
    return _change(
        plan_id,
        "comment",
        CommentForm(),
        lambda plan, f: plans.add_comment(plan, f.body.data, actor=current_user),
        "Your comment is added.",
        owner_only=False,
    )


@bp.post("/plans/<int:plan_id>/comments/<int:comment_id>/resolve")
@login_required
def resolve_comment(plan_id, comment_id):
    return _change(
        plan_id,
        "comment",
        ActionForm(),
        lambda plan, f: plans.toggle_comment(plan, comment_id, actor=current_user),
        lambda c: "The comment is marked resolved." if c.resolved_at else "The comment is open again.",
        owner_only=False,
    )


@bp.post("/plans/<int:plan_id>/agree")
@login_required
def agree_plan(plan_id):
    return _change(
        plan_id,
        "comment",
        ActionForm(),
        lambda plan, f: plans.agree_plan(plan, actor=current_user),
        lambda outcome: "The plan is agreed." + (f" {outcome.message()}" if outcome else ""),
        owner_only=False,
        confirm=lambda plan: (
            (
                "Agree this plan? Once agreed it no longer changes, and the leader's module bookings follow it.",
                "Agree the plan",
            )
            if access.can_agree_plan(current_user, plan)
            else None
        ),
    )


@bp.get("/learning-requests")
@roles_required(Role.ADMIN)
def list_learning_requests():
    rows = db.session.scalars(
        select(LearningRequest)
        .order_by(LearningRequest.created_at.desc())
        .limit(500)
        .options(selectinload(LearningRequest.plan).selectinload(DevelopmentPlan.owner))
    )
    return render("leadership/learning_requests.html", requests=list(rows))
