"""The end-of-year evaluation: a round per school year (the lead officer sets its dates), and each
participant's and facilitator's evaluation of each network they took part in that year (a network cohort, a
themed enquiry or a forum): progress and impact of their project (1-5 and words), what helped, what hindered.
One per person per network per school year, corrected in place until the round closes."""

from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import bindparam, false, literal, select, true, union_all
from sqlalchemy.exc import IntegrityError

from portal.cohorts.models import CohortFacilitator, CohortTeam, NetworkCohort, Nomination
from portal.core.dates import long_date, utcnow
from portal.core.forms import ServiceError
from portal.enquiries.models import Team, TeamFacilitator, TeamMember, Theme
from portal.extensions import db
from portal.feedback.models import NETWORK_KINDS, SCALE, EvaluationRound, NetworkEvaluation
from portal.forums.models import Forum, Membership

TEXT_LIMIT = 2000


@dataclass(frozen=True)
class Network:
    kind: str  # cohort | theme | forum
    id: int
    name: str
    role: str  # participant | facilitator

    @property
    def label(self) -> str:
        return f"{NETWORK_KINDS[self.kind]}: {self.name}"


def year_label(year: int) -> str:
    """The cohorts' and themes' way of writing a school year: 2026 -> "2026-27"."""
    return f"{year}-{str(year + 1)[2:]}"


# --- rounds ------------------------------------------------------------------------------------------------


def _check_dates(opens_on: date, closes_on: date) -> None:
    if closes_on < opens_on:
        raise ServiceError(("closes_on", "The closing date must be on or after the opening date."))


def create_round(*, school_year: int, opens_on: date, closes_on: date, actor) -> EvaluationRound:
    _check_dates(opens_on, closes_on)
    if db.session.scalar(select(EvaluationRound.id).where(EvaluationRound.school_year == school_year)):
        raise ServiceError(("school_year", "That school year already has an end-of-year evaluation."))
    found = EvaluationRound(school_year=school_year, opens_on=opens_on, closes_on=closes_on)
    db.session.add(found)
    db.session.flush()
    return found


def update_round(found: EvaluationRound, *, opens_on: date, closes_on: date, actor) -> EvaluationRound:
    _check_dates(opens_on, closes_on)
    found.opens_on, found.closes_on = opens_on, closes_on
    db.session.flush()
    return found


def open_round(today: date) -> EvaluationRound | None:
    return db.session.scalar(
        select(EvaluationRound)
        .where(EvaluationRound.opens_on <= today, EvaluationRound.closes_on >= today)
        .order_by(EvaluationRound.school_year.desc())
        .limit(1)
    )


# --- whose networks ----------------------------------------------------------------------------------------


def participation(school_year: int, user_id: int | None = None):
    """SQL: one row per way a person takes part in a network in the school year, as (user_id, kind, network_id,
    name, facilitates): nominated to a network cohort of the year or facilitating it (a team's facilitator or a
    key facilitator), a member or facilitator of a team of one of the year's themes, a forum's member (its
    coordinators facilitate) or its officer. The one rule of who evaluates what: the person's own list, "In
    hand" and the reminder all read it (`user_id` keeps one person's rows)."""
    return _participation(year_label(school_year), user_id)


def _participation(label, user_id):
    """participation() for a school year's label (a value or a bound parameter)."""
    cohort_name = NetworkCohort.school_year + " " + NetworkCohort.letter

    def rows(person, kind: str, network_id, name, facilitates, joins=(), where=()):
        stmt = select(
            person.label("user_id"),
            literal(kind).label("kind"),
            network_id.label("network_id"),
            name.label("name"),
            facilitates.label("facilitates"),
        )
        for target, on in joins:
            stmt = stmt.join(target, on)
        stmt = stmt.where(person.is_not(None), *where)
        return stmt.where(person == user_id) if user_id is not None else stmt

    def cohort(person, cohort_id, facilitates):
        joins = [(NetworkCohort, NetworkCohort.id == cohort_id)]
        return rows(
            person, "cohort", NetworkCohort.id, cohort_name, facilitates, joins, [NetworkCohort.school_year == label]
        )

    def theme(person, team_id, facilitates):
        joins = [(Team, Team.id == team_id), (Theme, Theme.id == Team.theme_id)]
        return rows(person, "theme", Theme.id, Theme.title, facilitates, joins, [Theme.school_year == label])

    return union_all(
        cohort(Nomination.leader_id, Nomination.cohort_id, false()),
        cohort(Nomination.practitioner_id, Nomination.cohort_id, false()),
        cohort(CohortTeam.facilitator_id, CohortTeam.cohort_id, true()),
        cohort(CohortFacilitator.user_id, CohortFacilitator.cohort_id, true()),
        theme(TeamMember.user_id, TeamMember.team_id, false()),
        theme(TeamFacilitator.user_id, TeamFacilitator.team_id, true()),
        rows(
            Membership.user_id,
            "forum",
            Forum.id,
            Forum.name,
            Membership.coordinator,
            [(Forum, Forum.id == Membership.forum_id)],
        ),
        rows(Forum.officer_id, "forum", Forum.id, Forum.name, true()),
    )


