"""Feedback fixtures: the events fixtures, and helpers that give feedback and evaluations (they commit)."""

from datetime import date, timedelta

from portal.extensions import db
from portal.feedback import evaluation, services
from tests.events.conftest import add_booking, make_event  # noqa: F401  (fixtures)


def give(event, person, rating=4, before=2, after=4, text=""):
    found = services.give_feedback(
        event, rating=rating, do_differently=text, confidence_before=before, confidence_after=after, actor=person
    )
    db.session.commit()
    return found


def open_round(year=2026, *, opens=None, closes=None):
    today = date.today()
    found = evaluation.create_round(
        school_year=year,
        opens_on=opens or today - timedelta(days=2),
        closes_on=closes or today + timedelta(days=10),
        actor=None,
    )
    db.session.commit()
    return found
