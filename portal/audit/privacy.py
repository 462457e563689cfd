"""Audit entries by or about a person go into their data export; they are kept at erasure (accountability),
naming nobody: an entry holds ids, and the account they point at is anonymised."""

from portal.audit.queries import entries_about
from portal.core import personal_data


def export(user) -> dict:
    return {"audit_entries": personal_data.as_rows(entries_about(user.id))}


def register(app) -> None:
    personal_data.register(app, "audit", export=export)
