"""Programme years and leadership cohorts: LA officers nominate senior leaders, the admin confirms (max 30)."""

from datetime import date

from sqlalchemy import func, select

from portal.accounts.services import find_by_email
from portal.core.access import officer_authority_id
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.leadership import sessions
from portal.leadership.models import (
    CONFIRMED,
    MAX_COHORT,
    NOMINATED,
    CohortPlace,
    LeadershipCohort,
    ProgrammeYear,
)


def create_year(*, label: str, starts_on: date, ends_on: date, actor) -> ProgrammeYear:
    """A programme year, e.g. 2026-27."""
    label = (label or "").strip()
    if ends_on <= starts_on:
        raise ServiceError(("ends_on", "The year must end after it starts."))
    if db.session.scalar(select(ProgrammeYear.id).where(ProgrammeYear.label == label)):
        raise ServiceError(("label", "That programme year already exists."))
    year = ProgrammeYear(label=label, starts_on=starts_on, ends_on=ends_on)
    db.session.add(year)
    db.session.flush()
    return year


def create_cohort(
    year: ProgrammeYear, *, name: str, actor, first_day: date | None = None, place: str = ""
) -> LeadershipCohort:
    """A cohort; with `first_day`, its programme of sessions (events) too."""
    name = (name or "").strip()
    if db.session.scalar(
        select(LeadershipCohort.id).where(LeadershipCohort.year_id == year.id, LeadershipCohort.name == name)
    ):
        raise ServiceError(("name", "That year already has a cohort with this name."))
    cohort = LeadershipCohort(year_id=year.id, name=name)
    db.session.add(cohort)
    db.session.flush()
    if first_day:
        sessions.programme_sessions(cohort, first_day=first_day, actor=actor, place=place)
    return cohort


def _locked_count(cohort: LeadershipCohort, status: str) -> int:
    # Lock the cohort row first so two confirmations at once cannot both take the 30th place.
    db.session.execute(select(LeadershipCohort.id).where(LeadershipCohort.id == cohort.id).with_for_update())
    return db.session.scalar(
        select(func.count(CohortPlace.id)).where(CohortPlace.cohort_id == cohort.id, CohortPlace.status == status)
    )


def _full_message(cohort: LeadershipCohort) -> str:
    return f"{cohort.name} already has {MAX_COHORT} participants, the most a leadership cohort can hold."


def nominate(cohort: LeadershipCohort, email: str, *, actor) -> CohortPlace:
    """An LA officer nominates a senior leader of their own LA (the admin may nominate anyone)."""
    person = find_by_email(email or "")
    if person is None or not person.has_role(Role.SENIOR_LEADER):
        raise ServiceError(("email", "Enter the e-mail address of a senior leader who uses the portal."))
    la = officer_authority_id(actor)
    if not actor.has_role(Role.ADMIN) and (la is None or person.home_authority_id != la):
        raise ServiceError(("email", "You can nominate senior leaders of your own local authority only."))
    if db.session.scalar(
        select(CohortPlace.id).where(CohortPlace.cohort_id == cohort.id, CohortPlace.person_id == person.id)
    ):
        raise ServiceError(("email", f"{person.name} is already nominated for this cohort."))
    if _locked_count(cohort, CONFIRMED) >= MAX_COHORT:
        raise ServiceError(("email", _full_message(cohort)))
    place = CohortPlace(cohort_id=cohort.id, person_id=person.id, nominated_by_id=actor.id, status=NOMINATED)
    db.session.add(place)
    db.session.flush()
    return place


def confirm(place: CohortPlace, *, actor) -> None:
    """The admin confirms a nomination; the 31st participant is refused."""
    if place.status == CONFIRMED:
        return
    cohort = db.session.get(LeadershipCohort, place.cohort_id)
    if _locked_count(cohort, CONFIRMED) >= MAX_COHORT:
        raise ServiceError((None, _full_message(cohort)))
    place.status = CONFIRMED
    db.session.flush()
    sessions.book_compulsory(cohort, place.person, actor=actor)


def places(cohort: LeadershipCohort, actor) -> list[CohortPlace]:
    """The cohort's places an actor may see: all for the admin and the facilitator, own LA for an officer."""
    stmt = select(CohortPlace).where(CohortPlace.cohort_id == cohort.id).order_by(CohortPlace.id)
    rows = list(db.session.scalars(stmt))
    la = officer_authority_id(actor)
    if actor.has_role(Role.ADMIN) or cohort.facilitator_id == actor.id or la is None:
        return rows
    return [p for p in rows if p.person.home_authority_id == la]
