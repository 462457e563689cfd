"""Leadership cohort sessions are events (context_type "leadership_cohort"): the policy for booking and
organising them, the cohort's programme of sessions, and booking the session of each module a leader chooses.

Booking, waiting lists, promotion e-mails, .ics files, feeds and registers all belong to portal/events.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from sqlalchemy import bindparam, select

from portal.core.dates import long_date
from portal.core.forms import ServiceError
from portal.events import services as events
from portal.events.models import CANCELLED, Booking, Event
from portal.events.policies import ContextPolicy, register
from portal.extensions import db
from portal.leadership.models import CONFIRMED, CohortPlace, LeadershipCohort, ProgrammeYear, cohort_label
from portal.leadership.modules import MODULES

CONTEXT = "leadership_cohort"
INTRO, MODULE, NETWORK, SHARING = "leadership-intro", "leadership-module", "leadership-network", "leadership-sharing"


# The information pack's times: introductory days 9.30-15.00, modules 9.30-12.00, support network
# meetings 14.00-15.30, the sharing event 9.00-12.00.
TIMES = {
    INTRO: (time(9, 30), time(15, 0)),
    MODULE: (time(9, 30), time(12, 0)),
    NETWORK: (time(14, 0), time(15, 30)),
    SHARING: (time(9, 0), time(12, 0)),
}


def module_kind(key: str) -> str:
    return f"{MODULE}-{key}"


def times_for(kind: str) -> tuple[time, time]:
    return TIMES[MODULE if kind.startswith(f"{MODULE}-") else kind]


def date_problems(year, day, what: str = "The session") -> list[tuple[str, str]]:
    """Why `day` cannot hold a session of a cohort in programme year `year` (none when it can)."""
    if not year.starts_on <= day <= year.ends_on:
        return [
            (
                "day",
                f"{what} would fall on {long_date(day)}, outside the {year.label} programme year "
                f"({long_date(year.starts_on)} to {long_date(year.ends_on)}).",
            )
        ]
    if school_day(day) != day:
        return [
            (
                "day",
                f"{long_date(day)} is not a school day (weekends and 20 December to 5 January are "
                "holidays). Choose a school day.",
            )
        ]
    return []


def _check_when(event, starts_at, ends_at) -> list[tuple[str, str]]:
    cohort = db.session.get(LeadershipCohort, event.context_id)
    return date_problems(cohort.year, starts_at.date()) if cohort else []


def _member_cohorts(user):
    return _confirmed_cohorts_of(user.id)


def _confirmed_cohorts_of(person_id):
    """The cohorts where the person (an id, or a bound parameter) holds a confirmed place."""
    return select(CohortPlace.cohort_id).where(CohortPlace.person_id == person_id, CohortPlace.status == CONFIRMED)


def _is_member(user, cohort_id) -> bool:
    return db.session.scalar(_member_cohorts(user).where(CohortPlace.cohort_id == cohort_id).limit(1)) is not None


def _facilitated(user):
    """The leadership cohorts this person facilitates: they organise those cohorts' sessions."""
    return select(LeadershipCohort.id).where(LeadershipCohort.facilitator_id == user.id)


def _listable(user):
    return Event.context_id.in_(_member_cohorts(user)) | Event.context_id.in_(_facilitated(user))


# A cohort's label is its name and year, read as columns: not the cohort (with its facilitator) as an object.
_COHORT_LABELS = (
    select(LeadershipCohort.id, LeadershipCohort.name, ProgrammeYear.label)
    .join(ProgrammeYear, ProgrammeYear.id == LeadershipCohort.year_id)
    .where(LeadershipCohort.id.in_(bindparam("ids", expanding=True)))
)


def _labels(ids) -> dict:
    rows = db.session.execute(_COHORT_LABELS, {"ids": list(ids)})
    return {cohort_id: cohort_label(name, year) for cohort_id, name, year in rows}


def register_policy() -> None:
    """Leadership sessions are events owned by a leadership cohort (called from init_app)."""
    register(
        CONTEXT,
        ContextPolicy(
            label="Leadership cohort",
            can_book=lambda user, event: _is_member(user, event.context_id),
            organised_ids=_facilitated,
            listable=_listable,
            labels=_labels,
            check_when=_check_when,
            kinds={
                INTRO: "Introductory day",
                **{module_kind(m.key): f"Module {m.number}: {m.title}" for m in MODULES},
                NETWORK: "Support network meeting",
                SHARING: "Final sharing event",
            },
        ),
    )


def school_day(day):
    """The first weekday on or after `day` outside the winter break (20 December to 5 January), when every
    authority's schools are closed; other holidays differ by authority and are the admin's to adjust."""
    while day.weekday() >= 5 or (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 5):
        day += timedelta(days=1)
    return day


