"""Scale data linking cohorts to the shared pieces: each published team's network enquiry Team, and each
cohort's core events (bulk inserts after cohorts' own scale step)."""

from datetime import datetime

from sqlalchemy import insert, select, update

from portal.cohorts.models import CohortTeam, NetworkCohort, Nomination
from portal.cohorts.sessions import CONTEXT, SESSIONS, TIMES
from portal.enquiries.models import Team, TeamFacilitator, TeamMember
from portal.enquiries.plan_models import Enquiry
from portal.events.models import Event
from portal.extensions import db


def _ids(model, rows) -> list[int]:
    return list(db.session.scalars(insert(model).returning(model.id, sort_by_parameter_order=True), rows))


def load_scale(ctx) -> None:
    cohorts = {c.id: c for c in db.session.scalars(select(NetworkCohort))}
    _events(cohorts.values())
    teams = list(db.session.scalars(select(CohortTeam).where(CohortTeam.team_id.is_(None)).order_by(CohortTeam.id)))
    if not teams:
        return
    created = {
        t.id: datetime.combine(cohorts[t.cohort_id].matching_on, TIMES["network-matching"][0])
        if cohorts[t.cohort_id].matching_on
        else cohorts[t.cohort_id].created_at
        for t in teams
    }
    team_ids = _ids(
        Team,
        [
            {
                "kind": "network",
                "theme_id": None,
                "name": f"Team {t.number}, network cohort {cohorts[t.cohort_id].name}",
                "shared_goal": "",
                "created_at": created[t.id],
            }
            for t in teams
        ],
    )
    link = {t.id: team_id for t, team_id in zip(teams, team_ids, strict=True)}
    db.session.execute(
        insert(Enquiry), [{"team_id": link[t.id], "status": "implementing", "updated_at": created[t.id]} for t in teams]
    )
    members = []
    for cohort_team_id, est_id, la_id, *people in db.session.execute(
        select(
            Nomination.team_id,
            Nomination.establishment_id,
            Nomination.authority_id,
            Nomination.leader_id,
            Nomination.practitioner_id,
        ).where(Nomination.team_id.in_(list(link)))
    ):
        members += [
            {
                "team_id": link[cohort_team_id],
                "user_id": uid,
                "establishment_id": est_id,
                "authority_id": la_id,
                "joined_at": created[cohort_team_id],
            }
            for uid in people
            if uid
        ]
    if members:
        db.session.execute(insert(TeamMember), members)
    facilitators = [{"team_id": link[t.id], "user_id": t.facilitator_id} for t in teams if t.facilitator_id]
    if facilitators:
        db.session.execute(insert(TeamFacilitator), facilitators)
    db.session.execute(update(CohortTeam), [{"id": t.id, "team_id": link[t.id]} for t in teams])
    db.session.flush()


def _events(cohorts) -> None:
    rows = []
    for cohort in cohorts:
        for attr, (kind, title) in SESSIONS.items():
            day = getattr(cohort, attr)
            if day is not None:
                rows.append(
                    {
                        "title": f"Network cohort {cohort.name}: {title}",
                        "kind": kind,
                        "starts_at": datetime.combine(day, TIMES[kind][0]),
                        "ends_at": datetime.combine(day, TIMES[kind][1]),
                        "context_type": CONTEXT,
                        "context_id": cohort.id,
                        "compulsory": True,
                    }
                )
    if rows:
        db.session.execute(insert(Event), rows)
