"""Loaders the feedback views share: an event (404 when missing), a round (404 when missing)."""

from flask import abort

from portal.events.queries import load_event
from portal.extensions import db
from portal.feedback.models import EvaluationRound


def event_or_404(event_id: int):
    event = load_event(event_id)
    if event is None:
        abort(404)
    return event


def round_or_404(round_id: int) -> EvaluationRound:
    found = db.session.get(EvaluationRound, round_id)
    if found is None:
        abort(404)
    return found
