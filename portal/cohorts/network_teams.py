"""A published cohort team's enquiry is an enquiries Team (kind "network"): its plan, data collection plan,
evidence, run charts and summary are the themed enquiries' pages (one implementation, not two).

The cohort team keeps what is its own (the enquiry question and checklist, observation plan, support
meetings) and `team_id`; members and the facilitator are copied into the enquiries Team so that its access
rules (members, facilitators, LA officers, the admin) serve both domains.
"""

from flask import url_for
from sqlalchemy import select

from portal.accounts.models import User
from portal.cohorts.models import CohortTeam, Nomination
from portal.enquiries import teams as enquiry_teams
from portal.enquiries.contexts import NetworkContext, register_network_provider
from portal.enquiries.models import Team
from portal.extensions import db


def create_network_team(cohort_team: CohortTeam, *, actor) -> Team | None:
    """The enquiries Team for a just-published cohort team: both people of each establishment, the facilitator."""
    if cohort_team.team_id is not None:
        return db.session.get(Team, cohort_team.team_id)
    noms = db.session.scalars(select(Nomination).where(Nomination.team_id == cohort_team.id).order_by(Nomination.id))
    members = tuple(p for n in noms for p in n.people)
    if not members:  # an empty team has nobody to plan for; it gets no enquiry
        return None
    team = enquiry_teams.create_team(
        actor=actor,
        kind="network",
        name=f"{cohort_team.name}, network cohort {cohort_team.cohort.name}",
        members=members,
    )
    cohort_team.team_id = team.id
    db.session.flush()
    sync_facilitator(cohort_team, actor=actor)
    return team


def sync_facilitator(cohort_team: CohortTeam, *, actor) -> None:
    """The network team's facilitator is exactly the cohort team's (none when it waits for one)."""
    if cohort_team.team_id is None:
        return
    person = db.session.get(User, cohort_team.facilitator_id) if cohort_team.facilitator_id else None
    enquiry_teams.set_facilitators(db.session.get(Team, cohort_team.team_id), [person] if person else [], actor=actor)


def sync_members(cohort_team: CohortTeam, *, actor) -> None:
    """The network team's members are exactly the people of the establishments now in the cohort team."""
    if cohort_team.team_id is None:
        create_network_team(cohort_team, actor=actor)
        return
    noms = db.session.scalars(select(Nomination).where(Nomination.team_id == cohort_team.id))
    people = [p for n in noms for p in n.people]
    if people:
        enquiry_teams.set_network_members(db.session.get(Team, cohort_team.team_id), people, actor=actor)


def contexts(team_ids) -> dict[int, NetworkContext]:
    """Cohort name, enquiry question and team-space link per network team id: one query."""
    rows = db.session.scalars(select(CohortTeam).where(CohortTeam.team_id.in_(list(team_ids))))
    return {
        t.team_id: NetworkContext(
            label=f"Collaborative Learning Network cohort {t.cohort.name}, {t.name}",
            question=t.enquiry_question,
            space_url=url_for("cohorts.show_team", team_id=t.id),
        )
        for t in rows
    }


def register_provider() -> None:
    """Network teams show their cohort's name and question on the enquiry pages (called from init_app)."""
    register_network_provider(contexts)
