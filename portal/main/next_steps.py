"""The person's own next steps for the home page: a few bounded queries, one per capability.

Each query is built once per process with bound parameters (the person, the time) and only executed per
request: building a statement costs more Python than running it, and the home page runs nine. Where a line
needs a few columns, the query reads those columns: no objects, and none of the relationships an object brings
along (a draft evaluation's framework, scale and rating levels; a plan owner's establishment)."""

from dataclasses import dataclass
from functools import cache

from flask import url_for
from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import lazyload

from portal.accounts.models import User
from portal.cohorts.models import CohortTeam, InterestResponse, NetworkCohort, Nomination
from portal.enquiries.models import Team, TeamMember
from portal.events.models import CANCELLED, Booking, Event, local_now
from portal.extensions import db
from portal.feedback import links as feedback_links
from portal.forums.models import Meeting, Membership
from portal.leadership.models import DRAFT, SHARED, DevelopmentPlan, PlanShare, SelfEvaluation

LIMIT = 3
USER, NOW = bindparam("user_id"), bindparam("now")


@dataclass(frozen=True)
class Step:
    text: str
    url: str
    when: str = ""


@cache
def _drafts():
    return (
        select(SelfEvaluation.id, SelfEvaluation.label)
        .where(SelfEvaluation.owner_id == USER, SelfEvaluation.status == DRAFT)
        .order_by(SelfEvaluation.updated_at.desc())
        .limit(1)
    )


def _evaluations(user) -> list[Step]:
    return [
        Step(
            f"Continue your self-evaluation: {e.label}", url_for("leadership.evaluate", evaluation_id=e.id, position=1)
        )
        for e in db.session.execute(_drafts(), {"user_id": user.id})
    ]


@cache
def _shared_plans():
    return (
        select(DevelopmentPlan.id, User.name.label("owner_name"))
        .join(PlanShare, PlanShare.plan_id == DevelopmentPlan.id)
        .join(User, User.id == DevelopmentPlan.owner_id)
        .where(PlanShare.user_id == USER, DevelopmentPlan.status == SHARED)
        .order_by(DevelopmentPlan.shared_at.desc())
        .limit(LIMIT)
    )


def _plans_to_answer(user) -> list[Step]:
    return [
        Step(f"Read and respond to {p.owner_name}'s development plan", url_for("leadership.show_plan", plan_id=p.id))
        for p in db.session.execute(_shared_plans(), {"user_id": user.id})
    ]


@cache
def _coming_bookings():
    return (
        select(Booking.status, Booking.event_id, Event.title, Event.starts_at)
        .join(Event, Event.id == Booking.event_id)
        .where(Booking.user_id == USER, Booking.status != CANCELLED, Event.ends_at >= NOW, Event.cancelled.is_(False))
        .order_by(Event.starts_at)
        .limit(LIMIT)
    )


def _bookings(user, now) -> list[Step]:
    return [
        Step(
            ("On the waiting list: " if b.status == "waitlisted" else "") + b.title,
            url_for("events.show_event", event_id=b.event_id),
            b.starts_at.strftime("%a %d %b, %H:%M"),
        )
        for b in db.session.execute(_coming_bookings(), {"user_id": user.id, "now": now})
    ]


@cache
def _coming_meetings():
    mine = select(Membership.forum_id).where(Membership.user_id == USER)
    return (
        select(Meeting.id, Meeting.forum_id, Meeting.title, Meeting.starts_at)
        .where(Meeting.forum_id.in_(mine), Meeting.published_at.is_not(None), Meeting.starts_at >= NOW)
        .order_by(Meeting.starts_at)
        .limit(LIMIT)
    )


def _meetings(user, now) -> list[Step]:
    return [
        Step(
            f"Forum meeting: {m.title}",
            url_for("forums.show_meeting", forum_id=m.forum_id, meeting_id=m.id),
            m.starts_at.strftime("%a %d %b, %H:%M"),
        )
        for m in db.session.execute(_coming_meetings(), {"user_id": user.id, "now": now})
    ]


@cache
def _open_surveys():
    answered = select(InterestResponse.cohort_id).where(InterestResponse.user_id == USER)
    return (
        select(NetworkCohort)
        .join(Nomination, Nomination.cohort_id == NetworkCohort.id)
        .where(
            NetworkCohort.stage == "survey",
            or_(Nomination.leader_id == USER, Nomination.practitioner_id == USER),
            NetworkCohort.id.not_in(answered),
        )
        .order_by(NetworkCohort.id.desc())
        .limit(LIMIT)
    )


def _surveys(user) -> list[Step]:
    """Network cohorts whose interests survey is open and that this person has not answered yet."""
    return [
        Step(
            f"Answer the interests survey: network cohort {c.name}",
            url_for("cohorts.answer_survey", cohort_id=c.id),
            f"closes {c.survey_closes_on:%d %b}" if c.survey_closes_on else "",
        )
        for c in db.session.scalars(_open_surveys(), {"user_id": user.id})
    ]


@cache
def _team_queries():
    themed = (
        select(Team.id, Team.name)
        .where(Team.id.in_(select(TeamMember.team_id).where(TeamMember.user_id == USER)), Team.kind == "themed")
        .order_by(Team.id.desc())
        .limit(LIMIT)
    )
    nominated = select(Nomination.team_id).where(or_(Nomination.leader_id == USER, Nomination.practitioner_id == USER))
    network = (
        select(CohortTeam)
        .where(or_(CohortTeam.id.in_(nominated), CohortTeam.facilitator_id == USER))
        .options(lazyload(CohortTeam.facilitator))  # the line names the team and its cohort, not the facilitator
        .order_by(CohortTeam.id.desc())
        .limit(LIMIT)
    )
    return themed, network


def _teams(user) -> list[Step]:
    themed, network = _team_queries()
    steps = [
        Step(f"Your team: {t.name}", url_for("enquiries.show_team", team_id=t.id))
        for t in db.session.execute(themed, {"user_id": user.id})
    ]
    steps += [
        Step(f"Network team: {t.cohort.name}, {t.name}", url_for("cohorts.show_team", team_id=t.id))
        for t in db.session.scalars(network, {"user_id": user.id})
    ]
    return steps


def _feedback(user, now) -> list[Step]:
    """Feedback still to give on events attended, and the open end-of-year evaluation (portal.feedback)."""
    rows = feedback_links.awaiting(user, now) + feedback_links.evaluation_due(user, now.date())
    return [Step(text, url, when) for text, url, when in rows]


def next_steps(user) -> list[Step]:
    """What this person has in hand across the portal, most pressing first (at most a dozen lines)."""
    now = local_now()
    return (
        _evaluations(user)
        + _surveys(user)
        + _feedback(user, now)
        + _plans_to_answer(user)
        + _bookings(user, now)
        + _meetings(user, now)
        + _teams(user)
    )
