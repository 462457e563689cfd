"""Forum memberships, resources added and needs recorded, for "download my data" and erasure."""

from sqlalchemy import delete, select, update

from portal.core import personal_data
from portal.extensions import db
from portal.forums.models import Action, AgendaChange, AgendaItem, Attendance, Membership, Need, Resource


def _rows(model, *where):
    return personal_data.as_rows(db.session.scalars(select(model).where(*where)))


def export(user) -> dict:
    return {
        "memberships": _rows(Membership, Membership.user_id == user.id),
        "meetings_attended": _rows(Attendance, Attendance.user_id == user.id),
        "resources_added": _rows(Resource, Resource.added_by_id == user.id),
        "needs_raised": _rows(Need, Need.raised_by == user.name),
    }


def erase(user) -> None:
    """Resources and needs stay with the forum; the person's name as the one who raised a need goes, and so
    does their place in meeting registers."""
    db.session.execute(delete(Attendance).where(Attendance.user_id == user.id))
    db.session.execute(update(Need).where(Need.raised_by == user.name).values(raised_by=personal_data.FORMER_MEMBER))
    db.session.flush()


def register(app) -> None:
    personal_data.register(app, "forums", export=export, erase=erase)
    personal_data.register_free_text(
        app,
        AgendaItem.notes,
        AgendaItem.minutes_text,
        AgendaChange.summary,
        Action.what,
        Action.who,
        Resource.description,
        Need.detail,
        Need.offer,
    )
