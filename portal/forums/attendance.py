"""Who attended a meeting: the coordinator keeps the register after the meeting has started; each attendee's
learning record then offers the meeting (portal.forums.learning_sources)."""

from sqlalchemy import delete, select

from portal.accounts.models import User
from portal.core.forms import ServiceError
from portal.extensions import db
from portal.forums.meetings import local_now
from portal.forums.models import Attendance, Forum, Meeting, Membership
from portal.forums.services import must_edit


def register_people(forum: Forum) -> list[tuple[int, str]]:
    """(user id, name) of the forum's members, in name order: the register's choices."""
    return [
        (uid, name)
        for uid, name in db.session.execute(
            select(User.id, User.name)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.forum_id == forum.id)
            .order_by(User.name, User.id)
        )
    ]


def attendees(meeting: Meeting) -> set[int]:
    return set(db.session.scalars(select(Attendance.user_id).where(Attendance.meeting_id == meeting.id)))


def record_attendance(meeting: Meeting, forum: Forum, user_ids, *, actor) -> int:
    """Set the meeting's register to exactly these members (ticked again: kept once); returns how many
    attended. Refused before the meeting starts, for a cancelled meeting, and for anyone not a member."""
    must_edit(actor, forum)
    if meeting.cancelled:
        raise ServiceError((None, "This meeting was cancelled: nobody attended it."))
    if meeting.starts_at > local_now():
        raise ServiceError(("attended", "Record who attended once the meeting has started."))
    wanted = {int(i) for i in user_ids}
    members = {uid for uid, _ in register_people(forum)}
    if wanted - members:
        raise ServiceError(("attended", "Only the forum's members can be recorded as attending."))
    present = attendees(meeting)
    if present - wanted:
        db.session.execute(
            delete(Attendance).where(Attendance.meeting_id == meeting.id, Attendance.user_id.in_(present - wanted))
        )
    db.session.add_all(
        Attendance(meeting_id=meeting.id, user_id=uid, recorded_by_id=actor.id) for uid in sorted(wanted - present)
    )
    db.session.flush()
    return len(wanted)
