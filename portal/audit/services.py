"""record(): the one way any domain writes to the audit log (it flushes with the caller's change)."""

import json

from flask import has_request_context, request

from portal.audit.models import AuditEntry
from portal.extensions import db


def _subject(subject) -> tuple[str, int | None]:
    if subject is None:
        return "", None
    if isinstance(subject, tuple):
        return subject
    return subject.__tablename__, subject.id


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, default=str, sort_keys=True)


def record(actor, action: str, subject=None, before=None, after=None) -> AuditEntry:
    """Append one entry: `actor` (a user or None), `action` (e.g. "roles.changed"), `subject` (a model instance
    or a (table, id) pair), `before`/`after` (JSON-able, only where it matters; no free text about others)."""
    subject_type, subject_id = _subject(subject)
    entry = AuditEntry(
        actor_id=getattr(actor, "id", None),
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        before=_json(before),
        after=_json(after),
        address=(request.remote_addr or "")[:64] if has_request_context() else "",
    )
    db.session.add(entry)
    return entry
