"""The professional learning record, for "download my data" and erasure: entries, PRD targets, their earlier
versions, the stored sign-off date, and what others shared with the person."""

from sqlalchemy import delete, select, update

from portal.core import personal_data
from portal.extensions import db
from portal.learning.models import LearningEntry, LearningEntryRevision, PrdTarget, PrdTargetRevision, RecordSettings


def _rows(model, *where):
    return personal_data.as_rows(db.session.scalars(select(model).where(*where)))


def export(user) -> dict:
    mine = select(LearningEntry.id).where(LearningEntry.user_id == user.id)
    my_targets = select(PrdTarget.id).where(PrdTarget.user_id == user.id)
    return {
        "learning_entries": _rows(LearningEntry, LearningEntry.user_id == user.id),
        "learning_entry_revisions": _rows(LearningEntryRevision, LearningEntryRevision.entry_id.in_(mine)),
        "prd_targets": _rows(PrdTarget, PrdTarget.user_id == user.id),
        "prd_target_revisions": _rows(PrdTargetRevision, PrdTargetRevision.target_id.in_(my_targets)),
        "learning_settings": _rows(RecordSettings, RecordSettings.user_id == user.id),
        "entries_shared_with_me": [
            {"entry_id": entry_id, "title": title}
            for entry_id, title in db.session.execute(
                select(LearningEntry.id, LearningEntry.title).where(LearningEntry.shared_with_id == user.id)
            )
        ],
        "prd_targets_shared_with_me": [
            {"target_id": target_id, "title": title}
            for target_id, title in db.session.execute(
                select(PrdTarget.id, PrdTarget.title).where(PrdTarget.shared_with_id == user.id)
            )
        ],
    }


def erase(user) -> None:
    """The record is the person's own: every entry, target and setting goes; what others shared with them is
    unshared."""
    mine = select(LearningEntry.id).where(LearningEntry.user_id == user.id)
    db.session.execute(delete(LearningEntryRevision).where(LearningEntryRevision.entry_id.in_(mine)))
    db.session.execute(delete(LearningEntry).where(LearningEntry.user_id == user.id))
    db.session.execute(update(LearningEntry).where(LearningEntry.shared_with_id == user.id).values(shared_with_id=None))
    my_targets = select(PrdTarget.id).where(PrdTarget.user_id == user.id)
    db.session.execute(delete(PrdTargetRevision).where(PrdTargetRevision.target_id.in_(my_targets)))
    db.session.execute(delete(PrdTarget).where(PrdTarget.user_id == user.id))
    db.session.execute(update(PrdTarget).where(PrdTarget.shared_with_id == user.id).values(shared_with_id=None))
    db.session.execute(delete(RecordSettings).where(RecordSettings.user_id == user.id))
    db.session.flush()


def register(app) -> None:
    personal_data.register(app, "learning", export=export, erase=erase)
    personal_data.register_free_text(
        app,
        LearningEntry.title,
        LearningEntry.reflection,
        LearningEntry.evidence,
        PrdTarget.title,
        PrdTarget.description,
    )
