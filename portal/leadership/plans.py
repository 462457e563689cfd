"""Professional development plans, alive all year: made from the latest leadership and school-capacity
evaluations, edited, shared, commented on, agreed; reopened for a change and agreed again; progress on each
goal, a midpoint and an end-of-year review, a final reflection, completed."""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from sqlalchemy import bindparam, or_, select

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
    COMPLETED,
    DRAFT,
    EDITABLE,
    END_REVIEW,
    GOAL_STATUSES,
    IN_PROGRESS,
    MIDPOINT,
    MIDPOINT_REVIEW,
    REOPENED,
    SHARED,
    SUBMITTED,
    UNDER_WAY,
    DevelopmentPlan,
    GoalUpdate,
    LearningRequest,
    PlanComment,
    PlanGoal,
    PlanModule,
    PlanPriority,
    PlanReview,
    PlanShare,
    ProgrammeYear,
    SelfEvaluation,
)
from portal.leadership.modules import BY_KEY, CAPACITY_KIND, LEADERSHIP_KIND, action_label
from portal.leadership.recommend import capacity_actions, recommend
from portal.notifications.services import notify, portal_path

SHARE_ROLES = (Role.KEY_FACILITATOR, Role.ADMIN)


def _editable(plan: DevelopmentPlan, actor) -> None:
    if plan.owner_id != actor.id or plan.status not in EDITABLE:
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


def booking_plan(owner) -> DevelopmentPlan | None:
    """The one plan that drives the leader's bookings in their cohort's programme year: the agreed plan
    (the latest agreed, if several), or else the single plan in progress. With two plans in progress and
    none agreed, no plan books anything until one is agreed or deleted."""
    found = list(db.session.scalars(_booking_plans_query(), {"owner_id": owner.id}))
    agreed = [p for p in found if p.agreed_at is not None]  # agreed once: reopened or completed too
    if agreed:
        return max(agreed, key=lambda p: (p.agreed_at or p.created_at, p.id))
    return found[0] if len(found) == 1 else None


@cache
def _booking_plans_query():
    """booking_plan's candidates, built once per process."""
    cohort_year = sessions.confirmed_cohort_year(bindparam("owner_id"))  # a scalar subquery: one query in all
    return (
        select(DevelopmentPlan)
        .where(
            DevelopmentPlan.owner_id == bindparam("owner_id"),
            # no cohort (or a cohort of no year): every plan; else the year's and those made before any year
            or_(cohort_year.is_(None), DevelopmentPlan.year_id == cohort_year, DevelopmentPlan.year_id.is_(None)),
        )
        .order_by(DevelopmentPlan.id)
    )


def latest_submitted(owner_id: int, kind: str) -> SelfEvaluation | None:
    """The owner's latest submitted evaluation of a framework kind (leadership or school capacity)."""
    from portal.frameworks.models import Framework

    return db.session.scalar(
        select(SelfEvaluation)
        .join(Framework, Framework.id == SelfEvaluation.framework_id)
        .where(SelfEvaluation.owner_id == owner_id, SelfEvaluation.status == SUBMITTED, Framework.kind == kind)
        .order_by(SelfEvaluation.submitted_at.desc(), SelfEvaluation.id.desc())
        .limit(1)
    )


def result_for(evaluation: SelfEvaluation):
    """The scored result of a submitted evaluation (its own version's wording)."""
    from portal.frameworks import services as frameworks
    from portal.leadership import services

    version = frameworks.outline(evaluation.version_id)
    return services.result_of(version, services.answers_by_item(evaluation), evaluation.framework.scale.top)


