"""The end-of-year evaluation's reminder (`flask feedback remind-evaluation`, run daily by a scheduler): while a
round is open, each person who takes part in one of its networks and has given no evaluation in it is told once,
through the notifications (the bell, and e-mail as they choose); a reminder row records it, so running this
again sends nothing twice."""

from datetime import date

from flask import current_app
from sqlalchemy import select

from portal.accounts.models import User
from portal.core.dates import long_date, utcnow
from portal.extensions import db
from portal.feedback import evaluation
from portal.feedback.models import EvaluationReminder, NetworkEvaluation
from portal.notifications.emails import path
from portal.notifications.services import notify

KIND = "evaluation_due"


def due(found, among: list[int] | None = None) -> list[User]:
    """The people to remind of `found`: taking part in a network of its year, no evaluation given, not yet
    reminded, account active; only those `among` these ids when given (one query)."""
    members = evaluation.participation(found.school_year).subquery()
    answered = select(NetworkEvaluation.user_id).where(NetworkEvaluation.round_id == found.id)
    reminded = select(EvaluationReminder.user_id).where(EvaluationReminder.round_id == found.id)
    stmt = select(User).where(
        User.id.in_(select(members.c.user_id)),
        User.id.not_in(answered),
        User.id.not_in(reminded),
        User.active.is_(True),
    )
    if among is not None:
        stmt = stmt.where(User.id.in_(among))
    return list(db.session.scalars(stmt.order_by(User.id)))


def send(found, people: list[User]) -> int:
    """Remind these people of `found` and record it (so they are never reminded of it again)."""
    now = utcnow()
    db.session.add_all(EvaluationReminder(round_id=found.id, user_id=p.id, sent_at=now) for p in people)
    notify(
        people,
        KIND,
        f"{found.label}: how did your network go?",
        "Say how your network's project went this year: its progress and impact, what helped and what hindered. "
        f"It takes a few minutes; no one sees your answer with your name. It closes on {long_date(found.closes_on)}.",
        path("feedback.my_evaluations"),
        space=("evaluation_round", found.id, found.label),
    )
    db.session.flush()
    return len(people)


def remind(today: date | None = None) -> int:
    """Remind each person of the open round who has still to give their evaluation, once per round."""
    found = evaluation.open_round(today or date.today())
    if found is None:
        return 0
    count = send(found, due(found))
    current_app.logger.info("end-of-year evaluation reminders: %s", count)
    return count
