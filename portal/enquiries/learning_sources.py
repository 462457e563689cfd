"""What enquiries offer the learning record (portal.learning.sources): the stage a team's enquiry has reached,
for each of its members (one activity per enquiry and stage: the source id is enquiry id * 10 + stage)."""

from functools import cache

from sqlalchemy import Integer, bindparam, select

from portal.enquiries.models import Team, TeamMember
from portal.enquiries.plan_models import STATUSES, Enquiry
from portal.extensions import db

SOURCE = "enquiry_stage"


def _rows(user, *, enquiry_id=None, limit=20):
    from portal.learning.sources import Activity

    stmt = _query(enquiry_id is not None)
    return [
        Activity(
            SOURCE,
            eid * 10 + STATUSES.index(status),
            "enquiry",
            f"{name}: the enquiry reached the {status} stage",
            when.date(),
        )
        for eid, status, when, name in db.session.execute(
            stmt, {"user_id": user.id, "limit": limit, "enquiry_id": enquiry_id}
        )
        if status in STATUSES
    ]


@cache
def _query(one: bool):
    """_rows' statement (for every enquiry of the person, or one), built once per process."""
    stmt = (
        select(Enquiry.id, Enquiry.status, Enquiry.updated_at, Team.name)
        .join(Team, Team.id == Enquiry.team_id)
        .join(TeamMember, TeamMember.team_id == Team.id)
        .where(TeamMember.user_id == bindparam("user_id"), Enquiry.status != STATUSES[0])
        .order_by(Enquiry.updated_at.desc())
        .limit(bindparam("limit", type_=Integer))
    )
    return stmt.where(Enquiry.id == bindparam("enquiry_id")) if one else stmt


def _one(user, source_id: int):
    found = _rows(user, enquiry_id=source_id // 10)
    return next((a for a in found if a.source_id == source_id), None)


def register() -> None:
    from portal.learning.sources import register_source

    register_source(SOURCE, "Enquiry stage reached", lambda user, limit: _rows(user, limit=limit), _one)