def start_plan(evaluation: SelfEvaluation, result, top: int, *, actor) -> tuple[DevelopmentPlan, bool]:
    """A draft plan drawing on the latest leadership and school-capacity evaluations together (the one given
    and the latest submitted one of the other kind): priorities are the weakest leadership domains, each with
    its module, and the weakest capacity domains, each with the module or support the framework maps it to.
    When the leader already has a plan not yet agreed this programme year, that plan (created is False)."""
    if evaluation.owner_id != actor.id or not evaluation.submitted:
        raise PermissionError("plans start from one's own submitted evaluation")
    year_id = year_for(actor)
    in_progress = db.session.scalar(
        select(DevelopmentPlan)
        .where(
            DevelopmentPlan.owner_id == actor.id,
            DevelopmentPlan.agreed_at.is_(None),
            DevelopmentPlan.year_id == year_id if year_id is not None else DevelopmentPlan.year_id.is_(None),
        )
        .limit(1)
    )
    if in_progress is not None:
        return in_progress, False
    if evaluation.framework.kind == CAPACITY_KIND:
        capacity, capacity_result = evaluation, result
        leadership = latest_submitted(actor.id, LEADERSHIP_KIND)
        leadership_result = result_for(leadership) if leadership else None
    else:
        leadership, leadership_result = evaluation, result
        capacity = latest_submitted(actor.id, CAPACITY_KIND)
        capacity_result = result_for(capacity) if capacity else None
    labels = " and ".join(e.label for e in (leadership, capacity) if e is not None)
    plan = DevelopmentPlan(
        owner_id=actor.id,
        evaluation_id=leadership.id if leadership else None,
        capacity_evaluation_id=capacity.id if capacity else None,
        year_id=year_id,
        status=DRAFT,
        title=f"Development plan from {labels}"[:160],
    )
    found = []
    if leadership_result is not None:
        for rec in recommend(leadership_result.scores, top):
            module = BY_KEY.get(rec.module)
            found.append(
                (rec, rec.reason + (f". Recommended: module {module.number}, {module.title}." if module else "."))
            )
    if capacity_result is not None:
        found += [(rec, rec.reason + ".") for rec in capacity_actions(capacity_result.scores, top, action_label)]
    for n, (rec, reason) in enumerate(found, start=1):
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
    if plan.agreed_at is not None:
        raise PermissionError("an agreed plan is reopened, not deleted")
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
        updates=[],  # none yet: known without asking, as when the plan's lists are read (load_plan)
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
    deferred: bool = False  # a reopened plan's change: bookings follow once it is agreed again

    def message(self) -> str:
        if self.deferred:
            return (
                "Your module choices are saved as part of the change. Your bookings change when your reviewer "
                "agrees the plan again, and you are told what changed."
            )
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
    deferred = drives and plan.agreed_at is not None  # reopened: bookings wait for the reviewer's agreement
    changes = sessions.module_changes(actor, set(keys)) if drives and not deferred else None
    if changes and changes.to_cancel and not confirmed:
        raise CancellationsToConfirm([event for event, _ in changes.to_cancel])
    plan.modules = [m for m in plan.modules if m.module in keys] + [
        PlanModule(module=k) for k in sorted(set(keys) - plan.module_keys)
    ]
    plan.modules_chosen = True
    _touch(plan)
    if changes:
        sessions.apply_module_changes(actor, changes, actor=actor)
    return ModuleOutcome(drives=drives, changes=changes, in_cohort=in_cohort, deferred=deferred)


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
    if plan.status in (DRAFT, REOPENED):
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


def add_comment(plan: DevelopmentPlan, body: str, *, actor, goal_id: int | None = None) -> PlanComment:
    """A comment on a shared plan, by its author or someone it is shared with; with `goal_id` it is threaded
    on that goal."""
    if plan.status == DRAFT:
        raise PermissionError("comments are for shared plans")
    if goal_id is not None and all(g.id != goal_id for g in plan.goals):
        raise LookupError(goal_id)
    comment = PlanComment(
        author_id=actor.id, author=actor, goal_id=goal_id, body=_text("body", body, "Write a comment.", 4000)
    )
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
    """Someone the plan is shared with agrees it (again, after a change: it returns to where it was); an agreed
    plan changes only by reopening. Once agreed it drives the leader's bookings: they follow its modules, and
    the leader is e-mailed what changed."""
    if plan.status != SHARED or all(s.user_id != actor.id for s in plan.shares):
        raise PermissionError("only people the plan is shared with agree it")
    again = plan.reopened_from is not None
    plan.status = plan.reopened_from or AGREED
    plan.agreed_at, plan.agreed_by_id = utcnow(), actor.id
    plan.reopened_from, plan.agreed_snapshot = None, ""
    audit(actor, "plan.agreed_again" if again else "plan.agreed", plan)
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


