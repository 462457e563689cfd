"""What the accounts domain holds about a person, for "download my data" and erasure (core.personal_data)."""

from datetime import timedelta

from sqlalchemy import delete, select

from portal.accounts.models import LoginFailure, RecoveryCode, User, UserRole
from portal.core import personal_data
from portal.core.dates import utcnow
from portal.extensions import db

SECRETS = ("password_hash", "totp_secret", "totp_last_counter")


def export(user: User) -> dict:
    return {
        "profile": personal_data.as_rows([user], leave_out=SECRETS),
        "roles": personal_data.as_rows(db.session.scalars(select(UserRole).where(UserRole.user_id == user.id))),
    }


def erase(user: User) -> None:
    """Anonymise the account (the row stays so shared records keep pointing at "a former member")."""
    user.name = personal_data.FORMER_MEMBER
    user.email = f"erased-{user.id}@erased.invalid"
    user.job_title, user.password_hash, user.active, user.promoted = "", None, False, False
    user.totp_secret = user.totp_enabled_at = user.totp_last_counter = None
    user.session_version = (user.session_version or 0) + 1
    user.erased_at = utcnow()
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.flush()


def purge_login_failures(cutoff) -> int:
    return db.session.execute(delete(LoginFailure).where(LoginFailure.at < cutoff)).rowcount


def register(app) -> None:
    personal_data.register(app, "accounts", export=export, erase=erase)
    personal_data.register_retention(app, "failed sign-in records", timedelta(days=30), purge_login_failures)
