"""Audit entries by or about a person go into their data export; they are kept at erasure (accountability),
naming nobody: an entry holds ids, and the account they point at is anonymised."""

from datetime import timedelta

from sqlalchemy import delete

from portal.audit.models import AuditEntry
from portal.audit.queries import entries_about
from portal.core import personal_data
from portal.extensions import db


def export(user) -> dict:
    return {"audit_entries": personal_data.as_rows(entries_about(user.id))}


def purge_entries(cutoff) -> int:
    return db.session.execute(delete(AuditEntry).where(AuditEntry.at < cutoff)).rowcount


def register(app) -> None:
    personal_data.register(app, "audit", export=export)
    personal_data.register_retention(app, "audit log entries", timedelta(days=6 * 365), purge_entries)