def programme_sessions(
    cohort: LeadershipCohort, *, first_day, actor, place: str = "", online_url: str = "", capacity: int = 30
) -> list[Event]:
    """The cohort's sessions: two introductory days and the final sharing event (everyone attends), the
    five modules and three support network meetings (chosen), spread over the year from `first_day`."""

    def on(day_offset):
        return school_day(first_day + timedelta(days=day_offset))

    plan = [
        ("Introductory day 1: planning for effective collaboration", INTRO, 0, True),
        ("Introductory day 2: planning for effective collaboration", INTRO, 7, True),
    ]
    plan += [(f"Module {m.number}: {m.title}", module_kind(m.key), 35 + 28 * n, False) for n, m in enumerate(MODULES)]
    plan += [(f"Support network meeting {n}", NETWORK, 50 + 56 * (n - 1), False) for n in (1, 2, 3)]
    plan.append(("Final sharing event", SHARING, 245, True))
    problems = [p for title, _, offset, _ in plan for p in date_problems(cohort.year, on(offset), title)]
    if problems:
        raise ServiceError(
            (
                "first_day",
                problems[0][1] + " Choose a first day that lets the whole programme, "
                "about eight months, fit inside the year.",
            )
        )
    created = []
    for title, kind, offset, compulsory in plan:
        start, end = times_for(kind)
        starts, ends = datetime.combine(on(offset), start), datetime.combine(on(offset), end)
        created.append(
            events.create_event(
                actor=actor,
                title=title,
                kind=kind,
                starts_at=starts,
                ends_at=ends,
                context_type=CONTEXT,
                context_id=cohort.id,
                location=place,
                online_url=online_url if not compulsory else "",
                capacity=capacity if not compulsory else None,
                compulsory=compulsory,
                organiser=cohort.facilitator,
            )
        )
    return created


def confirmed_cohort_id(user) -> int | None:
    """The leader's most recent confirmed leadership cohort."""
    return db.session.scalar(_member_cohorts(user).order_by(CohortPlace.id.desc()).limit(1))


def confirmed_cohort_year(person_id):
    """The programme year of the leader's (an id, or a bound parameter) most recent confirmed cohort, as a scalar
    subquery (NULL: none)."""
    latest = _confirmed_cohorts_of(person_id).order_by(CohortPlace.id.desc()).limit(1).scalar_subquery()
    return select(LeadershipCohort.year_id).where(LeadershipCohort.id == latest).scalar_subquery()


def confirmed_cohort(user) -> LeadershipCohort | None:
    cohort_id = confirmed_cohort_id(user)
    return db.session.get(LeadershipCohort, cohort_id) if cohort_id is not None else None


@dataclass
class ModuleChanges:
    """What saving a set of module choices would do to a leader's bookings in their cohort."""

    to_book: list[Event] = field(default_factory=list)
    to_cancel: list[tuple[Event, Booking]] = field(default_factory=list)
    booked: list[Booking] = field(default_factory=list)
    cancelled: list[Event] = field(default_factory=list)
    refused: list[tuple[Event, str]] = field(default_factory=list)


def module_changes(user, keys: set[str]) -> ModuleChanges:
    """The module sessions to book and the bookings to cancel for these choices (nothing is changed).
    Sessions already started or cancelled are left alone: the plan still records the choice."""
    changes = ModuleChanges()
    cohort_id = confirmed_cohort_id(user)
    if cohort_id is None:
        return changes
    found = db.session.scalars(
        select(Event)
        .where(
            Event.context_type == CONTEXT,
            Event.context_id == cohort_id,
            Event.kind.like(f"{MODULE}-%"),
            Event.cancelled.is_(False),
        )
        .order_by(Event.starts_at)
    )
    for event in found:
        if event.has_started():
            continue
        key = event.kind.removeprefix(f"{MODULE}-")
        booking = events.booking_of(event, user)
        if key in keys and (booking is None or booking.status == CANCELLED):
            changes.to_book.append(event)
        elif key not in keys and booking is not None and booking.status != CANCELLED:
            changes.to_cancel.append((event, booking))
    return changes


def apply_module_changes(user, changes: ModuleChanges, *, actor) -> ModuleChanges:
    """Make the bookings and cancellations `module_changes` found; a refusal is kept, never hidden."""
    for event in changes.to_book:
        try:
            changes.booked.append(events.book(event, user, actor=actor))
        except ServiceError as error:
            changes.refused.append((event, str(error)))
    for event, booking in changes.to_cancel:
        try:
            events.cancel(booking, actor=actor)
            changes.cancelled.append(event)
        except ServiceError as error:
            changes.refused.append((event, str(error)))
    return changes


def book_modules(user, keys: set[str], *, actor) -> list[Booking]:
    """Book (or wait-list) the leader's chosen modules in their cohort; cancel modules no longer chosen."""
    return apply_module_changes(user, module_changes(user, keys), actor=actor).booked


def book_compulsory(cohort: LeadershipCohort, user, *, actor) -> None:
    """Everyone attends the introductory days and the sharing event: book them when a place is confirmed."""
    for event in db.session.scalars(
        select(Event).where(Event.context_type == CONTEXT, Event.context_id == cohort.id, Event.compulsory.is_(True))
    ):
        try:
            events.book(event, user, actor=actor)
        except ServiceError:
            continue


def cohort_sessions(cohort: LeadershipCohort) -> list[Event]:
    return list(
        db.session.scalars(
            select(Event).where(Event.context_type == CONTEXT, Event.context_id == cohort.id).order_by(Event.starts_at)
        )
    )
