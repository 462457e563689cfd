"""The professional learning record, for "download my data" and erasure."""

from sqlalchemy import delete, select, update

from portal.core import personal_data
from portal.extensions import db
from portal.learning.models import LearningEntry, LearningEntryRevision


def export(user) -> dict:
    return {
        "learning_entries": personal_data.as_rows(
            db.session.scalars(select(LearningEntry).where(LearningEntry.user_id == user.id))
        ),
        "learning_entry_revisions": personal_data.as_rows(
            db.session.scalars(
                select(LearningEntryRevision).where(
                    LearningEntryRevision.entry_id.in_(select(LearningEntry.id).where(LearningEntry.user_id == user.id))
                )
            )
        ),
        "entries_shared_with_me": [
            {"entry_id": entry_id, "title": title}
            for entry_id, title in db.session.execute(
                select(LearningEntry.id, LearningEntry.title).where(LearningEntry.shared_with_id == user.id)
            )
        ],
    }


def erase(user) -> None:
    """The record is the person's own: every entry goes; entries others shared with them are unshared."""
    mine = select(LearningEntry.id).where(LearningEntry.user_id == user.id)
    db.session.execute(delete(LearningEntryRevision).where(LearningEntryRevision.entry_id.in_(mine)))
    db.session.execute(delete(LearningEntry).where(LearningEntry.user_id == user.id))
    db.session.execute(update(LearningEntry).where(LearningEntry.shared_with_id == user.id).values(shared_with_id=None))
    db.session.flush()


def register(app) -> None:
    personal_data.register(app, "learning", export=export, erase=erase)
    personal_data.register_free_text(app, LearningEntry.title, LearningEntry.reflection, LearningEntry.evidence)
