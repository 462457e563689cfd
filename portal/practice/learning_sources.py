"""What practice offers the learning record (portal.learning.sources): an account of practice published by a
team the person belongs to."""

from functools import cache

from sqlalchemy import Integer, bindparam, select

from portal.enquiries.models import TeamMember
from portal.extensions import db
from portal.practice.models import PUBLISHED, PracticeAccount

SOURCE = "practice_account"


def _rows(user, *, account_id=None, limit=20):
    from portal.learning.sources import Activity

    stmt = _query(account_id is not None)
    return [
        Activity(SOURCE, aid, "account", f"Account of practice published: {title}", published.date())
        for aid, title, published in db.session.execute(
            stmt, {"user_id": user.id, "limit": limit, "account_id": account_id}
        )
        if published is not None
    ]


@cache
def _query(one: bool):
    """_rows' statement (for every account of the person's teams, or one), built once per process."""
    stmt = (
        select(PracticeAccount.id, PracticeAccount.title, PracticeAccount.published_at)
        .join(TeamMember, TeamMember.team_id == PracticeAccount.team_id)
        .where(TeamMember.user_id == bindparam("user_id"), PracticeAccount.state == PUBLISHED)
        .order_by(PracticeAccount.published_at.desc())
        .limit(bindparam("limit", type_=Integer))
    )
    return stmt.where(PracticeAccount.id == bindparam("account_id")) if one else stmt


def register() -> None:
    from portal.learning.sources import register_source

    register_source(
        SOURCE,
        "Account of practice published",
        lambda user, limit: _rows(user, limit=limit),
        lambda user, source_id: next(iter(_rows(user, account_id=source_id)), None),
    )
