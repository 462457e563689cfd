"""Loading evaluations and plans with everything a page needs, in a fixed number of queries."""

from dataclasses import dataclass
from functools import cache

from sqlalchemy import DateTime, String, and_, bindparam, cast, func, literal, null, or_, select, union_all
from sqlalchemy.orm import aliased, joinedload, lazyload, selectinload, with_expression

from portal.core.lists import fill_lists, list_query
from portal.extensions import db
from portal.frameworks.models import Framework, FrameworkItem, FrameworkSection, RatingLevel, RatingScale
from portal.frameworks.scoring import SectionScore
from portal.leadership.models import (
    SUBMITTED,
    DevelopmentPlan,
    EvaluationAnswer,
    GoalUpdate,
    PlanComment,
    PlanGoal,
    PlanReview,
    PlanShare,
    SelfEvaluation,
)
from portal.leadership.modules import EVALUATION_KINDS


def my_evaluations(user) -> list:
    """The person's evaluations, newest first, as rows of what their list shows (`id`, `label`, `submitted`,
    `submitted_at`, `started_at`, `framework_title`): one query, no objects."""
    return db.session.execute(_my_evaluations_query(), {"owner_id": user.id}).all()


@cache
def _my_evaluations_query():
    evaluation = SelfEvaluation
    return (
        select(
            evaluation.id,
            evaluation.label,
            (evaluation.status == SUBMITTED).label("submitted"),
            evaluation.submitted_at,
            evaluation.started_at,
            Framework.title.label("framework_title"),
        )
        .join(Framework, Framework.id == evaluation.framework_id)
        .where(evaluation.owner_id == bindparam("owner_id"))
        .order_by(evaluation.started_at.desc(), evaluation.id.desc())
    )


def load_evaluation(evaluation_id: int) -> SelfEvaluation | None:
    """The evaluation with its framework and the framework's rating scale and levels, in one statement built once
    per process (a `get` read the levels in a second statement built on every request)."""
    return db.session.scalars(_evaluation_query(), {"evaluation_id": evaluation_id}).unique().first()


@cache
def _evaluation_query():
    levels = joinedload(SelfEvaluation.framework).joinedload(Framework.scale).joinedload(RatingScale.levels)
    return select(SelfEvaluation).where(SelfEvaluation.id == bindparam("evaluation_id")).options(levels)


def load_plan(plan_id: int) -> DevelopmentPlan | None:
    """The plan with everything its page shows, in seven queries whatever the plan holds: the plan, then each list."""
    plan_query, lists = _plan_queries()
    plan = db.session.scalars(plan_query, {"plan_id": plan_id}).unique().first()
    if plan is not None:
        fill_lists(plan, lists)
    return plan


