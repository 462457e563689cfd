"""Read-side queries for cohorts: grouped counts and lists whose query count does not grow with the data."""

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import aliased, defaultload, lazyload, selectinload

from portal.accounts.models import User
from portal.cohorts.models import (
    CohortFacilitator,
    CohortTeam,
    ConfidenceResponse,
    FutureFacilitatorFlag,
    InterestResponse,
    NetworkCohort,
    Nomination,
    RuleWaiver,
    SupportMeeting,
)
from portal.core.lists import ListQuery, fill_lists, list_query
from portal.core.roles import Role
from portal.extensions import db
from portal.organisations.models import Establishment, LocalAuthority


def authorities() -> list[LocalAuthority]:
    return list(db.session.scalars(select(LocalAuthority).order_by(LocalAuthority.name)))


def cohorts_for(user) -> list[NetworkCohort]:
    """Staff see every cohort; participants and facilitators the cohorts they are part of."""
    every = user.has_role(Role.ADMIN, Role.LA_OFFICER)
    return list(db.session.scalars(_cohorts_query(every), {} if every else {"user_id": user.id}))


@cache
def _cohorts_query(every: bool):
    """cohorts_for's statement, built once per process (every cohort, or a person's own)."""
    stmt = select(NetworkCohort).order_by(NetworkCohort.school_year.desc(), NetworkCohort.letter)
    if every:
        return stmt
    user_id = bindparam("user_id")
    mine = select(Nomination.cohort_id).where(
        or_(Nomination.leader_id == user_id, Nomination.practitioner_id == user_id)
    )
    facilitating = select(CohortFacilitator.cohort_id).where(CohortFacilitator.user_id == user_id)
    return stmt.where(or_(NetworkCohort.id.in_(mine), NetworkCohort.id.in_(facilitating)))


def nomination_counts(cohort_ids: list[int]) -> dict[int, int]:
    return dict(db.session.execute(_NOMINATION_COUNTS, {"ids": list(cohort_ids)}).all())


_NOMINATION_COUNTS = (
    select(Nomination.cohort_id, func.count(Nomination.id))
    .where(Nomination.cohort_id.in_(bindparam("ids", expanding=True)))
    .group_by(Nomination.cohort_id)
)


def design_inputs(cohort: NetworkCohort) -> dict:
    """Counts the design rules need, in two statements built once per process: each LA's nominations,
    participants and facilitators, and the sectors nominated."""
    by_la = db.session.execute(_design_query(), {"cohort_id": cohort.id}).all()
    sectors = set(db.session.scalars(_SECTORS, {"cohort_id": cohort.id}))
    return {
        "per_authority": {name: nominated for name, nominated, _, _ in by_la},
        "facilitators_per_authority": {name: facilitators for name, _, _, facilitators in by_la},
        "sectors": sectors,
        "participants": sum(people for _, _, people, _ in by_la),
    }


@cache
def _design_query():
    """Every LA by name with the cohort's nominations, people named and key facilitators in it."""
    cohort_id = bindparam("cohort_id")
    nominated = Nomination.cohort_id == cohort_id, Nomination.authority_id == LocalAuthority.id
    facilitating = CohortFacilitator.cohort_id == cohort_id, CohortFacilitator.authority_id == LocalAuthority.id
    return select(
        LocalAuthority.name,
        select(func.count(Nomination.id)).where(*nominated).scalar_subquery(),
        select(func.count(Nomination.leader_id) + func.count(Nomination.practitioner_id))
        .where(*nominated)
        .scalar_subquery(),
        select(func.count(CohortFacilitator.id)).where(*facilitating).scalar_subquery(),
    ).order_by(LocalAuthority.name)


_SECTORS = (
    select(Establishment.sector)
    .distinct()
    .join(Nomination, Nomination.establishment_id == Establishment.id)
    .where(Nomination.cohort_id == bindparam("cohort_id"))
)


# A nomination's people are shown by name: their own establishment and LA (joined by default: four more tables
# per nomination) load on use instead, as does the cohort of a cohort's nominations (the caller has it loaded).
_PEOPLE_BY_NAME = tuple(
    defaultload(person).lazyload(attr)
    for person in (Nomination.leader, Nomination.practitioner)
    for attr in (User.establishment, User.authority)
)


def nominations(cohort: NetworkCohort, authority_id: int | None = None) -> list[Nomination]:
    stmt = (
        select(Nomination)
        .where(Nomination.cohort_id == cohort.id)
        .join(Establishment, Establishment.id == Nomination.establishment_id)
        .options(*_PEOPLE_BY_NAME, lazyload(Nomination.cohort))
        .order_by(Establishment.name)
    )
    if authority_id is not None:
        stmt = stmt.where(Nomination.authority_id == authority_id)
    return list(db.session.scalars(stmt).unique())


