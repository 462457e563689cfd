"""Rules for cohorts and nominations: creating cohorts, nominating, naming people, proceeding past rules."""

from sqlalchemy import func, select

from portal.accounts.models import User
from portal.accounts.services import find_by_email, invite_person
from portal.audit.services import record as audit
from portal.cohorts import rules, sessions, survey
from portal.cohorts.access import can_edit_nominations, can_manage_cohorts
from portal.cohorts.models import (
    EVENT_DATES,
    STAGES,
    CohortFacilitator,
    NetworkCohort,
    Nomination,
    RuleWaiver,
)
from portal.cohorts.queries import design_inputs
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.notifications.services import notify, portal_path


def _admin(actor) -> None:
    if not can_manage_cohorts(actor):
        raise ServiceError((None, "Only the partnership lead officer can do this."))


def save_cohort(
    cohort: NetworkCohort | None,
    *,
    actor,
    school_year: str,
    letter: str,
    interests: str,
    team_count: int = 8,
    dates: dict | None = None,
) -> NetworkCohort:
    """Create or update a cohort with its interests list and dates; its core events follow the dates."""
    _admin(actor)
    school_year, letter = school_year.strip(), letter.strip().upper()
    if (
        len(school_year) != 7
        or school_year[4] != "-"
        or not (school_year[:4] + school_year[5:]).isdigit()
        or (int(school_year[:4]) + 1) % 100 != int(school_year[5:])
    ):
        raise ServiceError(("school_year", "Enter the school year like 2026-27."))
    if letter not in {"A", "B"}:
        raise ServiceError(("letter", "Choose cohort A or B."))
    clash = db.session.scalar(
        select(NetworkCohort.id).where(NetworkCohort.school_year == school_year, NetworkCohort.letter == letter)
    )
    if clash and (cohort is None or clash != cohort.id):
        raise ServiceError(("letter", f"Cohort {school_year} {letter} already exists."))
    lines = [line.strip() for line in interests.splitlines() if line.strip()]
    if len(lines) < 3:
        raise ServiceError(("interests", "List at least three interests, one per line."))
    if len({line.lower() for line in lines}) != len(lines):
        raise ServiceError(("interests", "Each interest may appear only once."))
    dates = dates or {}
    if (
        dates.get("survey_opens_on")
        and dates.get("survey_closes_on")
        and dates["survey_closes_on"] < dates["survey_opens_on"]
    ):
        raise ServiceError(("survey_closes_on", "The survey must close after it opens."))
    problems = sessions.date_problems(dates.get("launch_on"), dates.get("sharing_on"), dates)
    if problems:
        raise ServiceError(*problems)
    created = cohort is None
    if cohort is None:
        cohort = NetworkCohort(stage="nominating")
        db.session.add(cohort)
    before = {attr: getattr(cohort, attr) for attr, _ in EVENT_DATES}
    cohort.school_year, cohort.letter, cohort.team_count = school_year, letter, team_count
    cohort.interests_text = "\n".join(lines)
    for attr, _ in EVENT_DATES:
        setattr(cohort, attr, dates.get(attr))
    db.session.flush()
    after = {attr: getattr(cohort, attr) for attr, _ in EVENT_DATES}
    if created:
        audit(actor, "cohort.created", cohort, after={"name": cohort.name, **after})
    elif before != after:
        changed = [attr for attr in after if before[attr] != after[attr]]
        audit(
            actor,
            "cohort.dates_changed",
            cohort,
            before={a: before[a] for a in changed},
            after={a: after[a] for a in changed},
        )
    sessions.sync_events(cohort, actor=actor)
    return cohort


def _check_may_nominate(cohort, authority_id, actor) -> None:
    if not can_edit_nominations(actor, cohort, authority_id):
        raise ServiceError((None, "You can change nominations of your own LA only, while the cohort takes them."))


