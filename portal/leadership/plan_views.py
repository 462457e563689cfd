"""Development plan pages: list, create from an evaluation, edit parts, share, comment, agree, print."""

from flask import abort, flash, redirect, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms import SelectChoice

from portal.core.access import get_or_404, roles_required
from portal.core.confirm import confirm_page, confirmed
from portal.core.forms import ActionForm, run_action, run_form
from portal.core.rendering import render
from portal.core.roles import Role
from portal.core.uploads import describe_allowed, send_stored
from portal.extensions import db
from portal.frameworks import scoring
from portal.frameworks import services as frameworks
from portal.leadership import access, bp, plans, queries, services
from portal.leadership.forms import (
    CommentForm,
    GoalForm,
    LearningRequestForm,
    ModulesForm,
    PriorityForm,
    ProgressForm,
    ReflectionForm,
    ReopenForm,
    ReviewForm,
    ShareForm,
)
from portal.leadership.models import (
    COMPLETED,
    END_REVIEW,
    MIDPOINT,
    DevelopmentPlan,
    GoalUpdate,
    LearningRequest,
    PlanGoal,
    SelfEvaluation,
)
from portal.leadership.modules import BY_KEY, MODULES, action_label
from portal.leadership.recommend import module_reasons
from portal.learning.queries import targets_for_goals


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
    version = frameworks.outline(evaluation.version_id)
    top = evaluation.framework.scale.top
    result = services.result_of(version, services.answers_by_item(evaluation), top)
    plan, created = plans.start_plan(evaluation, result, top, actor=current_user)
    db.session.commit()
    if created:
        flash(
            "Your plan draws on your latest leadership and school-capacity evaluations, starting from the "
            "weakest domains of each. Edit it, add goals and choose modules.",
            "success",
        )
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


def _scored(plan):
    """The scored leadership and school-capacity evaluations the plan draws on (None where missing) and the
    leadership evaluation's repeat when the page shows it (None otherwise), in one query."""
    wants_repeat = plan.status in (MIDPOINT, COMPLETED) or plan.reviews
    found, repeat = queries.scored(
        (plan.evaluation, plan.capacity_evaluation), repeat_of=plan.evaluation if wants_repeat else None
    )
    return tuple(found.get(e.id) if e is not None else None for e in (plan.evaluation, plan.capacity_evaluation)) + (
        repeat,
    )


def _goal_choices(plan):
    return [SelectChoice(0, "The whole plan")] + [
        SelectChoice(g.id, f"Goal {n}: {g.what[:60]}") for n, g in enumerate(plan.goals, 1)
    ]


def _progress_form(goal, teams, attended, formdata=None):
    form = ProgressForm(prefix=f"g{goal.id}") if formdata else ProgressForm(formdata=None, prefix=f"g{goal.id}")
    form.team.choices = [SelectChoice(0, "None")] + [SelectChoice(k, v) for k, v in teams]
    form.booking.choices = [SelectChoice(0, "None")] + [SelectChoice(k, v) for k, v in attended]
    return form


