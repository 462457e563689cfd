"""Erasure on request (the person asks, the admin confirms) and the retention schedule."""

from datetime import timedelta

from sqlalchemy import delete, select

from portal.accounts.models import LoginFailure, User
from portal.audit.models import AuditEntry
from portal.audit.services import record as audit
from portal.core import personal_data
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.enquiries.plan_models import SectionDraft
from portal.extensions import db
from portal.leadership.models import PendingAnswers

# The retention schedule (documented on the privacy notice and in the README).
RETENTION = {
    "unanswered invitations": timedelta(days=90),  # the invited account is anonymised
    "answers kept after a session ended": timedelta(days=7),
    "unsaved drafts of enquiry plans": timedelta(days=180),
    "failed sign-in records": timedelta(days=30),
    "audit log entries": timedelta(days=6 * 365),
}


def request_erasure(user: User) -> None:
    if user.erasure_requested_at is None:
        user.erasure_requested_at = utcnow()
        audit(user, "erasure.requested", user)
    db.session.flush()


def withdraw_request(user: User) -> None:
    if user.erasure_requested_at is not None:
        user.erasure_requested_at = None
        audit(user, "erasure.withdrawn", user)
    db.session.flush()


def pending_requests() -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(User.erasure_requested_at.is_not(None), User.erased_at.is_(None))
            .order_by(User.erasure_requested_at)
        )
    )


def erase(user: User, *, actor: User | None) -> None:
    """Remove or anonymise the person's data in every domain; shared records stay under "a former member"."""
    if actor is not None and not actor.has_role(Role.ADMIN):
        raise ServiceError((None, "Only the partnership lead officer can confirm an erasure."))
    if actor is not None and actor.id == user.id:
        raise ServiceError((None, "Another lead officer must confirm your own erasure."))
    if user.erased_at is not None:
        raise ServiceError((None, "This account is already erased."))
    personal_data.erase_all(user)
    audit(actor, "erasure.done", user)
    db.session.flush()


def purge(now=None) -> dict[str, int]:
    """Apply the retention schedule; running it again at once changes nothing."""
    now = now or utcnow()
    done = {}
    stale = list(
        db.session.scalars(
            select(User).where(
                User.password_hash.is_(None),
                User.invited_at < now - RETENTION["unanswered invitations"],
                User.erased_at.is_(None),
            )
        )
    )
    for user in stale:
        erase(user, actor=None)
    done["unanswered invitations"] = len(stale)
    for label, statement in (
        (
            "answers kept after a session ended",
            delete(PendingAnswers).where(
                PendingAnswers.created_at < now - RETENTION["answers kept after a session ended"]
            ),
        ),
        (
            "unsaved drafts of enquiry plans",
            delete(SectionDraft).where(SectionDraft.saved_at < now - RETENTION["unsaved drafts of enquiry plans"]),
        ),
        (
            "failed sign-in records",
            delete(LoginFailure).where(LoginFailure.at < now - RETENTION["failed sign-in records"]),
        ),
        ("audit log entries", delete(AuditEntry).where(AuditEntry.at < now - RETENTION["audit log entries"])),
    ):
        done[label] = db.session.execute(statement).rowcount
    db.session.flush()
    return done
