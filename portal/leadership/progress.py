"""A leader's programme at a glance (cohort, sessions with bookings and attendance, modules, what to do next)
and each cohort member's progress for their facilitator and the lead officer; constant queries per page."""

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from portal.events.models import CANCELLED, WAITLISTED, Booking, Event, local_now
from portal.extensions import db
from portal.leadership import plans, sessions
from portal.leadership.models import (
    AGREED,
    COMPLETED,
    CONFIRMED,
    DRAFT,
    END_REVIEW,
    GOAL_STATUSES,
    MIDPOINT_REVIEW,
    REOPENED,
    SHARED,
    CohortPlace,
    DevelopmentPlan,
    LeadershipCohort,
    PlanGoal,
)
from portal.leadership.modules import BY_KEY, CAPACITY_KIND, LEADERSHIP_KIND


@dataclass
class SessionRow:
    event: Event
    booking: Booking | None

    @property
    def state(self) -> str:
        b = self.booking
        if b is None or b.status == CANCELLED:
            return "Not booked"
        if b.attended is True:
            return "Attended"
        if b.attended is False:
            return "Absent"
        return "On the waiting list" if b.status == WAITLISTED else "Booked"


@dataclass
class Programme:
    cohort: LeadershipCohort | None
    plan: DevelopmentPlan | None
    rows: list[SessionRow] = field(default_factory=list)
    to_book: list[str] = field(default_factory=list)  # chosen modules with no place yet
    next_steps: list[str] = field(default_factory=list)

    def of_kind(self, prefix: str) -> list[SessionRow]:
        return [r for r in self.rows if r.event.kind.startswith(prefix)]


def next_steps(
    *, has_leadership: bool, has_capacity: bool, plan_status: str | None, to_book: list[str], reviews: set[str]
) -> list[str]:
    """What the leader should do next, in order (pure)."""
    steps = []
    if not has_leadership:
        steps.append("Complete your leadership self-evaluation.")
    if not has_capacity:
        steps.append("Complete the school-capacity self-evaluation, so your plan draws on both.")
    if plan_status is None:
        if has_leadership or has_capacity:
            steps.append("Make your development plan from your evaluations.")
    elif plan_status == DRAFT:
        steps.append("Add goals and choose modules, then share your plan with your key facilitator.")
    elif plan_status == SHARED:
        steps.append("Wait for your reviewer to agree your plan, or reply to their comments.")
    elif plan_status == REOPENED:
        steps.append("Finish your change and share the plan again for your reviewer to agree.")
    elif plan_status == COMPLETED:
        steps.append("Your plan is completed. Add what you learned to your professional learning record.")
    else:
        if plan_status == AGREED:
            steps.append("Record progress on your goals as the year goes on.")
        if MIDPOINT_REVIEW not in reviews:
            steps.append("Arrange your midpoint review with your reviewer.")
        elif END_REVIEW not in reviews:
            steps.append("Arrange your end-of-year review and repeat your self-evaluation.")
        else:
            steps.append("Write a final reflection on each goal and complete your plan.")
    if to_book:
        steps.append("Book a place on: " + "; ".join(to_book) + ".")
    return steps


def my_programme(user) -> Programme:
    cohort = sessions.confirmed_cohort(user)
    plan = plans.booking_plan(user)
    if plan is not None:
        plan = db.session.scalar(
            select(DevelopmentPlan)
            .where(DevelopmentPlan.id == plan.id)
            .options(
                selectinload(DevelopmentPlan.goals).selectinload(PlanGoal.updates),
                selectinload(DevelopmentPlan.modules),
                selectinload(DevelopmentPlan.reviews),
            )
        )
    found = Programme(cohort=cohort, plan=plan)
    if cohort is not None:
        events = sessions.cohort_sessions(cohort)
        bookings = (
            {
                b.event_id: b
                for b in db.session.scalars(
                    select(Booking).where(Booking.user_id == user.id, Booking.event_id.in_([e.id for e in events]))
                )
            }
            if events
            else {}
        )
        found.rows = [SessionRow(e, bookings.get(e.id)) for e in events]
        if plan is not None:
            for key in sorted(plan.module_keys, key=lambda k: BY_KEY[k].number):
                rows = found.of_kind(sessions.module_kind(key))
                if rows and all(r.booking is None or r.booking.status == CANCELLED for r in rows):
                    found.to_book.append(f"Module {BY_KEY[key].number}: {BY_KEY[key].title}")
    found.next_steps = next_steps(
        has_leadership=plans.latest_submitted(user.id, LEADERSHIP_KIND) is not None,
        has_capacity=plans.latest_submitted(user.id, CAPACITY_KIND) is not None,
        plan_status=plan.status if plan else None,
        to_book=found.to_book,
        reviews={r.kind for r in plan.reviews} if plan else set(),
    )
    return found


@dataclass
class MemberProgress:
    place: CohortPlace
    plan: DevelopmentPlan | None
    attended: int
    shared_with_viewer: bool

    @property
    def goal_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(GOAL_STATUSES, 0)
        for goal in self.plan.goals if self.plan else []:
            counts[goal.latest_status] += 1
        return counts


def cohort_progress(cohort: LeadershipCohort, viewer) -> tuple[list[MemberProgress], int]:
    """Each confirmed member's plan state, goals by progress and sessions attended; and how many sessions
    the cohort has had. Goal wording shows only where the member shared the plan with the viewer."""
    places = list(
        db.session.scalars(
            select(CohortPlace)
            .where(CohortPlace.cohort_id == cohort.id, CohortPlace.status == CONFIRMED)
            .order_by(CohortPlace.id)
        )
    )
    people = [p.person_id for p in places]
    by_owner: dict[int, DevelopmentPlan] = {}
    if people:
        rows = db.session.scalars(
            select(DevelopmentPlan)
            .where(
                DevelopmentPlan.owner_id.in_(people),
                (DevelopmentPlan.year_id == cohort.year_id) | DevelopmentPlan.year_id.is_(None),
            )
            .order_by(DevelopmentPlan.id)
            .options(
                selectinload(DevelopmentPlan.goals).selectinload(PlanGoal.updates),
                selectinload(DevelopmentPlan.shares),
            )
        )
        for plan in rows:  # the one that drives bookings: agreed (latest) before any other
            current = by_owner.get(plan.owner_id)
            if current is None or (
                plan.agreed_at is not None and (current.agreed_at or plan.agreed_at) <= plan.agreed_at
            ):
                by_owner[plan.owner_id] = plan
    event_ids = select(Event.id).where(Event.context_type == sessions.CONTEXT, Event.context_id == cohort.id)
    attended = (
        dict(
            db.session.execute(
                select(Booking.user_id, func.count(Booking.id))
                .where(Booking.event_id.in_(event_ids), Booking.user_id.in_(people), Booking.attended.is_(True))
                .group_by(Booking.user_id)
            ).all()
        )
        if people
        else {}
    )
    held = db.session.scalar(
        select(func.count(Event.id)).where(
            Event.context_type == sessions.CONTEXT, Event.context_id == cohort.id, Event.starts_at <= local_now()
        )
    )
    members = [
        MemberProgress(
            place=p,
            plan=by_owner.get(p.person_id),
            attended=attended.get(p.person_id, 0),
            shared_with_viewer=bool(
                by_owner.get(p.person_id) and any(s.user_id == viewer.id for s in by_owner[p.person_id].shares)
            ),
        )
        for p in places
    ]
    return members, held or 0