class Entry(NamedTuple):
    """A nominated establishment as the matching board shows it and the engine reads it: names, not records (the
    board reads a cohort's fifty nominations, each with four joined records, on every request)."""

    establishment_id: int
    name: str
    sector: str
    authority: str
    leader_id: int | None
    leader_name: str | None
    practitioner_id: int | None
    practitioner_name: str | None

    @property
    def people(self) -> list[tuple[int, str]]:
        """(id, name) of the leader and the practitioner named for it."""
        found = [(self.leader_id, self.leader_name), (self.practitioner_id, self.practitioner_name)]
        return [person for person in found if person[0] is not None]


def entries(cohort: NetworkCohort) -> list[Entry]:
    """The cohort's nominated establishments by name (one statement, built once per process)."""
    return [Entry(*row) for row in db.session.execute(_entries_query(), {"cohort_id": cohort.id})]


@cache
def _entries_query():
    leader, practitioner = aliased(User), aliased(User)
    return (
        select(
            Nomination.establishment_id,
            Establishment.name,
            Establishment.sector,
            LocalAuthority.name,
            Nomination.leader_id,
            leader.name,
            Nomination.practitioner_id,
            practitioner.name,
        )
        .join(Establishment, Establishment.id == Nomination.establishment_id)
        .join(LocalAuthority, LocalAuthority.id == Nomination.authority_id)
        .outerjoin(leader, leader.id == Nomination.leader_id)
        .outerjoin(practitioner, practitioner.id == Nomination.practitioner_id)
        .where(Nomination.cohort_id == bindparam("cohort_id"))
        .order_by(Establishment.name, Nomination.id)
    )


def facilitators(cohort: NetworkCohort, authority_id: int | None = None) -> list[CohortFacilitator]:
    stmt = select(CohortFacilitator).where(CohortFacilitator.cohort_id == cohort.id)
    if authority_id is not None:
        stmt = stmt.where(CohortFacilitator.authority_id == authority_id)
    return list(db.session.scalars(stmt.join(User, User.id == CohortFacilitator.user_id).order_by(User.name)))


def available_facilitators(authority_id: int) -> list[User]:
    """Key facilitators who work in (or for) the LA."""
    from portal.accounts.models import UserRole

    in_la = select(Establishment.id).where(Establishment.authority_id == authority_id)
    stmt = (
        select(User)
        .join(UserRole, UserRole.user_id == User.id)
        .where(UserRole.role == str(Role.KEY_FACILITATOR))
        .where(or_(User.authority_id == authority_id, User.establishment_id.in_(in_la)))
        .where(User.active.is_(True))
        .order_by(User.name)
    )
    return list(db.session.scalars(stmt).unique())


def unnominated_establishments(cohort: NetworkCohort, authority_id: int) -> list[Establishment]:
    taken = select(Nomination.establishment_id).where(Nomination.cohort_id == cohort.id)
    return list(
        db.session.scalars(
            select(Establishment)
            .where(Establishment.authority_id == authority_id, Establishment.id.not_in(taken))
            .order_by(Establishment.name)
        )
    )


def staff_of(establishment_id: int) -> list[User]:
    return list(
        db.session.scalars(
            select(User).where(User.establishment_id == establishment_id, User.active.is_(True)).order_by(User.name)
        )
    )


def participant_nomination(cohort: NetworkCohort, user) -> Nomination | None:
    return db.session.scalar(
        select(Nomination).where(
            Nomination.cohort_id == cohort.id,
            or_(Nomination.leader_id == user.id, Nomination.practitioner_id == user.id),
        )
    )


@dataclass(frozen=True)
class Answer:
    """A participant's interests survey answer as pages read it: what they chose and wrote, not the record (the
    matching board reads a cohort's hundred answers on every request; `survey.answer_interests` writes them)."""

    user_id: int
    first: str
    second: str
    third: str
    hunch: str

    @property
    def ranked(self) -> list[str]:
        return [self.first, self.second, self.third]


def responses_by_user(cohort: NetworkCohort, user_ids=None) -> dict[int, Answer]:
    """Survey answers by person: everyone's in the cohort, or only those of `user_ids` (a team's members)."""
    params = {"cohort_id": cohort.id, "user_ids": sorted(user_ids) if user_ids is not None else None}
    return {r.user_id: Answer(*r) for r in db.session.execute(_responses_query(user_ids is not None), params)}


def hunches_by_establishment(entries: list[Entry], answers: dict[int, Answer]) -> dict[str, list[tuple]]:
    """(name, hunch) of each nominated person who answered, by establishment id (as the matching board keys it)."""
    return {
        str(n.establishment_id): [(name, answers[pid].hunch) for pid, name in n.people if pid in answers]
        for n in entries
    }


@cache
def _responses_query(some: bool):
    """responses_by_user's statement, built once per process (everyone's answers, or some people's)."""
    answer = InterestResponse
    stmt = select(answer.user_id, answer.first, answer.second, answer.third, answer.hunch).where(
        answer.cohort_id == bindparam("cohort_id")
    )
    return stmt.where(InterestResponse.user_id.in_(bindparam("user_ids", expanding=True))) if some else stmt


