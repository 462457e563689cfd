"""Reading notifications: one person's list, paged in constant queries."""

from sqlalchemy import select

from portal.core.paging import paginate
from portal.extensions import db
from portal.notifications.models import Notification

PER_PAGE = 30


def page_for(user, page: int):
    stmt = (
        select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    return paginate(stmt, page=page, per_page=PER_PAGE)


def latest_unread(user, limit: int = 5) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id, Notification.read_at.is_(None))
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )
