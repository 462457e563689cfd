"""Two-factor sign-in: TOTP (RFC 6238, pyotp) with one-time recovery codes; required for some roles."""

import hashlib
import secrets
import time

import pyotp
import segno
from flask import current_app

from portal.accounts.models import RecoveryCode, User
from portal.audit.services import record as audit
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db

ISSUER = "West Partnership portal"
RECOVERY_CODES = 10
REQUIRED_ROLES = (Role.ADMIN, Role.LA_OFFICER)


def required_for(user: User) -> bool:
    """The partnership admin and LA officers must use two-factor sign-in while the setting is on."""
    return bool(current_app.config["TWO_FACTOR_REQUIRED"]) and user.has_role(*REQUIRED_ROLES)


def needed_at_sign_in(user: User) -> bool:
    return user.two_factor_enabled or required_for(user)


def begin_enrolment(user: User) -> str:
    """A fresh secret for an enrolment not yet confirmed; returns it (shown as a QR code and as text)."""
    if user.two_factor_enabled:
        raise ServiceError((None, "Two-factor sign-in is already on."))
    user.totp_secret = pyotp.random_base32()
    db.session.flush()
    return user.totp_secret


def provisioning_uri(user: User) -> str:
    return pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The QR code as inline SVG markup (no script, no inline style: allowed by the CSP)."""
    svg = segno.make(uri, error="m").svg_inline(
        scale=4, title="QR code for your authenticator app", dark="#000", light="#fff"
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().replace("-", "").replace(" ", "").lower().encode()).hexdigest()


def _new_recovery_codes(user: User) -> list[str]:
    db.session.execute(db.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash(code)) for code in codes)
    return codes


def _accept_totp(user: User, code: str, at: float | None = None) -> bool:
    """A current code (one step of clock drift either way), never the same time step twice."""
    totp = pyotp.TOTP(user.totp_secret)
    now = time.time() if at is None else at
    digits = code.strip().replace(" ", "")
    for drift in (0, -1, 1):
        counter = int(now // totp.interval) + drift
        if secrets.compare_digest(totp.generate_otp(counter), digits):
            if user.totp_last_counter is not None and counter <= user.totp_last_counter:
                return False  # replayed
            user.totp_last_counter = counter
            return True
    return False


def confirm_enrolment(user: User, code: str) -> list[str]:
    """Turn two-factor sign-in on with a code from the app; returns the recovery codes (shown once)."""
    if not user.totp_secret or user.two_factor_enabled:
        raise ServiceError((None, "Start setting up two-factor sign-in again."))
    if not _accept_totp(user, code):
        raise ServiceError(("code", "That code is not right. Enter the 6 digits your app shows now."))
    user.totp_enabled_at = utcnow()
    audit(user, "two_factor.on", user)
    codes = _new_recovery_codes(user)
    db.session.flush()
    return codes


def verify(user: User, code: str) -> bool:
    """A sign-in code: a current TOTP code or an unused recovery code (which is then used up)."""
    if not user.two_factor_enabled:
        return False
    if _accept_totp(user, code):
        audit(user, "sign_in.second_factor", user)
        db.session.flush()
        return True
    recovery = db.session.scalar(
        db.select(RecoveryCode).where(
            RecoveryCode.user_id == user.id, RecoveryCode.code_hash == _hash(code), RecoveryCode.used_at.is_(None)
        )
    )
    if recovery is None:
        return False
    recovery.used_at = utcnow()
    audit(user, "two_factor.recovery_code_used", user)
    db.session.flush()
    return True


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(
        db.select(db.func.count())
        .select_from(RecoveryCode)
        .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    )


def turn_off(user: User, code: str) -> None:
    """Turn two-factor sign-in off with a current code; refused for roles that require it."""
    if required_for(user):
        raise ServiceError((None, "Your role requires two-factor sign-in, so it cannot be turned off."))
    if not verify(user, code):
        raise ServiceError(("code", "That code is not right."))
    user.totp_secret = user.totp_enabled_at = user.totp_last_counter = None
    audit(user, "two_factor.off", user)
    db.session.execute(db.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.flush()
