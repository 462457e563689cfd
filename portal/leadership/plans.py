"""Professional development plans: created from an evaluation, edited, shared, commented on, agreed."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from portal.accounts.models import User
from portal.accounts.services import find_by_email
from portal.audit.services import record as audit
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.leadership import sessions
from portal.leadership.access import can_resolve_comment
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
    ProgrammeYear,
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


def year_for(person) -> int | None:
    """The programme year a new plan of this person belongs to: their cohort's, else the one running today."""
    cohort = sessions.confirmed_cohort(person)
    if cohort is not None:
        return cohort.year_id
    today = date.today()
    return db.session.scalar(
        select(ProgrammeYear.id)
        .where(ProgrammeYear.starts_on <= today, ProgrammeYear.ends_on >= today)
        .order_by(ProgrammeYear.starts_on)
        .limit(1)
    )


def _plans_of_year(owner_id: int, year_id: int | None) -> list[DevelopmentPlan]:
    stmt = select(DevelopmentPlan).where(DevelopmentPlan.owner_id == owner_id)
    if year_id is not None:  # a plan made before any programme year existed counts for every year
        stmt = stmt.where(or_(DevelopmentPlan.year_id == year_id, DevelopmentPlan.year_id.is_(None)))
    return list(db.session.scalars(stmt.order_by(DevelopmentPlan.id)))


def booking_plan(owner) -> DevelopmentPlan | None:
    """The one plan that drives the leader's bookings in their cohort's programme year: the agreed plan
    (the latest agreed, if several), or else the single plan in progress. With two plans in progress and
    none agreed, no plan books anything until one is agreed or deleted."""
    cohort = sessions.confirmed_cohort(owner)
    found = _plans_of_year(owner.id, cohort.year_id if cohort else None)
    agreed = [p for p in found if p.status == AGREED]
    if agreed:
        return max(agreed, key=lambda p: (p.agreed_at or p.created_at, p.id))
    return found[0] if len(found) == 1 else None


