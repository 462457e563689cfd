"""Delivering the outbox: claim one due message, send it, mark it sent once; failures retry with back-off.

Several workers are safe: on PostgreSQL the claim reads with FOR UPDATE SKIP LOCKED, and on both databases
the claim is a conditional update (pending -> sending) that only one worker can win, committed before the
slow SMTP conversation so no lock is held while sending. A worker that dies mid-send leaves a claim that
lapses after MAIL_CLAIM_SECONDS, and the message is tried again.
"""

import smtplib
import time
import uuid
from datetime import datetime, timedelta
from email.utils import parseaddr
from pathlib import Path

from flask import current_app
from sqlalchemy import func, or_, select, update

from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.mail import FAILED, PENDING, SENDING, SENT, OutboxMessage
from portal.extensions import db


def _transport(row: OutboxMessage) -> None:
    """Hand one message to the configured backend: SMTP, or an .eml file in MAIL_OUTBOX (development)."""
    config = current_app.config
    if config["MAIL_BACKEND"] == "smtp":
        sender = parseaddr(config["MAIL_SENDER"])[1]
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT"]) as smtp:
            smtp.sendmail(sender, [row.to_address], row.content)
    else:
        outbox = Path(config["MAIL_OUTBOX"])
        outbox.mkdir(parents=True, exist_ok=True)
        (outbox / f"{row.id:08d}-{uuid.uuid4().hex[:8]}.eml").write_bytes(row.content)


def backoff(attempts: int) -> timedelta:
    """How long to wait after the n-th failed attempt: doubling from MAIL_RETRY_SECONDS, at most an hour."""
    return timedelta(seconds=min(current_app.config["MAIL_RETRY_SECONDS"] * 2 ** (attempts - 1), 3600))


def _due(now: datetime):
    return or_(
        (OutboxMessage.status == PENDING) & (OutboxMessage.next_attempt_at <= now),
        (OutboxMessage.status == SENDING) & (OutboxMessage.next_attempt_at <= now),  # a lapsed claim
    )


def _claim(now: datetime) -> OutboxMessage | None:
    """Take the oldest due message for this worker (committed), or None when nothing is due."""
    lease = now + timedelta(seconds=current_app.config["MAIL_CLAIM_SECONDS"])
    while True:
        query = select(OutboxMessage.id).where(_due(now)).order_by(OutboxMessage.id).limit(1)
        if db.engine.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        ident = db.session.scalar(query)
        if ident is None:
            db.session.rollback()
            return None
        won = db.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == ident, _due(now))
            .values(status=SENDING, next_attempt_at=lease, attempts=OutboxMessage.attempts + 1)
            .execution_options(synchronize_session=False)
        ).rowcount
        db.session.commit()
        if won:  # otherwise another worker took it between our read and our update: look again
            return db.session.get(OutboxMessage, ident)


def deliver_one(now: datetime | None = None) -> bool | None:
    """Try one due message: True if sent, False if it failed (and will be retried or given up), None if
    nothing was due."""
    now = now or utcnow()
    row = _claim(now)
    if row is None:
        return None
    try:
        _transport(row)
    except (OSError, smtplib.SMTPException) as error:
        current_app.logger.warning(
            "mail to %s failed (attempt %s): %s", row.to_address, row.attempts, error, exc_info=True
        )
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
        if row.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
            row.status = FAILED
        else:
            row.status, row.next_attempt_at = PENDING, now + backoff(row.attempts)
        db.session.commit()
        return False
    row.status, row.sent_at, row.last_error = SENT, utcnow(), None
    db.session.commit()
    return True


def deliver_pending(now: datetime | None = None) -> tuple[int, int]:
    """One pass: deliver every message due now. Returns (sent, failed)."""
    sent = failed = 0
    while (result := deliver_one(now)) is not None:
        sent, failed = sent + bool(result), failed + (not result)
    return sent, failed


def run_worker(interval: float, stop=lambda: False) -> None:
    """Deliver forever (until `stop()`), resting `interval` seconds whenever the outbox is empty."""
    while not stop():
        try:
            deliver_pending()
        except Exception:  # a database hiccup must not end the worker: log it and try again
            current_app.logger.exception("mail worker pass failed")
            db.session.rollback()
        db.session.remove()
        time.sleep(interval)


def retry(message: OutboxMessage, *, actor) -> None:
    """The admin sends a failed (or waiting) message again now."""
    if message.status == SENT:
        raise ServiceError((None, "That message has already been sent."))
    message.status, message.next_attempt_at, message.attempts = PENDING, utcnow(), 0
    db.session.flush()


def counts() -> dict[str, int]:
    """How many messages are in each state (one query)."""
    rows = db.session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status))
    return {PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0, **dict(rows.all())}


def troubled(limit: int = 50) -> list[OutboxMessage]:
    """Messages that failed or are waiting after an error, newest first (for the admin)."""
    return list(
        db.session.scalars(
            select(OutboxMessage)
            .where(
                or_(OutboxMessage.status == FAILED, OutboxMessage.last_error.is_not(None)), OutboxMessage.status != SENT
            )
            .order_by(OutboxMessage.id.desc())
            .limit(limit)
        )
    )
