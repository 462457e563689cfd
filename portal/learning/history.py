"""Corrections keep their history: the earlier wordings of a record's own items (entries and PRD targets alike),
each stored as the fields it had, newest first."""

import json

from sqlalchemy import select

from portal.core.dates import utcnow
from portal.extensions import db


def keep_earlier_wording(revision_model, link: str, record, before: dict | None, after: dict) -> None:
    """After a save: if the record existed and its fields changed, keep what they were; stamp the record."""
    if before is not None and before != after:
        db.session.add(revision_model(**{link: record.id}, saved_at=record.updated_at, content=json.dumps(before)))
    record.updated_at = utcnow()


def earlier_wordings(revision_model, link: str, record_id: int) -> list[tuple[object, dict]]:
    rows = db.session.scalars(
        select(revision_model).where(getattr(revision_model, link) == record_id).order_by(revision_model.id.desc())
    )
    return [(r, json.loads(r.content)) for r in rows]