def start_plan(evaluation: SelfEvaluation, result, top: int, *, actor) -> tuple[DevelopmentPlan, bool]:
    """A draft plan whose priorities are the evaluation's weakest domains, each recommending its module; or,
    when the leader already has a plan in progress this programme year, that plan (created is False)."""
    if evaluation.owner_id != actor.id or not evaluation.submitted:
        raise PermissionError("plans start from one's own submitted evaluation")
    year_id = year_for(actor)
    in_progress = db.session.scalar(
        select(DevelopmentPlan)
        .where(
            DevelopmentPlan.owner_id == actor.id,
            DevelopmentPlan.status != AGREED,
            DevelopmentPlan.year_id == year_id if year_id is not None else DevelopmentPlan.year_id.is_(None),
        )
        .limit(1)
    )
    if in_progress is not None:
        return in_progress, False
    plan = DevelopmentPlan(
        owner_id=actor.id,
        evaluation_id=evaluation.id,
        year_id=year_id,
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
    return plan, True


def create_plan(evaluation: SelfEvaluation, result, top: int, *, actor) -> DevelopmentPlan:
    """start_plan's plan, new or in progress."""
    return start_plan(evaluation, result, top, actor=actor)[0]


def delete_plan(plan: DevelopmentPlan, *, actor) -> None:
    """The owner deletes a plan not yet agreed; its bookings stay (cancelling them is a separate choice)."""
    _editable(plan, actor)
    db.session.delete(plan)
    db.session.flush()


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


class CancellationsToConfirm(Exception):
    """Saving these choices would cancel bookings: the leader must see them and confirm first."""

    def __init__(self, events):
        super().__init__("confirm cancellations")
        self.events = events


@dataclass
class ModuleOutcome:
    """What a save of module choices did to bookings, said in words (no booking changes silently)."""

    drives: bool
    changes: sessions.ModuleChanges | None = None
    in_cohort: bool = True

    def message(self) -> str:
        if not self.in_cohort:
            return "Your module choices are saved. You have no place in a leadership cohort yet, so nothing is booked."
        if not self.drives:
            return (
                "Your module choices are saved in this plan. They do not change your bookings: bookings follow "
                "your agreed plan, or your only plan in progress, for this programme year."
            )
        said = ["Your module choices are saved."]
        changes = self.changes or sessions.ModuleChanges()
        if changes.booked:
            said.append(
                "Booked: "
                + "; ".join(_booked_words(b, e) for b, e in zip(changes.booked, changes.to_book, strict=False))
                + "."
            )
        if changes.cancelled:
            said.append("Cancelled: " + "; ".join(e.title for e in changes.cancelled) + ".")
        if changes.refused:
            said.append("Not changed: " + "; ".join(f"{e.title} ({why})" for e, why in changes.refused))
        if len(said) == 1:
            said.append("Your bookings did not need to change.")
        return " ".join(said)


def _booked_words(booking, event) -> str:
    return event.title + (" (on the waiting list)" if booking.status == "waitlisted" else "")


def choose_modules(plan: DevelopmentPlan, keys: list[str], *, actor, confirmed: bool = False) -> ModuleOutcome:
    """Replace the plan's module choices (unknown keys are tampering). When this plan drives the leader's
    bookings, book the chosen sessions; cancelling a booking needs `confirmed` (else CancellationsToConfirm)."""
    _editable(plan, actor)
    if any(k not in BY_KEY for k in keys):
        raise ValueError("unknown module")
    in_cohort = sessions.confirmed_cohort_id(actor) is not None
    driving = booking_plan(actor)
    drives = driving is not None and driving.id == plan.id
    changes = sessions.module_changes(actor, set(keys)) if drives else None
    if changes and changes.to_cancel and not confirmed:
        raise CancellationsToConfirm([event for event, _ in changes.to_cancel])
    plan.modules = [m for m in plan.modules if m.module in keys] + [
        PlanModule(module=k) for k in sorted(set(keys) - plan.module_keys)
    ]
    _touch(plan)
    if changes:
        sessions.apply_module_changes(actor, changes, actor=actor)
    return ModuleOutcome(drives=drives, changes=changes, in_cohort=in_cohort)


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
    notify(
        [person],
        "plan_shared",
        f"{actor.name} shared a development plan with you: {plan.title}",
        "Read it, comment on it and agree it when it is ready.",
        _plan_path(plan),
        actor=actor,
    )
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
    notify(
        _plan_people(plan),
        "comment",
        f"{actor.name} commented on the development plan {plan.title}",
        comment.body[:200],
        _plan_path(plan),
        actor=actor,
    )
    return comment


def toggle_comment(plan: DevelopmentPlan, comment_id: int, *, actor) -> PlanComment:
    """Mark a comment resolved (or open again), by the plan's author or the comment's; a comment resolved by
    someone else tells its author."""
    comment = next((c for c in plan.comments if c.id == comment_id), None)
    if comment is None:
        raise LookupError(comment_id)
    if not can_resolve_comment(actor, plan, comment):
        raise PermissionError("only the plan's or the comment's author resolves a comment")
    resolving = comment.resolved_at is None
    comment.resolved_at, comment.resolved_by_id = (utcnow(), actor.id) if resolving else (None, None)
    db.session.flush()
    if resolving and comment.author_id != actor.id:
        notify(
            [comment.author],
            "comment_resolved",
            f"{actor.name} resolved your comment on the development plan {plan.title}",
            comment.body[:200],
            _plan_path(plan),
            actor=actor,
        )
    return comment


def agree_plan(plan: DevelopmentPlan, *, actor) -> ModuleOutcome | None:
    """Someone the plan is shared with agrees it; an agreed plan no longer changes. Once agreed it drives the
    leader's bookings: they follow its modules, and the leader is e-mailed what changed."""
    if plan.status != SHARED or all(s.user_id != actor.id for s in plan.shares):
        raise PermissionError("only people the plan is shared with agree it")
    plan.status, plan.agreed_at, plan.agreed_by_id = AGREED, utcnow(), actor.id
    audit(actor, "plan.agreed", plan)
    db.session.flush()
    owner = db.session.get(User, plan.owner_id)
    driving = booking_plan(owner)
    outcome, summary = None, ""
    if driving is not None and driving.id == plan.id:
        changes = sessions.apply_module_changes(owner, sessions.module_changes(owner, plan.module_keys), actor=owner)
        outcome = ModuleOutcome(drives=True, changes=changes, in_cohort=sessions.confirmed_cohort_id(owner) is not None)
        if changes.booked or changes.cancelled or changes.refused:  # the leader is told what their bookings did
            summary = outcome.message().removeprefix("Your module choices are saved. ")
    notify(
        _plan_people(plan),
        "plan_shared",
        f"{actor.name} agreed the development plan {plan.title}",
        summary,
        _plan_path(plan),
        actor=actor,
    )
    return outcome


def _touch(plan: DevelopmentPlan) -> None:
    plan.updated_at = utcnow()
    db.session.flush()
