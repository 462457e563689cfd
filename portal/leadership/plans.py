"""Professional development plans: created from an evaluation, edited, shared, commented on, agreed."""

from datetime import date

from sqlalchemy import or_, select

from portal.accounts.models import User, utcnow
from portal.accounts.services import find_by_email
from portal.audit.services import record as audit
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.leadership import sessions
from portal.leadership.models import (
    AGREED,
    DRAFT,
    SHARED,
    DevelopmentPlan,
    LearningRequest,
    PlanComment,
    PlanGoal,
    PlanModule,
    PlanPriority,
    PlanShare,
    SelfEvaluation,
)
from portal.leadership.modules import BY_KEY
from portal.leadership.recommend import recommend
from portal.notifications.services import notify, portal_path

SHARE_ROLES = (Role.KEY_FACILITATOR, Role.ADMIN)


def _editable(plan: DevelopmentPlan, actor) -> None:
    if plan.owner_id != actor.id or plan.status == AGREED:
        raise PermissionError("not an editable plan of yours")


def _text(field: str, value: str | None, message: str, limit: int = 4000, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ServiceError((field, message))
    if len(value) > limit:
        raise ServiceError((field, f"Keep this to {limit} characters or fewer."))
    return value


def create_plan(evaluation: SelfEvaluation, result, top: int, *, actor) -> DevelopmentPlan:
    """A draft plan whose priorities are the evaluation's weakest domains, each recommending its module."""
    if evaluation.owner_id != actor.id or not evaluation.submitted:
        raise PermissionError("plans start from one's own submitted evaluation")
    plan = DevelopmentPlan(
        owner_id=actor.id,
        evaluation_id=evaluation.id,
        status=DRAFT,
        title=f"Development plan from {evaluation.label}"[:160],
    )
    for n, rec in enumerate(recommend(result.scores, top), start=1):
        module = BY_KEY.get(rec.module)
        reason = rec.reason + (f". Recommended: module {module.number}, {module.title}." if module else ".")
        plan.priorities.append(
            PlanPriority(position=n, section_key=rec.section_key, title=rec.title, module=rec.module, reason=reason)
        )
    db.session.add(plan)
    db.session.flush()
    return plan


def update_priority(plan: DevelopmentPlan, priority_id: int, *, title: str, notes: str, actor) -> None:
    """Reword a priority or add the leader's own notes to it."""
    _editable(plan, actor)
    priority = next((p for p in plan.priorities if p.id == priority_id), None)
    if priority is None:
        raise LookupError(priority_id)
    priority.title = _text("title", title, "Enter the priority.", 200)
    priority.notes = _text("notes", notes, "", required=False)
    _touch(plan)


def add_goal(plan: DevelopmentPlan, *, what: str, actions: str, success: str, due_on: date | None, actor) -> PlanGoal:
    """A goal: what, the actions, how I will know, by when."""
    _editable(plan, actor)
    goal = PlanGoal(
        what=_text("what", what, "Say what you want to achieve."),
        actions=_text("actions", actions, "List the actions you will take."),
        success=_text("success", success, "Say how you will know you have achieved it."),
        due_on=due_on,
    )
    plan.goals.append(goal)
    _touch(plan)
    return goal


def remove_goal(plan: DevelopmentPlan, goal_id: int, *, actor) -> None:
    _editable(plan, actor)
    goal = next((g for g in plan.goals if g.id == goal_id), None)
    if goal is None:
        raise LookupError(goal_id)
    plan.goals.remove(goal)
    audit(actor, "plan.goal_removed", plan, before={"goal": goal_id})
    _touch(plan)


def choose_modules(plan: DevelopmentPlan, keys: list[str], *, actor) -> None:
    """Replace the plan's module choices (unknown keys are tampering)."""
    _editable(plan, actor)
    if any(k not in BY_KEY for k in keys):
        raise ValueError("unknown module")
    plan.modules = [m for m in plan.modules if m.module in keys] + [
        PlanModule(module=k) for k in sorted(set(keys) - plan.module_keys)
    ]
    _touch(plan)
    sessions.book_modules(actor, set(keys), actor=actor)  # choosing a module books its cohort session


def request_learning(plan: DevelopmentPlan, text: str, *, actor) -> LearningRequest:
    """Ask for professional learning the programme does not offer."""
    _editable(plan, actor)
    request = LearningRequest(text=_text("text", text, "Describe the professional learning you need.", 2000))
    plan.requests.append(request)
    _touch(plan)
    return request


def share_plan(plan: DevelopmentPlan, email: str, *, actor) -> User:
    """Share with a key facilitator or the lead officer (found by e-mail); the plan becomes shared."""
    _editable(plan, actor)
    person = find_by_email(email) if (email or "").strip() else None
    if person is None or person.id == actor.id or not person.has_role(*SHARE_ROLES):
        raise ServiceError(
            (
                "email",
                "Enter the e-mail address of a key facilitator or the partnership lead officer who uses the portal.",
            )
        )
    if all(s.user_id != person.id for s in plan.shares):
        plan.shares.append(PlanShare(user_id=person.id, user=person))
    if plan.status == DRAFT:
        plan.status, plan.shared_at = SHARED, utcnow()
    audit(actor, "plan.shared", plan, after={"shared_with": person.id})
    _touch(plan)
    notify([person], "plan_shared", f"{actor.name} shared a development plan with you: {plan.title}",
           "Read it, comment on it and agree it when it is ready.", _plan_path(plan), actor=actor)
    return person


def _plan_path(plan: DevelopmentPlan) -> str:
    return portal_path("leadership.show_plan", plan_id=plan.id)


def _plan_people(plan: DevelopmentPlan) -> list[User]:
    """The plan's owner and everyone it is shared with (one query)."""
    shared = select(PlanShare.user_id).where(PlanShare.plan_id == plan.id)
    return list(db.session.scalars(select(User).where(or_(User.id == plan.owner_id, User.id.in_(shared)))))


def add_comment(plan: DevelopmentPlan, body: str, *, actor) -> PlanComment:
    """A comment on a shared plan, by its author or someone it is shared with."""
    if plan.status == DRAFT:
        raise PermissionError("comments are for shared plans")
    comment = PlanComment(author_id=actor.id, author=actor, body=_text("body", body, "Write a comment.", 4000))
    plan.comments.append(comment)
    db.session.flush()
    notify(_plan_people(plan), "comment", f"{actor.name} commented on the development plan {plan.title}",
           comment.body[:200], _plan_path(plan), actor=actor)
    return comment


def agree_plan(plan: DevelopmentPlan, *, actor) -> None:
    """Someone the plan is shared with agrees it; an agreed plan no longer changes."""
    if plan.status != SHARED or all(s.user_id != actor.id for s in plan.shares):
        raise PermissionError("only people the plan is shared with agree it")
    plan.status, plan.agreed_at, plan.agreed_by_id = AGREED, utcnow(), actor.id
    audit(actor, "plan.agreed", plan)
    db.session.flush()
    notify(_plan_people(plan), "plan_shared", f"{actor.name} agreed the development plan {plan.title}",
           "", _plan_path(plan), actor=actor)


def _touch(plan: DevelopmentPlan) -> None:
    plan.updated_at = utcnow()
    db.session.flush()
