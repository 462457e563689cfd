"""Searching the audit log (newest first), for the admin's page and for a person's own data export."""

from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import bindparam, or_, select

from portal.accounts.models import User
from portal.audit.models import AuditEntry
from portal.core.paging import Listing, Page, listing, paginate
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


def audit_page(filters: AuditFilter, per_page: int) -> Page:
    """A page of the entries matching `filters`, newest first, with each actor's e-mail address: two statements
    however big the log grows, built once per process for each set of filters in use (their values bound)."""
    found = _audit_listing(bool(filters.action), bool(filters.subject), bool(filters.person))
    values = {"action": filters.action, "subject": filters.subject, "person": filters.person}
    return paginate(found, rows=True, per_page=per_page, params=values)


@lru_cache(maxsize=8)  # a key per set of filters in use
def _audit_listing(action: bool, subject: bool, person: bool) -> Listing:
    # The actor's address is read for the rows of the page only (the count reads none), not a whole person with the
    # establishment and LA a User joins.
    actor_email = select(User.email).where(User.id == AuditEntry.actor_id).correlate(AuditEntry).scalar_subquery()
    query = select(
        AuditEntry.id,
        AuditEntry.at,
        actor_email.label("actor_email"),
        AuditEntry.action,
        AuditEntry.subject_type,
        AuditEntry.subject_id,
        AuditEntry.before,
        AuditEntry.after,
        AuditEntry.address,
    )
    if action:
        query = query.where(AuditEntry.action.startswith(bindparam("action")))
    if subject:
        query = query.where(AuditEntry.subject_type == bindparam("subject"))
    if person:
        someone = select(User.id).where(User.email == bindparam("person")).scalar_subquery()
        query = query.where(
            or_(
                AuditEntry.actor_id == someone,
                (AuditEntry.subject_type == "user_account") & (AuditEntry.subject_id == someone),
            )
        )
    return listing(query.order_by(AuditEntry.id.desc()))


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
