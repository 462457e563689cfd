"""What forums offer the learning record (portal.learning.sources): a meeting the person was recorded as
attending, with the meeting's length as hours."""

from decimal import Decimal
from functools import cache

from sqlalchemy import Integer, bindparam, select

from portal.extensions import db
from portal.forums.models import Attendance, Forum, Meeting

SOURCE = "forum_meeting"


def _rows(user, *, meeting_id=None, limit=20):
    from portal.learning.sources import Activity

    stmt = _query(meeting_id is not None)
    return [
        Activity(
            SOURCE,
            m.id,
            "forum",
            m.title if m.title.startswith(name) else f"{name}: {m.title}",
            m.starts_at.date(),
            max(Decimal(str(round(m.length_minutes / 60, 1))), Decimal("0.5")),
        )
        for m, name in db.session.execute(stmt, {"user_id": user.id, "limit": limit, "meeting_id": meeting_id}).all()
    ]


@cache
def _query(one: bool):
    """_rows' statement (for every meeting the person attended, or one), built once per process."""
    stmt = (
        select(Meeting, Forum.name)
        .join(Attendance, Attendance.meeting_id == Meeting.id)
        .join(Forum, Forum.id == Meeting.forum_id)
        .where(Attendance.user_id == bindparam("user_id"), Meeting.cancelled_at.is_(None))
        .order_by(Meeting.starts_at.desc())
        .limit(bindparam("limit", type_=Integer))
    )
    return stmt.where(Meeting.id == bindparam("meeting_id")) if one else stmt


def register() -> None:
    from portal.learning.sources import register_source

    register_source(
        SOURCE,
        "Forum meeting attended",
        lambda user, limit: _rows(user, limit=limit),
        lambda user, source_id: next(iter(_rows(user, meeting_id=source_id)), None),
    )
