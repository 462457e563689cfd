"""Loading evaluations and plans with everything a page needs, in a fixed number of queries."""

from sqlalchemy import select
from sqlalchemy.orm import lazyload, selectinload

from portal.extensions import db
from portal.frameworks.models import Framework
from portal.leadership.models import SUBMITTED, DevelopmentPlan, PlanGoal, PlanShare, SelfEvaluation
from portal.leadership.modules import EVALUATION_KINDS


def my_evaluations(user) -> list[SelfEvaluation]:
    return list(
        db.session.scalars(
            select(SelfEvaluation)
            .where(SelfEvaluation.owner_id == user.id)
            .order_by(SelfEvaluation.started_at.desc(), SelfEvaluation.id.desc())
        )
    )


def load_plan(plan_id: int) -> DevelopmentPlan | None:
    return db.session.scalar(
        select(DevelopmentPlan)
        .where(DevelopmentPlan.id == plan_id)
        .options(
            selectinload(DevelopmentPlan.priorities),
            selectinload(DevelopmentPlan.goals).selectinload(PlanGoal.updates),
            selectinload(DevelopmentPlan.reviews),
            selectinload(DevelopmentPlan.capacity_evaluation),
            selectinload(DevelopmentPlan.modules),
            selectinload(DevelopmentPlan.requests),
            selectinload(DevelopmentPlan.shares),
            selectinload(DevelopmentPlan.comments),
            # The owner is most often the person reading, already loaded: lazyload takes them from the session.
            lazyload(DevelopmentPlan.owner),
            # The page shows the evaluation's label only: not its framework (nor, through it, the rating levels).
            selectinload(DevelopmentPlan.evaluation).lazyload(SelfEvaluation.framework),
        )
    )


def my_plans(user) -> list[DevelopmentPlan]:
    return list(
        db.session.scalars(
            select(DevelopmentPlan)
            .where(DevelopmentPlan.owner_id == user.id)
            .order_by(DevelopmentPlan.created_at.desc())
        )
    )


def plans_shared_with(user) -> list[DevelopmentPlan]:
    return list(
        db.session.scalars(
            select(DevelopmentPlan)
            .join(PlanShare, PlanShare.plan_id == DevelopmentPlan.id)
            .where(PlanShare.user_id == user.id)
            .options(selectinload(DevelopmentPlan.owner))
            .order_by(DevelopmentPlan.shared_at.desc())
        )
    )


def programme_frameworks() -> list[Framework]:
    """The programme's self-evaluation frameworks that exist (leadership, then school capacity); a read, never
    a write: the admin (or the demo loader) creates them."""
    rows = db.session.scalars(select(Framework).where(Framework.kind.in_(EVALUATION_KINDS)).order_by(Framework.id))
    return sorted(rows, key=lambda f: EVALUATION_KINDS.index(f.kind))


def evidence_options(user) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """What a leader can link as evidence: the teams they belong to, the sessions they attended (two queries)."""
    from portal.enquiries.models import Team, TeamMember
    from portal.events.models import Booking, Event

    teams = db.session.execute(
        select(Team.id, Team.name)
        .join(TeamMember, TeamMember.team_id == Team.id)
        .where(TeamMember.user_id == user.id)
        .order_by(Team.name)
    ).all()
    attended = db.session.execute(
        select(Booking.id, Event.title, Event.starts_at)
        .join(Event, Event.id == Booking.event_id)
        .where(Booking.user_id == user.id, Booking.attended.is_(True))
        .order_by(Event.starts_at.desc())
        .limit(200)
    ).all()
    return (
        [(t.id, t.name) for t in teams],
        [(b.id, f"{b.title}, {b.starts_at:%-d %B %Y}") for b in attended],
    )


def evidence_names(plan: DevelopmentPlan) -> tuple[dict[int, str], dict[int, str]]:
    """Names of the teams and sessions the plan's progress updates link to (two queries at most)."""
    from portal.enquiries.models import Team
    from portal.events.models import Booking, Event

    updates = [u for g in plan.goals for u in g.updates]
    team_ids = {u.enquiry_team_id for u in updates if u.enquiry_team_id}
    booking_ids = {u.booking_id for u in updates if u.booking_id}
    teams = dict(db.session.execute(select(Team.id, Team.name).where(Team.id.in_(team_ids))).all()) if team_ids else {}
    sessions = (
        {
            b.id: f"{b.title}, {b.starts_at:%-d %B %Y}"
            for b in db.session.execute(
                select(Booking.id, Event.title, Event.starts_at)
                .join(Event, Event.id == Booking.event_id)
                .where(Booking.id.in_(booking_ids))
            )
        }
        if booking_ids
        else {}
    )
    return teams, sessions


def repeat_of(evaluation: SelfEvaluation | None) -> SelfEvaluation | None:
    """The owner's latest evaluation of the same framework submitted after this one (the repeat)."""
    if evaluation is None or evaluation.submitted_at is None:
        return None
    return db.session.scalar(
        select(SelfEvaluation)
        .where(
            SelfEvaluation.owner_id == evaluation.owner_id,
            SelfEvaluation.framework_id == evaluation.framework_id,
            SelfEvaluation.status == SUBMITTED,
            SelfEvaluation.submitted_at > evaluation.submitted_at,
        )
        .order_by(SelfEvaluation.submitted_at.desc())
        .limit(1)
    )
