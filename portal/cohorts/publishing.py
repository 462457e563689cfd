"""Publishing a cohort's teams: team records and their network enquiry teams, facilitators by best fit,
notifications, the record kept."""

from dataclasses import dataclass

from sqlalchemy import bindparam, select

from portal.accounts.models import User
from portal.audit.services import record as audit
from portal.cohorts import network_teams, queries, services, teams
from portal.cohorts.access import can_manage_cohorts
from portal.cohorts.models import CohortFacilitator, CohortTeam, MatchingRecord, NetworkCohort, Nomination
from portal.cohorts.rules import assign_facilitators
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.extensions import db
from portal.notifications import services as notifications


def facilitator_fit(cohort: NetworkCohort, plan_teams: list[list[int]], dominant: list[list[str]]) -> dict[int, int]:
    """Team index -> facilitator user id: best fit of interests and own LA (rules.assign_facilitators)."""
    noms = {n.id: n for n in queries.nominations(cohort)}
    rows = queries.facilitators(cohort)
    las = {la.id: la.name for la in queries.authorities()}
    team_info = [
        {
            "index": i,
            "interests": dominant[i] if i < len(dominant) else [],
            "authorities": {noms[n].authority.name for n in members if n in noms},
        }
        for i, members in enumerate(plan_teams)
    ]
    people = [
        {
            "id": r.user_id,
            "authority": las.get(r.authority_id),
            "interests": [x.strip() for x in r.interests_text.split(",") if x.strip()],
        }
        for r in rows
    ]
    return assign_facilitators(team_info, people)


def publish(
    cohort: NetworkCohort,
    *,
    actor,
    plan_teams: list[list[int]],
    dominant: list[list[str]],
    facilitator_ids: dict[int, int] | None = None,
    notify: bool = True,
    plan: dict | None = None,
) -> list:
    """Create the teams from the plan (lists of nomination ids), assign facilitators and tell everyone."""
    if not can_manage_cohorts(actor):
        raise ServiceError((None, "Only the partnership lead officer publishes teams."))
    if cohort.stage == "published":
        raise ServiceError((None, "These teams are already published."))
    noms = {n.id: n for n in db.session.scalars(select(Nomination).where(Nomination.cohort_id == cohort.id))}
    placed = [n for members in plan_teams for n in members]
    if sorted(placed) != sorted(noms) or len(set(placed)) != len(placed):
        raise ServiceError(
            (
                None,
                "The plan does not place every nominated establishment exactly once: run the matching again.",
            )
        )
    if facilitator_ids is None:
        facilitator_ids = facilitator_fit(cohort, plan_teams, dominant)
    created = []
    for index, members in enumerate(plan_teams):
        team = CohortTeam(
            cohort_id=cohort.id,
            number=index + 1,
            facilitator_id=facilitator_ids.get(index),
            summary=("Shared interests: " + " and ".join(dominant[index]))
            if index < len(dominant) and dominant[index]
            else "",
        )
        db.session.add(team)
        db.session.flush()
        for nomination_id in members:
            noms[nomination_id].team_id = team.id
        teams.ensure_meetings(team)
        network_teams.create_network_team(team, actor=actor)
        created.append(team)
    cohort.stage, cohort.published_at = "published", utcnow()
    audit(actor, "cohort.published", cohort, after={"teams": len(created), "placed": len(placed)})
    db.session.add(
        MatchingRecord(
            cohort_id=cohort.id,
            action="publish",
            by_id=actor.id,
            inputs={"teams": plan_teams, "facilitators": {str(k): v for k, v in facilitator_ids.items()}},
            result=plan,
        )
    )
    db.session.flush()
    if notify:
        _tell_everyone(cohort, created, noms)
    return created


def _tell_everyone(cohort, created, noms) -> None:
    fac = {
        r.user_id: r.user
        for r in db.session.scalars(select(CohortFacilitator).where(CohortFacilitator.cohort_id == cohort.id))
    }
    for team in created:
        members = [n for n in noms.values() if n.team_id == team.id]
        names = "\n".join(
            f"- {n.establishment.name} ({n.authority.name}): " + ", ".join(p.name for p in n.people) for n in members
        )
        facilitator = fac.get(team.facilitator_id)
        named = f"Your facilitator is {facilitator.name}." if facilitator else "A facilitator will be named soon."
        notifications.notify(
            [p for n in members for p in n.people] + ([facilitator] if facilitator else []),
            "teams_published",
            f"Your collaborative learning team: cohort {cohort.name}, {team.name}",
            f"The teams for Collaborative Learning Network cohort {cohort.name} are published. {team.name} is:\n\n"
            f"{names}\n\n{named}\n\n{team.summary}",
            notifications.portal_path("cohorts.show_team", team_id=team.id),
        )