def snapshot(plan: DevelopmentPlan) -> dict:
    """The parts of a plan a change may touch, as plain data (kept when an agreed plan is reopened)."""
    return {
        "modules": sorted(plan.module_keys),
        "priorities": [{"id": p.id, "title": p.title, "notes": p.notes} for p in plan.priorities],
        "goals": [
            {
                "id": g.id,
                "what": g.what,
                "actions": g.actions,
                "success": g.success,
                "due_on": g.due_on.isoformat() if g.due_on else "",
            }
            for g in plan.goals
        ],
    }


def changes_since_agreed(plan: DevelopmentPlan) -> list[str]:
    """What a reopened plan changed since it was last agreed, in words (empty when not reopened)."""
    if not plan.agreed_snapshot:
        return []
    from portal.leadership.changes import describe

    return describe(json.loads(plan.agreed_snapshot), snapshot(plan))


def reopen_plan(plan: DevelopmentPlan, note: str, *, actor) -> None:
    """The owner reopens an agreed plan for a change (saying why); the plan as agreed is kept so the reviewer
    sees what changed, and the reviewer agrees it again. Bookings stay as agreed until then."""
    if plan.owner_id != actor.id or plan.status not in UNDER_WAY:
        raise PermissionError("only an agreed plan of yours is reopened")
    plan.change_note = _text("note", note, "Say what you want to change and why.", 2000)
    plan.agreed_snapshot = json.dumps(snapshot(plan))
    plan.reopened_from, plan.status = plan.status, REOPENED
    audit(actor, "plan.reopened", plan, after={"note": plan.change_note})
    _touch(plan)


def _owned_goal(plan: DevelopmentPlan, goal_id: int) -> PlanGoal:
    goal = next((g for g in plan.goals if g.id == goal_id), None)
    if goal is None:
        raise LookupError(goal_id)
    return goal


def record_progress(
    plan: DevelopmentPlan,
    goal_id: int,
    *,
    note: str,
    status: str,
    actor,
    upload=None,
    enquiry_team_id: int | None = None,
    booking_id: int | None = None,
) -> GoalUpdate:
    """A progress update on a goal of an agreed plan: a short note, a status and optional evidence (a file
    through the shared upload checks, a team the leader belongs to, a booking they attended). The first
    update puts an agreed plan in progress."""
    from portal.core.uploads import store_upload
    from portal.enquiries.models import TeamMember
    from portal.events.models import Booking

    if plan.owner_id != actor.id or plan.status not in UNDER_WAY:
        raise PermissionError("progress is recorded on your own agreed plan")
    goal = _owned_goal(plan, goal_id)
    if status not in GOAL_STATUSES:
        raise ValueError("unknown status")
    update = GoalUpdate(author_id=actor.id, note=_text("note", note, "Write a short note on your progress.", 1000))
    update.status = status
    if enquiry_team_id is not None:
        member = db.session.scalar(
            select(TeamMember.id).where(TeamMember.team_id == enquiry_team_id, TeamMember.user_id == actor.id)
        )
        if member is None:
            raise ValueError("not a team of yours")
        update.enquiry_team_id = enquiry_team_id
    if booking_id is not None:
        booking = db.session.get(Booking, booking_id)
        if booking is None or booking.user_id != actor.id or not booking.attended:
            raise ValueError("not a session you attended")
        update.booking_id = booking_id
    if upload is not None and getattr(upload, "filename", ""):
        stored = store_upload(upload, field="evidence")  # the one safe-upload implementation
        update.file_key, update.file_name = stored.key, stored.filename[:200]
    goal.updates.append(update)
    if plan.status == AGREED:
        plan.status = IN_PROGRESS
    audit(actor, "plan.progress", plan, after={"goal": goal.id, "status": status})
    _touch(plan)
    return update


def reflect_on_goal(plan: DevelopmentPlan, goal_id: int, reflection: str, *, actor) -> None:
    """The owner's final reflection on a goal (before the plan is completed)."""
    if plan.owner_id != actor.id or plan.status not in UNDER_WAY:
        raise PermissionError("reflections are written on your own agreed plan")
    _owned_goal(plan, goal_id).reflection = _text("reflection", reflection, "Write your reflection.", 4000)
    _touch(plan)