def networks_of(user_id: int, school_year: int) -> list[Network]:
    """The networks this person took part in during the school year, with their role (facilitating wins); one
    query."""
    found: dict[tuple[str, int], Network] = {}
    for _, kind, network_id, name, facilitates in db.session.execute(participation(school_year, user_id)):
        role = "facilitator" if facilitates else "participant"
        if (kind, network_id) not in found or role == "facilitator":
            found[(kind, network_id)] = Network(kind, network_id, name, role)
    return sorted(found.values(), key=lambda n: (list(NETWORK_KINDS).index(n.kind), n.name))


@cache
def _anyone_takes_part():
    """participation(...).limit(1) for a bound label and person: built once per process (the home page asks)."""
    return _participation(bindparam("label"), bindparam("user_id")).limit(1)


def takes_part(user_id: int, school_year: int) -> bool:
    """Whether this person has any network to evaluate in the school year (one query)."""
    found = db.session.execute(_anyone_takes_part(), {"label": year_label(school_year), "user_id": user_id})
    return found.first() is not None


def network_of(user_id: int, school_year: int, kind: str, network_id: int) -> Network | None:
    return next((n for n in networks_of(user_id, school_year) if (n.kind, n.id) == (kind, network_id)), None)


def evaluations_of(round_id: int, user_id: int) -> dict[tuple[str, int], NetworkEvaluation]:
    rows = db.session.scalars(
        select(NetworkEvaluation).where(NetworkEvaluation.round_id == round_id, NetworkEvaluation.user_id == user_id)
    )
    return {(e.network_kind, e.network_id): e for e in rows}


# --- answering -----------------------------------------------------------------------------------------------


def _check(progress, impact, texts: dict) -> dict:
    errors = [
        (f, "Choose a number from 1 to 5.") for f, v in (("progress", progress), ("impact", impact)) if v not in SCALE
    ]
    clean = {k: (v or "").strip() for k, v in texts.items()}
    errors += [(k, f"Write at most {TEXT_LIMIT:,} characters.") for k, v in clean.items() if len(v) > TEXT_LIMIT]
    if errors:
        raise ServiceError(*errors)
    return clean


def _check_open(found: EvaluationRound, today: date) -> None:
    if today < found.opens_on:
        raise ServiceError((None, f"The evaluation opens on {long_date(found.opens_on)}."))
    if today > found.closes_on:
        raise ServiceError((None, f"The evaluation closed on {long_date(found.closes_on)}."))


def submit(
    found: EvaluationRound,
    network: Network,
    *,
    progress,
    impact,
    progress_text: str,
    helped: str,
    hindered: str,
    actor,
    today: date,
    correct: bool = False,
) -> NetworkEvaluation:
    """Give (or, with `correct`, correct) this person's evaluation of one of their networks."""
    _check_open(found, today)
    texts = _check(progress, impact, {"progress_text": progress_text, "helped": helped, "hindered": hindered})
    mine = evaluations_of(found.id, actor.id).get((network.kind, network.id))
    already = (
        None,
        f"You have already evaluated {network.label}. What you typed is kept below: send it to replace your "
        f"earlier answer (you can correct it until {long_date(found.closes_on)}).",
    )
    if mine is not None and not correct:
        raise ServiceError(already)
    if mine is None:
        mine = NetworkEvaluation(
            round_id=found.id, network_kind=network.kind, network_id=network.id, user_id=actor.id, role=network.role
        )
    mine.progress, mine.impact, mine.role = progress, impact, network.role
    mine.progress_text, mine.helped, mine.hindered = texts["progress_text"], texts["helped"], texts["hindered"]
    mine.updated_at = utcnow()
    try:
        with db.session.begin_nested():
            db.session.add(mine)
            db.session.flush()
    except IntegrityError:
        raise ServiceError(already) from None
    return mine
