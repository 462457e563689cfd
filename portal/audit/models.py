"""The audit log: one row per security- or privacy-relevant change; rows are added, never changed."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.extensions import db


class AuditEntry(db.Model):
    """Who (by id: no names are copied here), did what, to which record, before/after, when, from where."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject_type: Mapped[str] = mapped_column(String(64), default="")
    subject_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON
    address: Mapped[str] = mapped_column(String(64), default="")

    actor: Mapped[User | None] = relationship(lazy="joined")  # the admin's page shows the e-mail address


@event.listens_for(Session, "before_flush")
def _append_only(session, flush_context, instances) -> None:
    """Nothing edits or deletes an entry through the ORM (retention removes old ones with one bulk DELETE)."""
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEntry) and (obj in session.deleted or session.is_modified(obj)):
            raise PermissionError("The audit log is append-only.")
