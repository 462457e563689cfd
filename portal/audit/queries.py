"""Searching the audit log (newest first), for the admin's page and for a person's own data export."""

from dataclasses import dataclass

from sqlalchemy import or_, select

from portal.accounts.models import User
from portal.audit.models import AuditEntry
from portal.extensions import db


@dataclass
class AuditFilter:
    action: str = ""
    person: str = ""  # an e-mail address: entries by or about that person
    subject: str = ""  # a record type, e.g. user_account or enquiry

    @classmethod
    def from_args(cls, args) -> "AuditFilter":
        return cls(
            action=args.get("action", "").strip()[:64],
            person=args.get("person", "").strip().lower()[:254],
            subject=args.get("subject", "").strip()[:64],
        )


def audit_query(filters: AuditFilter):
    """Entries matching the filter (with their actor joined): one query per page however big the log grows."""
    query = select(AuditEntry)
    if filters.action:
        query = query.where(AuditEntry.action.startswith(filters.action))
    if filters.subject:
        query = query.where(AuditEntry.subject_type == filters.subject)
    if filters.person:
        person = select(User.id).where(User.email == filters.person).scalar_subquery()
        query = query.where(
            or_(
                AuditEntry.actor_id == person,
                (AuditEntry.subject_type == "user_account") & (AuditEntry.subject_id == person),
            )
        )
    return query.order_by(AuditEntry.id.desc())


def entries_about(user_id: int) -> list[AuditEntry]:
    """Every entry by or about one person (their data export)."""
    return list(
        db.session.scalars(
            select(AuditEntry)
            .where(
                or_(
                    AuditEntry.actor_id == user_id,
                    (AuditEntry.subject_type == "user_account") & (AuditEntry.subject_id == user_id),
                )
            )
            .order_by(AuditEntry.id)
        )
    )
