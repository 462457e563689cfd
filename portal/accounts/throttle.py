"""Sign-in throttling per account and per address, counted in the database so every host shares it."""

from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select

from portal.accounts.models import LoginFailure, utcnow
from portal.extensions import db


def _keys(email: str, address: str) -> tuple[str, str]:
    return f"account:{email.strip().lower()}", f"address:{address}"


def _failures(key: str, since) -> int:
    return db.session.scalar(select(func.count()).where(LoginFailure.key == key, LoginFailure.at >= since))


def minutes_locked(email: str, address: str) -> int:
    """Minutes until another try is allowed, or 0 when this account and address may try now."""
    cfg = current_app.config
    window = timedelta(seconds=cfg["LOGIN_WINDOW_SECONDS"])
    since = utcnow() - window
    account_key, address_key = _keys(email, address)
    over = (_failures(account_key, since) >= cfg["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
            or _failures(address_key, since) >= cfg["LOGIN_MAX_FAILURES_PER_ADDRESS"])
    if not over:
        return 0
    oldest = db.session.scalar(
        select(func.max(LoginFailure.at)).where(LoginFailure.key.in_(_keys(email, address)))
    )
    remaining = (oldest + window - utcnow()).total_seconds() if oldest else window.total_seconds()
    return max(1, int(remaining // 60) + 1)


def record_failure(email: str, address: str) -> None:
    for key in _keys(email, address):
        db.session.add(LoginFailure(key=key))
    # Old rows are useless; trimming here keeps the table small without a scheduler.
    cutoff = utcnow() - timedelta(seconds=current_app.config["LOGIN_WINDOW_SECONDS"] * 4)
    db.session.execute(delete(LoginFailure).where(LoginFailure.at < cutoff))
    db.session.flush()


def clear_account(email: str) -> None:
    account_key, _ = _keys(email, "")
    db.session.execute(delete(LoginFailure).where(LoginFailure.key == account_key))
