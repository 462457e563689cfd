"""Erasure on request (the person asks, the admin confirms) and the retention schedule."""

from datetime import timedelta

from sqlalchemy import select

from portal.accounts.models import User
from portal.audit.services import record as audit
from portal.core import personal_data, textindex
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db

UNANSWERED_INVITATIONS = timedelta(days=90)  # the invited account is anonymised


def retention_schedule() -> dict[str, timedelta]:
    """What each domain registered (label -> how long it is kept), for the privacy notice and the README."""
    return {rule.label: rule.period for rule in personal_data.retention_rules()}


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
    textindex.merge_all()


def erase_unanswered_invitations(cutoff) -> int:
    """Accounts invited before `cutoff` that never set a password are erased (the privacy domain's own rule)."""
    stale = list(
        db.session.scalars(
            select(User).where(User.password_hash.is_(None), User.invited_at < cutoff, User.erased_at.is_(None))
        )
    )
    for user in stale:
        erase(user, actor=None)
    return len(stale)


def purge(now=None) -> dict[str, int]:
    """Apply every domain's retention rule (registered in its init_app); running it again at once changes
    nothing."""
    now = now or utcnow()
    done = {rule.label: rule.purge(now - rule.period) for rule in personal_data.retention_rules()}
    db.session.flush()
    return done