def nominate(cohort: NetworkCohort, establishment, *, actor) -> Nomination:
    """Nominate one establishment of the actor's LA (at most ten per LA per cohort)."""
    _check_may_nominate(cohort, establishment.authority_id, actor)
    count = db.session.scalar(
        select(func.count(Nomination.id)).where(
            Nomination.cohort_id == cohort.id, Nomination.authority_id == establishment.authority_id
        )
    )
    if count >= rules.LA_MAX:
        raise ServiceError(("establishment", f"An LA nominates at most {rules.LA_MAX} establishments a cohort."))
    if db.session.scalar(
        select(Nomination.id).where(Nomination.cohort_id == cohort.id, Nomination.establishment_id == establishment.id)
    ):
        raise ServiceError(("establishment", f"{establishment.name} is already nominated."))
    nomination = Nomination(
        cohort=cohort,
        establishment=establishment,
        authority_id=establishment.authority_id,
        nominated_by_id=actor.id,
    )
    db.session.add(nomination)
    db.session.flush()
    audit(actor, "nomination.added", nomination, after={"cohort": cohort.id, "establishment": establishment.id})
    return nomination


def name_person(
    nomination: Nomination, slot: str, *, actor, person: User | None = None, name: str = "", email: str = ""
) -> User:
    """Name the nomination's promoted member of staff ("leader") or practitioner: an existing person of the
    establishment, or a new person invited by e-mail."""
    _check_may_nominate(nomination.cohort, nomination.authority_id, actor)
    leader = slot == "leader"
    invited = False
    if person is None:
        if not name.strip() or not email.strip():
            raise ServiceError(
                (
                    f"{slot}_name",
                    "Choose someone from the list, or give a name and e-mail address to invite someone new.",
                )
            )
        existing = find_by_email(email)
        if existing is not None:
            person = existing
        else:
            invited = True
            try:
                person = invite_person(
                    actor=actor,
                    name=name,
                    email=email,
                    establishment=nomination.establishment,
                    job_title="",
                    promoted=leader,
                    roles={Role.SENIOR_LEADER if leader else Role.PRACTITIONER},
                )
            except ServiceError as error:
                errors = ((f"{slot}_email" if f == "email" else None, m) for f, m in error.errors)
                raise ServiceError(*errors) from None
    if person.establishment_id != nomination.establishment_id:
        raise ServiceError(
            (
                f"{slot}_email" if email else slot,
                f"{person.name} does not work at {nomination.establishment.name}.",
            )
        )
    if leader and not person.promoted:
        raise ServiceError((slot, f"{person.name} does not hold a promoted post: the first person named must."))
    other = nomination.practitioner_id if leader else nomination.leader_id
    if other == person.id:
        raise ServiceError((slot, "Name two different people."))
    check_not_elsewhere(nomination.cohort, person, slot)
    before = nomination.leader_id if leader else nomination.practitioner_id
    setattr(nomination, "leader" if leader else "practitioner", person)
    db.session.flush()
    audit(actor, "nomination.person_named", nomination, before={slot: before}, after={slot: person.id})
    cohort = nomination.cohort
    # Someone invited just now gets the invitation e-mail as their one message.
    notify(
        [] if invited else [person],
        "nomination",
        f"You are nominated for Collaborative Learning Network cohort {cohort.name}",
        f"{actor.name} named you for {nomination.establishment.name}. The interests survey comes next.",
        portal_path("cohorts.show_cohort", cohort_id=cohort.id),
        actor=actor,
    )
    return person


def check_not_elsewhere(cohort: NetworkCohort, person: User, slot: str) -> None:
    """A participant is not also this cohort's facilitator, nor named in a cohort of the same school year (the
    two run at the same time)."""
    if db.session.scalar(
        select(CohortFacilitator.id).where(
            CohortFacilitator.cohort_id == cohort.id, CohortFacilitator.user_id == person.id
        )
    ):
        raise ServiceError((slot, f"{person.name} is a key facilitator of this cohort and cannot also take part."))
    other = db.session.scalar(
        select(NetworkCohort)
        .join(Nomination, Nomination.cohort_id == NetworkCohort.id)
        .where(
            NetworkCohort.school_year == cohort.school_year,
            NetworkCohort.id != cohort.id,
            (Nomination.leader_id == person.id) | (Nomination.practitioner_id == person.id),
        )
        .limit(1)
    )
    if other is not None:
        raise ServiceError(
            (
                slot,
                f"{person.name} is already named in cohort {other.school_year} {other.letter}, "
                "which runs at the same time.",
            )
        )


def remove_nomination(nomination: Nomination, *, actor) -> None:
    _check_may_nominate(nomination.cohort, nomination.authority_id, actor)
    audit(
        actor,
        "nomination.removed",
        nomination,
        before={
            "cohort": nomination.cohort_id,
            "establishment": nomination.establishment_id,
            "leader": nomination.leader_id,
            "practitioner": nomination.practitioner_id,
        },
    )
    db.session.delete(nomination)
    db.session.flush()


