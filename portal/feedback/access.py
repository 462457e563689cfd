"""Who sees what of feedback and the end-of-year evaluation. People give their own; an event's organisers
(its organiser, whoever its owning domain names, the lead officer) and researchers read its aggregate and the
nameless "do differently" texts; programme figures and the evaluation's results are for the lead officer and
researchers (the steering group reads them in the reports too). Nobody but the author sees an answer with a name."""

from sqlalchemy import false, true

from portal.core.roles import Role
from portal.events.policies import can_organise, organised_clause


def can_read_event_feedback(user, event) -> bool:
    """Researchers read every event's feedback summary; anyone else the events they organise (the events
    policies' one rule, `organised_ids`)."""
    return user.is_authenticated and (user.has_role(Role.RESEARCHER) or can_organise(user, event))


def readable_events(user):
    """`can_read_event_feedback` as a SQL clause on Event, from the same rule: the organiser's list shows exactly
    the events whose summary the person may open."""
    if not user.is_authenticated:
        return false()
    return true() if user.has_role(Role.RESEARCHER) else organised_clause(user)


def can_read_programmes(user) -> bool:
    return user.is_authenticated and user.has_role(Role.ADMIN, Role.RESEARCHER)


def can_manage_evaluation(user) -> bool:
    return user.is_authenticated and user.has_role(Role.ADMIN)


def can_read_evaluation(user) -> bool:
    """Aggregates and the written answers without names: the lead officer and the research partner."""
    return user.is_authenticated and user.has_role(Role.ADMIN, Role.RESEARCHER)
