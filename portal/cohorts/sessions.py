"""A network cohort's core events are events (context_type "network_cohort"): who books them, and keeping
one event per date in step with the dates the admin saves on the cohort.

The interests survey is a window people answer online, not a session to attend: its dates stay on the
cohort (they drive the survey) and it gets no event. Booking, waiting lists, .ics files and feeds belong
to portal/events.
"""

from datetime import datetime, time

from sqlalchemy import or_, select, true

from portal.cohorts.models import CohortFacilitator, NetworkCohort, Nomination
from portal.core.dates import long_date
from portal.core.roles import Role
from portal.events import services as events
from portal.events.models import Event
from portal.events.policies import ContextPolicy, can_book, register
from portal.extensions import db

CONTEXT = "network_cohort"
# cohort date attribute -> (event kind, title); each event's own times (the admin may change them per event)
SESSIONS = {
    "launch_on": ("network-launch", "Launch"),
    "matching_on": ("network-matching", "Matching event"),
    "enquiry_question_on": ("network-enquiry-question", "From a hunch to an enquiry question"),
    "measuring_impact_on": ("network-measuring-impact", "Measuring impact: the data collection plan"),
    "direct_observation_on": ("network-direct-observation", "Direct observation strategies"),
    "sharing_on": ("network-sharing", "Sharing event"),
}
TIMES = {
    "network-launch": (time(9, 30), time(12, 0)),
    "network-matching": (time(9, 30), time(15, 0)),  # the face-to-face matching event takes the day
    "network-enquiry-question": (time(13, 30), time(15, 30)),
    "network-measuring-impact": (time(13, 30), time(15, 30)),
    "network-direct-observation": (time(13, 30), time(15, 30)),
    "network-sharing": (time(9, 0), time(12, 0)),
}


def date_problems(launch_on, sharing_on, dates: dict) -> list[tuple[str, str]]:
    """Every dated session falls on a weekday between the cohort's launch and its sharing event."""
    problems = []
    for attr, day in dates.items():
        if day is None:
            continue
        label = SESSIONS.get(attr, (None, attr.removesuffix("_on").replace("_", " ").capitalize()))[1]
        if launch_on and day < launch_on:
            problems.append((attr, f"{label} cannot be before the launch on {long_date(launch_on)}."))
        elif sharing_on and day > sharing_on:
            problems.append((attr, f"{label} cannot be after the sharing event on {long_date(sharing_on)}."))
        elif attr in SESSIONS and day.weekday() >= 5:
            problems.append((attr, f"{long_date(day)} is a weekend: choose a school day for the {label.lower()}."))
    return problems


def _check_when(event, starts_at, ends_at) -> list[tuple[str, str]]:
    cohort = db.session.get(NetworkCohort, event.context_id)
    if cohort is None:
        return []
    problems = date_problems(cohort.launch_on, cohort.sharing_on, {"day": starts_at.date()})
    return [("day", message.replace("Day ", "This session ", 1)) for _, message in problems]


def _follow_moved_event(event) -> None:
    """The events editor moved one of the cohort's events: the cohort's date follows, so the next cohort save
    (whose form shows the cohort's dates) keeps the event where the admin put it."""
    cohort = db.session.get(NetworkCohort, event.context_id)
    attr = next((a for a, (kind, _) in SESSIONS.items() if kind == event.kind), None)
    if cohort is not None and attr is not None and getattr(cohort, attr) != event.starts_at.date():
        setattr(cohort, attr, event.starts_at.date())
        db.session.flush()


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


def register_policy() -> None:
    """Cohort dates are events owned by a network cohort (called from init_app)."""
    register(
        CONTEXT,
        ContextPolicy(
            label="Network cohort",
            can_book=_can_book,
            # no organised_ids: the partnership lead officer (admin) organises them
            listable=_listable,
            labels=_labels,
            kinds={kind: f"Network cohort: {title}" for kind, title in SESSIONS.values()},
            check_when=_check_when,
            on_moved=_follow_moved_event,
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
                starts_at=datetime.combine(day, TIMES[kind][0]),
                ends_at=datetime.combine(day, TIMES[kind][1]),
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