def add_facilitator(
    cohort: NetworkCohort, person: User, *, actor, authority_id: int, interests: str = ""
) -> CohortFacilitator:
    """Name a key facilitator for the cohort on behalf of an LA."""
    _check_may_nominate(cohort, authority_id, actor)
    if not person.has_role(Role.KEY_FACILITATOR):
        raise ServiceError(("facilitator", f"{person.name} is not a key facilitator."))
    if person.home_authority_id != authority_id:
        raise ServiceError(("facilitator", "Name a key facilitator from your own LA."))
    if db.session.scalar(
        select(CohortFacilitator.id).where(
            CohortFacilitator.cohort_id == cohort.id, CohortFacilitator.user_id == person.id
        )
    ):
        raise ServiceError(("facilitator", f"{person.name} is already named for this cohort."))
    if db.session.scalar(
        select(Nomination.id).where(
            Nomination.cohort_id == cohort.id,
            (Nomination.leader_id == person.id) | (Nomination.practitioner_id == person.id),
        )
    ):
        raise ServiceError(("facilitator", f"{person.name} takes part in this cohort and cannot also facilitate it."))
    row = CohortFacilitator(
        cohort_id=cohort.id,
        user=person,
        authority_id=authority_id,
        interests_text=interests.strip(),
        nominated_by_id=actor.id,
    )
    db.session.add(row)
    db.session.flush()
    audit(actor, "cohort.facilitator_named", person, after={"cohort": cohort.id, "authority": authority_id})
    return row


def remove_facilitator(row: CohortFacilitator, cohort: NetworkCohort, *, actor) -> None:
    _check_may_nominate(cohort, row.authority_id, actor)
    audit(actor, "cohort.facilitator_removed", ("user_account", row.user_id), before={"cohort": cohort.id})
    db.session.delete(row)
    db.session.flush()


def design_checks(cohort: NetworkCohort) -> list[rules.DesignCheck]:
    return rules.check_design(**design_inputs(cohort), teams=cohort.team_count)


def advance(cohort: NetworkCohort, *, actor, reason: str = "") -> str:
    """Move the cohort to its next stage; past failing soft rules only with a recorded reason."""
    _admin(actor)
    if cohort.stage in ("matching", "published"):
        raise ServiceError((None, "Matching moves the cohort on from here: publish the teams."))
    if cohort.stage == "nominating":
        checks = design_checks(cohort)
        if hard := rules.blocking(checks):
            raise ServiceError(*((None, f"{c.label}: {c.detail}.") for c in hard))
        soft = rules.waivable(checks)
        if soft and len(reason.strip()) < 10:
            raise ServiceError(("reason", "Some rules are not met: say why the cohort should go ahead anyway."))
        for check in soft:
            db.session.add(
                RuleWaiver(
                    cohort_id=cohort.id,
                    rule=check.key,
                    detail=check.detail,
                    reason=reason.strip(),
                    by_id=actor.id,
                    at=utcnow(),
                )
            )
    stage_before = cohort.stage
    cohort.stage = STAGES[STAGES.index(cohort.stage) + 1]
    db.session.flush()
    audit(actor, "cohort.advanced", cohort, before={"stage": stage_before}, after={"stage": cohort.stage})
    if cohort.stage == "survey":
        _confirm_nominations(cohort, actor)
    return cohort.stage


def _confirm_nominations(cohort: NetworkCohort, actor) -> None:
    """Nominations close: the nominated people are e-mailed that their place is confirmed and the survey is open
    (one invitation each, through the outbox; "In hand" shows it until they answer), and each LA officer who
    nominated hears their nominations are confirmed."""
    noms = db.session.scalars(select(Nomination).where(Nomination.cohort_id == cohort.id)).unique().all()
    survey.invite_everyone(cohort)
    officers = db.session.scalars(select(User).where(User.id.in_({n.nominated_by_id for n in noms} - {None})))
    notify(
        officers,
        "nomination",
        f"Nominations for network cohort {cohort.name} are confirmed",
        f"{len(noms)} establishments take part.",
        portal_path("cohorts.show_cohort", cohort_id=cohort.id),
        actor=actor,
    )