def _plan_page(plan, *, failed=None, status=200, template="leadership/plan.html"):
    """The plan page; `failed` = (name, form) re-shows a rejected form with what was typed."""
    user = current_user._get_current_object()  # the person, not the proxy: the checks below read them often
    leadership, capacity, repeat = _scored(plan)
    top = (leadership or capacity).top if (leadership or capacity) else 6
    reasons = module_reasons(
        [m.key for m in MODULES], leadership.scores if leadership else [], capacity.scores if capacity else [], top
    )
    editing, working = access.can_edit_plan(user, plan), access.can_work_on_plan(user, plan)
    reviewing, commenting = access.can_review_plan(user, plan), access.can_comment_plan(user, plan)
    # Only the forms the page shows this person (an agreed plan shows its owner two of the seven).
    forms = {}
    if editing:
        ticked = sorted(plan.module_keys) if plan.modules_chosen else [r.module for r in reasons if r.recommended]
        forms |= {
            "goal": GoalForm(formdata=None),
            "request": LearningRequestForm(formdata=None),
            "share": ShareForm(formdata=None),
            "modules": ModulesForm(formdata=None, data={"modules": ticked}),
        }
    if commenting:
        forms["comment"] = CommentForm(formdata=None)
        forms["comment"].goal.choices = _goal_choices(plan)
    if working:
        forms["reopen"] = ReopenForm(formdata=None)
    if reviewing:
        forms["review"] = ReviewForm(formdata=None)
    priority_forms = (
        {p.id: PriorityForm(formdata=None, obj=p, prefix=f"p{p.id}") for p in plan.priorities} if editing else {}
    )
    teams, attended = queries.evidence_options(user) if working else ([], [])
    progress_forms = {g.id: _progress_form(g, teams, attended) for g in plan.goals} if working else {}
    reflection_forms = (
        {g.id: ReflectionForm(formdata=None, prefix=f"r{g.id}", data={"reflection": g.reflection}) for g in plan.goals}
        if working
        else {}
    )
    if failed:
        name, form = failed
        if isinstance(name, int):
            priority_forms[name] = form
        elif isinstance(name, tuple):
            (progress_forms if name[0] == "progress" else reflection_forms)[name[1]] = form
        else:
            forms[name] = form
    team_names, session_names = queries.evidence_names(plan)
    changes = []
    if repeat is not None and leadership is not None:
        changes = scoring.compare(leadership.scores, repeat.scores)
    return render(
        template,
        plan=plan,
        forms=forms,
        priority_forms=priority_forms,
        progress_forms=progress_forms,
        reflection_forms=reflection_forms,
        modules=MODULES,
        module_by_key=BY_KEY,
        module_reasons={r.module: r for r in reasons},
        action_label=action_label,
        status=status,
        failed_form=failed[1] if failed else None,
        can_edit=editing,
        can_delete=access.can_delete_plan(user, plan),
        can_comment=commenting,
        can_agree=access.can_agree_plan(user, plan),
        can_resolve=lambda comment: access.can_resolve_comment(user, plan, comment),
        can_work=working,
        can_review=reviewing,
        own=plan.owner_id == user.id,
        drives_bookings=_drives(plan, user),
        changes_since_agreed=plans.changes_since_agreed(plan),
        team_names=team_names,
        session_names=session_names,
        goal_comments={g.id: [c for c in plan.comments if c.goal_id == g.id] for g in plan.goals},
        plan_comments=[c for c in plan.comments if c.goal_id is None or all(g.id != c.goal_id for g in plan.goals)],
        has_end_review=any(r.kind == END_REVIEW for r in plan.reviews),
        repeat=repeat,
        domain_changes=changes,
        top=top,
        allowed_files=describe_allowed(),
        prd_targets=targets_for_goals([g.id for g in plan.goals], user),
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


def _change(plan_id, name, form, change, message, *, owner_only=True, confirm=None, allowed=None):
    """Validate `form`, run `change(plan, form)`, commit and redirect; a refusal re-renders with 422.
    `confirm(plan)` -> (question, button label) or None: a destructive change asks first (portal.core.confirm).
    `allowed(user, plan)`: the access rule when it is not the owner's editing one."""
    plan = _visible_plan(plan_id)
    if owner_only and not access.can_edit_plan(current_user, plan):
        abort(403)
    if allowed is not None and not allowed(current_user, plan):
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
    if not access.can_delete_plan(current_user, plan):
        abort(403)
    if not confirmed():
        return confirm_page(
            f"Delete {plan.title}? Its priorities, goals and module choices are deleted; your bookings stay "
            "as they are (cancel a place on My bookings).",
            action_label="Delete this plan",
            back_url=url_for("leadership.show_plan", plan_id=plan_id),
        )
    run_action(
        lambda: plans.delete_plan(plan, actor=current_user),
        done=f"{plan.title} is deleted. Your bookings are unchanged.",
    )
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
    form = CommentForm()
    form.goal.choices = None  # any number: the service refuses a goal of another plan (400)
    form.goal.pre_validate = lambda _form: None
    return _change(
        plan_id,
        "comment",
        form,
        lambda plan, f: plans.add_comment(plan, f.body.data, actor=current_user, goal_id=f.goal.data or None),
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


@bp.post("/plans/<int:plan_id>/reopen")
@login_required
def reopen_plan(plan_id):
    return _change(
        plan_id,
        "reopen",
        ReopenForm(),
        lambda plan, f: plans.reopen_plan(plan, f.note.data, actor=current_user),
        "Your plan is open for a change. Make the change, then share it again for your reviewer to agree.",
        owner_only=False,
        allowed=access.can_work_on_plan,
    )


@bp.post("/plans/<int:plan_id>/goals/<int:goal_id>/progress")
@login_required
def record_progress(plan_id, goal_id):
    plan = _visible_plan(plan_id)
    if not access.can_work_on_plan(current_user, plan):
        abort(403)
    teams, attended = queries.evidence_options(current_user)
    goal = next((g for g in plan.goals if g.id == goal_id), None) or abort(404)
    form = _progress_form(goal, teams, attended, formdata=True)
    return _change(
        plan_id,
        ("progress", goal_id),
        form,
        lambda plan, f: plans.record_progress(
            plan,
            goal_id,
            note=f.note.data,
            status=f.status.data,
            upload=f.evidence.data,
            enquiry_team_id=f.team.data or None,
            booking_id=f.booking.data or None,
            actor=current_user,
        ),
        "Your progress is recorded.",
        owner_only=False,
    )


@bp.post("/plans/<int:plan_id>/goals/<int:goal_id>/reflection")
@login_required
def reflect_on_goal(plan_id, goal_id):
    return _change(
        plan_id,
        ("reflection", goal_id),
        ReflectionForm(prefix=f"r{goal_id}"),
        lambda plan, f: plans.reflect_on_goal(plan, goal_id, f.reflection.data, actor=current_user),
        "Your reflection is saved.",
        owner_only=False,
        allowed=access.can_work_on_plan,
    )


@bp.post("/plans/<int:plan_id>/reviews")
@login_required
def record_review(plan_id):
    return _change(
        plan_id,
        "review",
        ReviewForm(),
        lambda plan, f: plans.record_review(
            plan,
            kind=f.kind.data,
            met_on=f.met_on.data,
            record=f.record.data,
            next_steps=f.next_steps.data,
            actor=current_user,
        ),
        "The review is recorded and the leader is told.",
        owner_only=False,
        allowed=access.can_review_plan,
    )


@bp.post("/plans/<int:plan_id>/complete")
@login_required
def complete_plan(plan_id):
    plan = _visible_plan(plan_id)
    if not access.can_work_on_plan(current_user, plan):
        abort(403)
    run_action(lambda: plans.complete_plan(plan, actor=current_user), done="Your plan is completed. Well done.")
    return redirect(url_for("leadership.show_plan", plan_id=plan_id))


@bp.get("/plans/<int:plan_id>/updates/<int:update_id>/evidence")
@login_required
def download_evidence(plan_id, update_id):
    plan = _visible_plan(plan_id)
    update = db.session.get(GoalUpdate, update_id)
    goal = db.session.get(PlanGoal, update.goal_id) if update else None
    if update is None or not update.file_key or goal is None or goal.plan_id != plan.id:
        abort(404)
    return send_stored(update.file_key, update.file_name)


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
                "Agree this plan? Once agreed it changes only when the leader reopens it, and their module "
                "bookings follow it.",
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