@cache
def _plan_queries():
    """load_plan's statements, built once per process (their loader options cost more to build than to run): the
    plan, and each of its lists."""
    from portal.enquiries.models import Team
    from portal.events.models import Booking, Event

    def session(column):
        booked = select(column).join(Booking, Booking.event_id == Event.id)
        return booked.where(Booking.id == GoalUpdate.booking_id).scalar_subquery()

    # Goals with their progress updates, and the names of the team or session each update links: a list like the
    # others (as a selectinload of the plan's statement, its statement was built again on every request).
    updates = joinedload(PlanGoal.updates).options(
        with_expression(
            GoalUpdate.team_name, select(Team.name).where(Team.id == GoalUpdate.enquiry_team_id).scalar_subquery()
        ),
        with_expression(GoalUpdate.session_title, session(Event.title)),
        with_expression(GoalUpdate.session_starts_at, session(Event.starts_at)),
    )
    # Reviews and comments show their reviewer's or author's name: the person without their establishment and LA
    # (User's own joined loads).
    named = {"reviews": joinedload(PlanReview.reviewer), "comments": joinedload(PlanComment.author)}
    options = {name: [loader.lazyload("*")] for name, loader in named.items()} | {"goals": [updates]}
    lists = {
        name: list_query(DevelopmentPlan, name, *options.get(name, []))
        for name in ("goals", "priorities", "reviews", "modules", "requests", "comments")
    }
    plan = (
        select(DevelopmentPlan)
        .where(DevelopmentPlan.id == bindparam("plan_id"))
        .options(
            # In the plan's own query: the evaluations it draws on (their labels; not their frameworks nor,
            # through them, the rating levels) and who it is shared with (one row per share; their names, not
            # their establishments and LAs).
            joinedload(DevelopmentPlan.evaluation).lazyload(SelfEvaluation.framework),
            joinedload(DevelopmentPlan.capacity_evaluation).lazyload(SelfEvaluation.framework),
            joinedload(DevelopmentPlan.shares).joinedload(PlanShare.user).lazyload("*"),
            # The owner is most often the person reading, already loaded: lazyload takes them from the session.
            lazyload(DevelopmentPlan.owner),
        )
    )
    return plan, lists


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
    """What a leader can link as evidence: the teams they belong to (by name), the sessions they attended (the
    latest 200), in one query."""
    rows = db.session.execute(_evidence_query(), {"user_id": user.id}).all()
    return (
        [(r.id, r.title) for r in rows if r.kind == "team"],
        [(r.id, f"{r.title}, {r.starts_at:%-d %B %Y}") for r in rows if r.kind == "session"],
    )


@cache
def _evidence_query():
    """evidence_options' statement, built once per process (a union costs more to build than to run)."""
    from portal.enquiries.models import Team, TeamMember
    from portal.events.models import Booking, Event

    teams = (
        select(literal("team").label("kind"), Team.id, Team.name.label("sort_name"), Team.name.label("title"))
        .add_columns(cast(null(), DateTime).label("starts_at"))
        .join(TeamMember, TeamMember.team_id == Team.id)
        .where(TeamMember.user_id == bindparam("user_id"))
    )
    attended = (
        select(literal("session").label("kind"), Booking.id, cast(null(), String).label("sort_name"), Event.title)
        .add_columns(Event.starts_at)
        .join(Event, Event.id == Booking.event_id)
        .where(Booking.user_id == bindparam("user_id"), Booking.attended.is_(True))
        .order_by(Event.starts_at.desc())
        .limit(200)
        .subquery()
    )
    both = union_all(teams, select(attended)).subquery()
    return select(both).order_by(both.c.kind.desc(), both.c.sort_name, both.c.starts_at.desc())


def evidence_names(plan: DevelopmentPlan) -> tuple[dict[int, str], dict[int, str]]:
    """Names of the teams and sessions the plan's progress updates link to: read with the updates by load_plan
    (no query), else in two queries at most."""
    from portal.enquiries.models import Team
    from portal.events.models import Booking, Event

    updates = [u for g in plan.goals for u in g.updates]
    teams = {u.enquiry_team_id: u.team_name for u in updates if u.enquiry_team_id and u.team_name is not None}
    sessions = {
        u.booking_id: f"{u.session_title}, {u.session_starts_at:%-d %B %Y}"
        for u in updates
        if u.booking_id and u.session_title is not None
    }
    team_ids = {u.enquiry_team_id for u in updates if u.enquiry_team_id} - set(teams)
    booking_ids = {u.booking_id for u in updates if u.booking_id} - set(sessions)
    if team_ids:
        teams.update(db.session.execute(select(Team.id, Team.name).where(Team.id.in_(team_ids))).all())
    if booking_ids:
        sessions.update(
            (b.id, f"{b.title}, {b.starts_at:%-d %B %Y}")
            for b in db.session.execute(
                select(Booking.id, Event.title, Event.starts_at)
                .join(Event, Event.id == Booking.event_id)
                .where(Booking.id.in_(booking_ids))
            )
        )
    return teams, sessions