def reassign_facilitator(team: CohortTeam, person_id: int | None, *, actor) -> None:
    """The admin changes a team's facilitator (one team each)."""
    if not can_manage_cohorts(actor):
        raise ServiceError((None, "Only the partnership lead officer assigns facilitators."))
    named = set(
        db.session.scalars(select(CohortFacilitator.user_id).where(CohortFacilitator.cohort_id == team.cohort_id))
    )
    if person_id is not None and person_id not in named:
        raise ServiceError(("facilitator", "Choose one of the key facilitators named for this cohort."))
    clash = (
        db.session.scalar(
            select(CohortTeam).where(
                CohortTeam.cohort_id == team.cohort_id,
                CohortTeam.facilitator_id == person_id,
                CohortTeam.id != team.id,
            )
        )
        if person_id
        else None
    )
    if clash is not None:
        clash.facilitator_id = None  # one team each: the other team waits for a new facilitator
        network_teams.sync_facilitator(clash, actor=actor)
    audit(
        actor,
        "cohort.facilitator_assigned",
        team,
        before={"facilitator": team.facilitator_id},
        after={"facilitator": person_id},
    )
    team.facilitator_id = person_id
    network_teams.sync_facilitator(team, actor=actor)
    db.session.add(
        MatchingRecord(
            cohort_id=team.cohort_id,
            action="facilitator",
            by_id=actor.id,
            inputs={"team": team.number, "facilitator": person_id},
            result=None,
        )
    )
    db.session.flush()


REASON_MAX = 300
# The two people an establishment names, as the change form and the record say them.
PERSON_SLOTS = {"leader": "promoted member of staff", "practitioner": "practitioner"}


def _checked_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ServiceError(("reason", "Say why, for the record and for the people told (e.g. the head moved school)."))
    if len(reason) > REASON_MAX:
        raise ServiceError(("reason", f"Keep the reason under {REASON_MAX} characters."))
    return reason


def _check_published(cohort: NetworkCohort, actor) -> None:
    if not can_manage_cohorts(actor):
        raise ServiceError((None, "Only the partnership lead officer changes published teams."))
    if cohort.stage != "published":
        raise ServiceError((None, "Before publication, change teams at the matching event."))


@dataclass(frozen=True)
class TeamChange:
    """A change to published teams, checked and described but not yet made (the confirm step shows `what`)."""

    nomination: Nomination
    old: CohortTeam | None
    new: CohortTeam | None
    reason: str
    what: str
    slot: str = ""  # for a change of person: "leader" or "practitioner"
    person: User | None = None  # who goes
    replacement: User | None = None  # who comes in their place (None: nobody, they left)

    @property
    def teams(self) -> list[CohortTeam]:
        return [t for t in dict.fromkeys((self.old, self.new)) if t is not None]


def check_team_change(nomination: Nomination, *, actor, to_team: CohortTeam | None, reason: str) -> TeamChange:
    """Everything `change_team` checks, without changing anything."""
    cohort = nomination.cohort
    _check_published(cohort, actor)
    reason = _checked_reason(reason)
    if to_team is not None and to_team.cohort_id != cohort.id:
        raise ServiceError(("team", "Choose a team of this cohort."))
    old = db.session.get(CohortTeam, nomination.team_id) if nomination.team_id else None
    if old is None and to_team is None:
        raise ServiceError(("team", f"{nomination.establishment.name} is in no team already."))
    if old is not None and to_team is not None and old.id == to_team.id:
        raise ServiceError(("team", f"{nomination.establishment.name} is in {old.name} already."))
    est = nomination.establishment.name
    what = (
        f"{est} moved from {old.name} to {to_team.name}"
        if old and to_team
        else (f"{est} joined {to_team.name}" if to_team else f"{est} left {old.name}")
    )
    return TeamChange(nomination, old, to_team, reason, what)


def change_team(nomination: Nomination, *, actor, to_team: CohortTeam | None, reason: str) -> TeamChange:
    """After publication an establishment moves to another team (`to_team`) or leaves the cohort (None): the
    teams' enquiry records follow, the change is logged, and the people affected are told."""
    change = check_team_change(nomination, actor=actor, to_team=to_team, reason=reason)
    nomination.team_id = to_team.id if to_team else None
    db.session.flush()
    for team in change.teams:
        network_teams.sync_members(team, actor=actor)
    _log(change, actor, establishment=nomination.establishment_id)
    _tell_about_change(change, actor)
    return change


