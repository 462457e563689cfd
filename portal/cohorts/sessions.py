"""A network cohort's core events are events (context_type "network_cohort"): who books them, and keeping
one event per date in step with the dates the admin saves on the cohort.

The interests survey is a window people answer online, not a session to attend: its dates stay on the
cohort (they drive the survey) and it gets no event. Booking, waiting lists, .ics files and feeds belong
to portal/events.
"""

from datetime import datetime, time

from sqlalchemy import or_, select, true

from portal.cohorts.models import CohortFacilitator, NetworkCohort, Nomination
from portal.core.roles import Role
from portal.events import services as events
from portal.events.models import Event
from portal.events.policies import ContextPolicy, can_book, register
from portal.extensions import db

CONTEXT = "network_cohort"
STARTS, ENDS = time(16, 0), time(17, 30)  # the cohort form has dates only; organisers may change times
# cohort date attribute -> (event kind, title)
SESSIONS = {
    "launch_on": ("network-launch", "Launch"),
    "matching_on": ("network-matching", "Matching event"),
    "enquiry_question_on": ("network-enquiry-question", "From a hunch to an enquiry question"),
    "measuring_impact_on": ("network-measuring-impact", "Measuring impact: the data collection plan"),
    "direct_observation_on": ("network-direct-observation", "Direct observation strategies"),
    "sharing_on": ("network-sharing", "Sharing event"),
}


def _cohorts_of(user):
    """Cohort ids where the person is a nominated participant or a named key facilitator."""
    participant = select(Nomination.cohort_id).where(
        or_(Nomination.leader_id == user.id, Nomination.practitioner_id == user.id)
    )
    return participant.union(select(CohortFacilitator.cohort_id).where(CohortFacilitator.user_id == user.id))


def _can_book(user, event) -> bool:
    if user.has_role(Role.LA_OFFICER):  # officers nominate, and come to support their establishments
        return True
    mine = _cohorts_of(user).subquery()
    return db.session.scalar(select(mine.c.cohort_id).where(mine.c.cohort_id == event.context_id).limit(1)) is not None


def _listable(user):
    return true() if user.has_role(Role.LA_OFFICER) else Event.context_id.in_(_cohorts_of(user))


def _labels(ids) -> dict:
    rows = db.session.scalars(select(NetworkCohort).where(NetworkCohort.id.in_(list(ids))))
    return {c.id: f"Network cohort {c.name}" for c in rows}


register(
    CONTEXT,
    ContextPolicy(
        label="Network cohort",
        can_book=_can_book,
        can_organise=lambda user, event: False,  # the partnership lead officer (admin) organises them
        listable=_listable,
        labels=_labels,
        kinds={kind: f"Network cohort: {title}" for kind, title in SESSIONS.values()},
    ),
)


def cohort_events(cohort: NetworkCohort) -> list[Event]:
    return list(
        db.session.scalars(
            select(Event).where(Event.context_type == CONTEXT, Event.context_id == cohort.id).order_by(Event.starts_at)
        )
    )


def sync_events(cohort: NetworkCohort, *, actor) -> None:
    """One event per set date: create it, move it (keeping its times), cancel it when the date is cleared."""
    existing = {e.kind: e for e in cohort_events(cohort)}
    for attr, (kind, title) in SESSIONS.items():
        day, event = getattr(cohort, attr), existing.get(kind)
        if event is None and day is not None:
            events.create_event(
                actor=actor,
                title=f"Network cohort {cohort.name}: {title}",
                kind=kind,
                starts_at=datetime.combine(day, STARTS),
                ends_at=datetime.combine(day, ENDS),
                context_type=CONTEXT,
                context_id=cohort.id,
                compulsory=True,
            )
        elif event is not None and day is None:
            events.update_event(event, actor=actor, cancelled=True)
        elif event is not None:
            starts = datetime.combine(day, event.starts_at.time())
            events.update_event(
                event,
                actor=actor,
                title=f"Network cohort {cohort.name}: {title}",
                starts_at=starts,
                ends_at=starts + (event.ends_at - event.starts_at),
                cancelled=False,
            )


def listing(cohort: NetworkCohort, user) -> dict:
    """The cohort's events for its pages, and whether this person may open (book) them: two queries."""
    found = cohort_events(cohort)
    return {"events": found, "events_open": bool(found) and can_book(user, found[0])}