def record_review(
    plan: DevelopmentPlan, *, kind: str, met_on: date | None, record: str, next_steps: str, actor
) -> PlanReview:
    """A reviewer the plan is shared with records the midpoint or end-of-year review meeting; a midpoint
    review moves the plan to "reviewed at midpoint". The leader is told."""
    if all(s.user_id != actor.id for s in plan.shares) or plan.status not in UNDER_WAY:
        raise PermissionError("reviews are recorded by a reviewer of an agreed plan")
    if kind not in (MIDPOINT_REVIEW, END_REVIEW):
        raise ValueError("unknown review")
    if met_on is None:
        raise ServiceError(("met_on", "Enter the date you met."))
    review = PlanReview(
        kind=kind,
        met_on=met_on,
        reviewer_id=actor.id,
        reviewer=actor,
        record=_text("record", record, "Write a record of the meeting.", 4000),
        next_steps=_text("next_steps", next_steps, "Write the next steps you agreed.", 2000),
    )
    plan.reviews.append(review)
    if kind == MIDPOINT_REVIEW:
        plan.status = MIDPOINT
    audit(actor, f"plan.review_{kind}", plan)
    _touch(plan)
    notify(
        [db.session.get(User, plan.owner_id)],
        "plan_review",
        f"{actor.name} recorded the {'midpoint' if kind == MIDPOINT_REVIEW else 'end-of-year'} review of {plan.title}",
        review.next_steps[:200],
        _plan_path(plan),
        actor=actor,
    )
    return review


def complete_plan(plan: DevelopmentPlan, *, actor) -> None:
    """The owner completes the plan once the end-of-year review is recorded and every goal has a reflection."""
    if plan.owner_id != actor.id or plan.status not in UNDER_WAY:
        raise PermissionError("only your own agreed plan is completed")
    if not any(r.kind == END_REVIEW for r in plan.reviews):
        raise ServiceError((None, "Record the end-of-year review with your reviewer before completing the plan."))
    if any(not g.reflection for g in plan.goals):
        raise ServiceError((None, "Write a final reflection on every goal before completing the plan."))
    plan.status, plan.completed_at = COMPLETED, utcnow()
    audit(actor, "plan.completed", plan)
    _touch(plan)


def review_due(plan: DevelopmentPlan, year: ProgrammeYear | None, today: date) -> str | None:
    """Which review an agreed plan is due now ("midpoint" from the year's middle, "end" in its last six weeks),
    or None; a review already recorded or already prompted is not due again."""
    if year is None or plan.status not in UNDER_WAY:
        return None
    kinds = {r.kind for r in plan.reviews}
    middle = year.starts_on + (year.ends_on - year.starts_on) / 2
    if today >= year.ends_on - timedelta(weeks=6) and END_REVIEW not in kinds:
        due = END_REVIEW
    elif today >= middle and MIDPOINT_REVIEW not in kinds and plan.status != MIDPOINT:
        due = MIDPOINT_REVIEW
    else:
        return None
    return None if plan.review_prompted == due else due


def prompt_reviews(today: date) -> int:
    """E-mail the leader and their reviewers of every agreed plan whose midpoint or end-of-year review is due
    (each review once, however often this runs). Returns how many plans were prompted."""
    from sqlalchemy.orm import selectinload

    rows = db.session.scalars(
        select(DevelopmentPlan)
        .where(DevelopmentPlan.status.in_(UNDER_WAY), DevelopmentPlan.year_id.is_not(None))
        .options(selectinload(DevelopmentPlan.reviews), selectinload(DevelopmentPlan.shares))
    ).all()
    years = {y.id: y for y in db.session.scalars(select(ProgrammeYear))}
    count = 0
    for plan in rows:
        due = review_due(plan, years.get(plan.year_id), today)
        if due is None:
            continue
        words = "midpoint" if due == MIDPOINT_REVIEW else "end-of-year"
        notify(
            _plan_people(plan),
            "plan_review",
            f"Time for the {words} review of {plan.title}",
            "Arrange a meeting with your reviewer; the reviewer records it, with the next steps you agree, "
            "on the plan.",
            _plan_path(plan),
        )
        plan.review_prompted = due
        count += 1
    db.session.flush()
    return count