def check_person_change(
    nomination: Nomination, slot: str, *, actor, replacement: User | None, reason: str
) -> TeamChange:
    """Everything `change_person` checks, without changing anything: the person in `slot` of a placed
    establishment leaves its team, or `replacement` (of the same establishment) takes their place."""
    cohort = nomination.cohort
    _check_published(cohort, actor)
    if slot not in PERSON_SLOTS:
        raise ServiceError(("person", "Choose the person who left or is replaced."))
    est = nomination.establishment.name
    team = db.session.get(CohortTeam, nomination.team_id) if nomination.team_id else None
    if team is None:
        raise ServiceError(("person", f"{est} is in no team now: nobody there to change."))
    person = getattr(nomination, slot)
    if person is None:
        raise ServiceError(("person", f"{est} has no {PERSON_SLOTS[slot]} named."))
    reason = _checked_reason(reason)
    other = nomination.practitioner if slot == "leader" else nomination.leader
    if replacement is None:
        if other is None:
            raise ServiceError(
                (
                    "replacement",
                    f"{person.name} is the last person of {est} in {team.name}: name who replaces them, "
                    "or take the establishment out of its team.",
                )
            )
        what = f"{person.name} ({est}) left {team.name}"
    else:
        if replacement.id == person.id:
            raise ServiceError(("replacement", f"{person.name} is already the {PERSON_SLOTS[slot]} of {est}."))
        if not replacement.active:
            raise ServiceError(("replacement", f"{replacement.name}'s account is closed."))
        if replacement.establishment_id != nomination.establishment_id:
            raise ServiceError(("replacement", f"{replacement.name} does not work at {est}: choose someone who does."))
        if other is not None and other.id == replacement.id:
            raise ServiceError(("replacement", f"{replacement.name} is already named for {est}."))
        if slot == "leader" and not replacement.promoted:
            raise ServiceError(
                ("replacement", f"{replacement.name} does not hold a promoted post: the {PERSON_SLOTS[slot]} must.")
            )
        services.check_not_elsewhere(cohort, replacement, "replacement")
        what = f"{replacement.name} replaced {person.name} ({est}) in {team.name}"
    return TeamChange(nomination, team, team, reason, what, slot, person, replacement)


def change_person(nomination: Nomination, slot: str, *, actor, replacement: User | None, reason: str) -> TeamChange:
    """After publication a person of an establishment's nomination leaves its team (`replacement` None) or is
    replaced by another person of the same establishment: the team's enquiry record follows, the change is
    logged in the team's change log, and the person, their replacement, the team and its facilitator are told."""
    change = check_person_change(nomination, slot, actor=actor, replacement=replacement, reason=reason)
    setattr(nomination, slot, replacement)
    db.session.flush()
    network_teams.sync_members(change.new, actor=actor)
    audit(
        actor,
        "cohort.person_changed",
        nomination,
        before={slot: change.person.id},
        after={slot: replacement.id if replacement else None},
    )
    _log(
        change,
        actor,
        establishment=nomination.establishment_id,
        slot=slot,
        person=change.person.id,
        replacement=replacement.id if replacement else None,
    )
    _tell_about_change(change, actor)
    return change


def _log(change: TeamChange, actor, **inputs) -> None:
    """One line of the teams' change log (a matching record kept with the cohort's other records)."""
    db.session.add(
        MatchingRecord(
            cohort_id=change.nomination.cohort_id,
            action="team_change",
            by_id=actor.id,
            inputs={
                **inputs,
                "from": change.old.number if change.old else None,
                "to": change.new.number if change.new else None,
                "reason": change.reason,
                "what": change.what,
            },
            result=None,
        )
    )
    db.session.flush()


def _tell_about_change(change: TeamChange, actor) -> None:
    """The people affected hear what changed and why, in the portal and by e-mail (the outbox, not the request):
    the establishment's people (and whoever left it), each team's members and facilitators. Whoever is no longer
    in a team gets no link to a team page they can no longer open."""
    cohort = change.nomination.cohort
    ids = [t.id for t in change.teams]
    others = db.session.scalars(select(Nomination).where(Nomination.team_id.in_(ids))).all()
    people = {p.id: p for n in [*others, change.nomination] for p in n.people}
    for team in change.teams:
        if team.facilitator is not None:
            people[team.facilitator.id] = team.facilitator
    subject = f"Change to your collaborative learning team: cohort {cohort.name}, {change.what}"
    summary = f"{change.what} (network cohort {cohort.name}). Reason: {change.reason}"
    gone = [p for p in ([change.person] if change.person else []) if p.id not in people]
    if change.nomination.team_id is None:  # the establishment left: its people keep no team page
        gone += [people.pop(p.id) for p in change.nomination.people if p.id in people]
    target = change.new or change.old
    notifications.notify(
        people.values(),
        "teams_published",
        subject,
        summary,
        notifications.portal_path("cohorts.show_team", team_id=target.id),
        actor=actor,
    )
    if gone:
        notifications.notify(gone, "teams_published", subject, summary, actor=actor)


_TEAM_CHANGES = (
    select(MatchingRecord)
    .where(MatchingRecord.cohort_id == bindparam("cohort_id"), MatchingRecord.action == "team_change")
    .order_by(MatchingRecord.id.desc())
)


def team_changes(team: CohortTeam) -> list[MatchingRecord]:
    """A team's change log: the changes since publication that moved people into or out of it, newest first."""
    rows = db.session.scalars(_TEAM_CHANGES, {"cohort_id": team.cohort_id})
    return [r for r in rows if team.number in ((r.inputs or {}).get("from"), (r.inputs or {}).get("to"))]


def changes(cohort: NetworkCohort) -> list[MatchingRecord]:
    """The changes made to published teams, newest first."""
    return list(
        db.session.scalars(
            select(MatchingRecord)
            .where(MatchingRecord.cohort_id == cohort.id, MatchingRecord.action == "team_change")
            .order_by(MatchingRecord.id.desc())
            .limit(50)
        )
    )
