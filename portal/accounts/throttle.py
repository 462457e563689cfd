"""Sign-in throttling that an attacker cannot turn against others, counted in the database (shared by hosts).

Two counters, both delays and never locks:
- per account *and* address: after a few failures each further try waits longer (doubling, capped), so
  guessing one person's password from one place slows down while the owner elsewhere is not affected;
- per address: past a generous limit (a school behind one NAT), every new guess from it waits a few seconds.
A throttled attempt is refused before the password is checked and is not itself counted.
"""

from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select

from portal.accounts.models import LoginFailure
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.extensions import db


class Throttled(ServiceError):
    """Too many recent failures: try again after `seconds`."""

    def __init__(self, seconds: int):
        self.seconds = seconds
        wait = f"{seconds} seconds" if seconds < 120 else f"{(seconds + 59) // 60} minutes"
        super().__init__((None, f"Too many failed attempts. Wait {wait} and try again, or reset your password."))


def _pair_key(email: str, address: str) -> str:
    return f"pair:{email.strip().lower()}|{address}"


def _address_key(address: str) -> str:
    return f"address:{address}"


def pair_delay(failures: int, cfg) -> int:
    """Seconds to wait after `failures` failures of one account from one address (pure)."""
    free = cfg["LOGIN_FREE_FAILURES"]
    if failures < free:
        return 0
    return min(cfg["LOGIN_MAX_DELAY_SECONDS"], 2 ** (failures - free + 1))


def _stats(key: str, since):
    return db.session.execute(
        select(func.count(), func.max(LoginFailure.at)).where(LoginFailure.key == key, LoginFailure.at >= since)
    ).one()


def seconds_to_wait(email: str, address: str) -> int:
    """Seconds until this account may be tried from this address, 0 when it may be tried now."""
    cfg = current_app.config
    now = utcnow()
    since = now - timedelta(seconds=cfg["LOGIN_WINDOW_SECONDS"])
    waits = [0]
    count, last = _stats(_pair_key(email, address), since)
    if count and last:
        waits.append(pair_delay(count, cfg) - (now - last).total_seconds())
    count, last = _stats(_address_key(address), since)
    if count >= cfg["LOGIN_ADDRESS_LIMIT"] and last:
        waits.append(cfg["LOGIN_ADDRESS_DELAY_SECONDS"] - (now - last).total_seconds())
    return max(0, int(max(waits) + 0.999))


def check(email: str, address: str) -> None:
    """Raise Throttled when this attempt must wait."""
    seconds = seconds_to_wait(email, address)
    if seconds:
        raise Throttled(seconds)


def record_failure(email: str, address: str) -> None:
    db.session.add_all([LoginFailure(key=_pair_key(email, address)), LoginFailure(key=_address_key(address))])
    # Old rows are useless; trimming here keeps the table small without a scheduler.
    cutoff = utcnow() - timedelta(seconds=current_app.config["LOGIN_WINDOW_SECONDS"] * 4)
    db.session.execute(delete(LoginFailure).where(LoginFailure.at < cutoff))
    db.session.flush()


def clear(email: str, address: str) -> None:
    """A success from this address forgets its failures for this account (the address count stays)."""
    db.session.execute(delete(LoginFailure).where(LoginFailure.key == _pair_key(email, address)))