def _repeat_id(owner_id, framework_id, submitted_at):
    """The id of the owner's latest evaluation of the framework submitted after `submitted_at` (a scalar subquery;
    the arguments are values or bound parameters)."""
    later = aliased(SelfEvaluation)
    return (
        select(later.id)
        .where(
            later.owner_id == owner_id,
            later.framework_id == framework_id,
            later.status == SUBMITTED,
            later.submitted_at > submitted_at,
        )
        .order_by(later.submitted_at.desc())
        .limit(1)
        .scalar_subquery()
    )


def repeat_of(evaluation: SelfEvaluation | None) -> SelfEvaluation | None:
    """The owner's latest evaluation of the same framework submitted after this one (the repeat)."""
    if evaluation is None or evaluation.submitted_at is None:
        return None
    repeat = _repeat_id(evaluation.owner_id, evaluation.framework_id, evaluation.submitted_at)
    return db.session.scalar(select(SelfEvaluation).where(SelfEvaluation.id == repeat))


@dataclass(frozen=True)
class Scored:
    """An evaluation's score per domain (its own version's domains, in order) and its scale's top point."""

    id: int
    label: str
    top: int
    scores: list[SectionScore]


def scored(evaluations, *, repeat_of: SelfEvaluation | None = None) -> tuple[dict[int, Scored], Scored | None]:
    """The scores of these evaluations and, with `repeat_of`, of that evaluation's repeat (see `repeat_of`), in
    one grouped query (no statements, answers or rating levels as objects): ({id: Scored}, the repeat or None).
    The same figures as `services.result_of(...).scores`."""
    ids = [e.id for e in evaluations if e is not None]
    params = {"ids": ids}
    with_repeat = repeat_of is not None and repeat_of.submitted_at is not None
    if with_repeat:
        params |= {"owner": repeat_of.owner_id, "framework": repeat_of.framework_id, "after": repeat_of.submitted_at}
    elif not ids:
        return {}, None
    rows = db.session.execute(_scores_query(with_repeat), params).all()
    found: dict[int, Scored] = {}
    for evaluation_id, label, top_value, section_id, key, title, short_title, module, total, answered, rated in rows:
        entry = found.setdefault(evaluation_id, Scored(evaluation_id, label, top_value or 0, []))
        if section_id is not None:
            mean = int(rated) / answered if answered else None
            entry.scores.append(SectionScore(key, short_title or title, module, mean, answered, total))
    repeat = next((v for k, v in found.items() if k not in ids), None)
    return {k: v for k, v in found.items() if k in ids}, repeat


@cache
def _scores_query(with_repeat: bool):
    """scored()'s statement, built once per process for each shape (with or without the repeat)."""
    wanted = SelfEvaluation.id.in_(bindparam("ids", expanding=True))
    if with_repeat:
        repeat = _repeat_id(bindparam("owner"), bindparam("framework"), bindparam("after"))
        wanted = or_(wanted, SelfEvaluation.id == repeat)
    top = (
        select(func.max(RatingLevel.value))
        .join(Framework, Framework.scale_id == RatingLevel.scale_id)
        .where(Framework.id == SelfEvaluation.framework_id)
        .correlate(SelfEvaluation)
        .scalar_subquery()
    )
    return (
        select(
            SelfEvaluation.id,
            SelfEvaluation.label,
            top,
            FrameworkSection.id,
            FrameworkSection.key,
            FrameworkSection.title,
            FrameworkSection.short_title,
            FrameworkSection.module,
            func.count(FrameworkItem.id),
            func.count(EvaluationAnswer.rating),
            func.sum(EvaluationAnswer.rating),
        )
        .select_from(SelfEvaluation)
        .outerjoin(FrameworkSection, FrameworkSection.version_id == SelfEvaluation.version_id)
        .outerjoin(FrameworkItem, FrameworkItem.section_id == FrameworkSection.id)
        .outerjoin(
            EvaluationAnswer,
            and_(EvaluationAnswer.evaluation_id == SelfEvaluation.id, EvaluationAnswer.item_id == FrameworkItem.id),
        )
        .where(wanted)
        .group_by(SelfEvaluation.id, FrameworkSection.id)
        .order_by(SelfEvaluation.id, FrameworkSection.position, FrameworkSection.id)
    )