def waivers(cohort: NetworkCohort) -> list[RuleWaiver]:
    return list(db.session.scalars(_WAIVERS, {"cohort_id": cohort.id}))


# Built once per process (the cohort page asks on every request); who waived a rule is shown by name.
_WAIVERS = (
    select(RuleWaiver)
    .where(RuleWaiver.cohort_id == bindparam("cohort_id"))
    .options(*(defaultload(RuleWaiver.by).lazyload(attr) for attr in (User.establishment, User.authority)))
    .order_by(RuleWaiver.at)
)
_CONFIDENCE = select(ConfidenceResponse.user_id, ConfidenceResponse.phase, ConfidenceResponse.answers).where(
    ConfidenceResponse.cohort_id == bindparam("cohort_id")
)
_FLAGGED = select(FutureFacilitatorFlag.user_id).where(FutureFacilitatorFlag.cohort_id == bindparam("cohort_id"))


def confidence_pairs(cohort: NetworkCohort) -> list[tuple[dict, dict]]:
    """(start answers, end answers) for everyone who answered both."""
    rows = db.session.execute(_CONFIDENCE, {"cohort_id": cohort.id}).all()
    by_user: dict[int, dict] = {}
    for user_id, phase, answers in rows:
        by_user.setdefault(user_id, {})[phase] = answers
    return [(p["start"], p["end"]) for p in by_user.values() if "start" in p and "end" in p]


def confidence_of(cohort: NetworkCohort, user) -> dict[str, dict]:
    rows = db.session.scalars(
        select(ConfidenceResponse).where(
            ConfidenceResponse.cohort_id == cohort.id, ConfidenceResponse.user_id == user.id
        )
    )
    return {r.phase: r.answers for r in rows}


def flagged_ids(cohort: NetworkCohort) -> set[int]:
    return set(db.session.scalars(_FLAGGED, {"cohort_id": cohort.id}))


def teams(cohort: NetworkCohort) -> list[CohortTeam]:
    return list(
        db.session.scalars(
            select(CohortTeam)
            .where(CohortTeam.cohort_id == cohort.id)
            .options(selectinload(CohortTeam.nominations), selectinload(CohortTeam.meetings))
            .order_by(CohortTeam.number)
        )
    )


def replacements(nominations: list[Nomination]) -> dict[int, list[User]]:
    """Establishment id -> the active people who work there and are not yet named for it: who may replace a
    person of a placed establishment after publication (one query)."""
    named = {p.id for n in nominations for p in n.people}
    rows = db.session.scalars(
        select(User)
        .where(User.establishment_id.in_([n.establishment_id for n in nominations]), User.active.is_(True))
        .order_by(User.name)
    )
    found: dict[int, list[User]] = {}
    for person in rows:
        if person.id not in named:
            found.setdefault(person.establishment_id, []).append(person)
    return found


_TEAM = (  # the facilitator by name: their establishment and LA load on use
    select(CohortTeam)
    .where(CohortTeam.id == bindparam("team_id"))
    .options(*(defaultload(CohortTeam.facilitator).lazyload(attr) for attr in (User.establishment, User.authority)))
)


@cache
def _team_lists() -> dict[str, ListQuery]:
    """A team's members (people by name; their cohort is the team's) and meetings, each read by a statement built
    once per process (core.lists)."""
    return {
        "nominations": list_query(CohortTeam, "nominations", *_PEOPLE_BY_NAME, lazyload(Nomination.cohort)),
        "meetings": list_query(CohortTeam, "meetings"),
    }


def team_with_members(team_id: int) -> CohortTeam | None:
    team = db.session.scalar(_TEAM, {"team_id": team_id})
    if team is not None:
        fill_lists(team, _team_lists())
    return team


def teams_of(user) -> list[CohortTeam]:
    """The teams a person belongs to or facilitates."""
    return list(db.session.scalars(_teams_of_query(), {"user_id": user.id}))


@cache
def _teams_of_query():
    """teams_of's statement, built once per process (the cohorts list asks on every request)."""
    user_id = bindparam("user_id")
    member = select(Nomination.team_id).where(
        or_(Nomination.leader_id == user_id, Nomination.practitioner_id == user_id)
    )
    return (
        select(CohortTeam)
        .where(or_(CohortTeam.id.in_(member), CohortTeam.facilitator_id == user_id))
        .options(selectinload(CohortTeam.meetings))
        .order_by(CohortTeam.id.desc())
    )


__all__ = ["SupportMeeting"]


def constraints(cohort: NetworkCohort) -> list:
    from portal.cohorts.models import MatchingConstraint

    return list(db.session.scalars(select(MatchingConstraint).where(MatchingConstraint.cohort_id == cohort.id)))


def establishment_name(est_id: int) -> str:
    return db.session.scalar(select(Establishment.name).where(Establishment.id == est_id)) or str(est_id)
