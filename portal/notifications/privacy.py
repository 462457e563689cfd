"""Notifications and e-mail preferences, for "download my data", erasure and the retention schedule."""

from datetime import timedelta

from sqlalchemy import delete, select

from portal.core import personal_data
from portal.extensions import db
from portal.notifications.models import Notification, NotificationPreference

READ_NOTIFICATIONS = timedelta(days=365)


def export(user) -> dict:
    return {
        "notifications": personal_data.as_rows(
            db.session.scalars(select(Notification).where(Notification.user_id == user.id))
        ),
        "preferences": personal_data.as_rows(
            db.session.scalars(select(NotificationPreference).where(NotificationPreference.user_id == user.id))
        ),
    }


def erase(user) -> None:
    """A person's notifications are only theirs: all go, with their preferences."""
    db.session.execute(delete(Notification).where(Notification.user_id == user.id))
    db.session.execute(delete(NotificationPreference).where(NotificationPreference.user_id == user.id))
    db.session.flush()


def purge_read(cutoff) -> int:
    return db.session.execute(
        delete(Notification).where(Notification.read_at.is_not(None), Notification.created_at < cutoff)
    ).rowcount


def register(app) -> None:
    personal_data.register(app, "notifications", export=export, erase=erase)
    personal_data.register_free_text(app, Notification.subject, Notification.summary, Notification.space_label)
    personal_data.register_retention(app, "notifications already read", READ_NOTIFICATIONS, purge_read)
