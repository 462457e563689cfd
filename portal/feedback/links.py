"""Where feedback is offered outside its own pages: the event page (an events extra) and the home page's
"In hand" list (portal.main.next_steps reads `awaiting`)."""

from functools import cache

from flask import url_for
from sqlalchemy import bindparam, exists, select

from portal.events.extras import EventExtra
from portal.events.models import local_now
from portal.extensions import db
from portal.feedback import evaluation, services
from portal.feedback.access import can_read_event_feedback
from portal.feedback.models import EvaluationRound, NetworkEvaluation

LIMIT = 3


def event_extra(event, user) -> EventExtra | None:
    """On an ended event's page: the person's own feedback form (give or correct) and, for its organisers, the
    aggregate."""
    now = local_now()
    if not event.is_past(now) or not user.is_authenticated:
        return None
    links = []
    if services.state(event, user, now) == services.OPEN:
        given = services.feedback_of(event, user) is not None
        links.append(
            ("Correct your feedback" if given else "Give your feedback", url_for("feedback.give", event_id=event.id))
        )
    if can_read_event_feedback(user, event):
        links.append(("What people said (feedback summary)", url_for("feedback.event_results", event_id=event.id)))
    return EventExtra("Feedback", links) if links else None


@cache
def _awaiting():
    """awaiting's statement, built once per process (the home page asks)."""
    return services.awaiting_query(bindparam("user_id"), bindparam("now"), bindparam("since")).limit(LIMIT)


def awaiting(user, now) -> list[tuple[str, str, str]]:
    """(text, url, when) for the home page: events attended whose feedback is still to give (at most three)."""
    events = db.session.scalars(_awaiting(), {"user_id": user.id, "now": now, "since": services.window_start(now)})
    return [
        (
            f"Give feedback: {e.title}",
            url_for("feedback.give", event_id=e.id),
            f"closes {services.closes_on(e):%d %b}",
        )
        for e in events
    ]


@cache
def _open_round_not_given():
    """The open round this person has given no evaluation in (built once per process: the home page asks)."""
    today = bindparam("today")
    return (
        select(EvaluationRound)
        .where(
            EvaluationRound.opens_on <= today,
            EvaluationRound.closes_on >= today,
            ~exists().where(
                NetworkEvaluation.round_id == EvaluationRound.id, NetworkEvaluation.user_id == bindparam("user_id")
            ),
        )
        .order_by(EvaluationRound.school_year.desc())
        .limit(1)
    )


def evaluation_due(user, today) -> list[tuple[str, str, str]]:
    """The open end-of-year evaluation, while this person takes part in a network it is for and has given none
    in it (two queries at most)."""
    found = db.session.execute(_open_round_not_given(), {"today": today, "user_id": user.id}).scalar()
    if found is None or not evaluation.takes_part(user.id, found.school_year):
        return []
    return [(f"{found.label}: your networks", url_for("feedback.my_evaluations"), f"closes {found.closes_on:%d %b}")]
