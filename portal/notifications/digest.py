"""Daily and weekly digests: each pending notification is e-mailed once, whatever how often the job runs."""

from datetime import datetime

from sqlalchemy import select

from portal.accounts.models import User
from portal.extensions import db
from portal.notifications import emails
from portal.notifications.kinds import DAILY, WEEKLY
from portal.notifications.models import Notification
from portal.notifications.services import unsubscribe_token

WEEKLY_DAY = 0  # Monday


def send_digests(now: datetime, *, weekly: bool | None = None, after_each=None) -> int:
    """E-mail every person their pending daily notifications (and weekly ones on Mondays, or when `weekly`);
    marks them emailed so a second run sends nothing. Returns the number of digests sent."""
    modes = [DAILY] + ([WEEKLY] if (now.weekday() == WEEKLY_DAY if weekly is None else weekly) else [])
    sent = 0
    for mode in modes:
        pending = db.session.scalars(
            select(Notification)
            .where(
                Notification.email_mode == mode,
                Notification.emailed_at.is_(None),
                Notification.created_at <= now,
            )
            .order_by(Notification.user_id, Notification.space_label, Notification.id)
        ).all()
        by_person: dict[int, list[Notification]] = {}
        for note in pending:
            by_person.setdefault(note.user_id, []).append(note)
        people = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(list(by_person))))}
        for uid, notes in by_person.items():
            person = people[uid]
            tokens = {n.kind: unsubscribe_token(person, n.kind) for n in notes}
            if person.active:
                emails.send_digest(person, "daily" if mode == DAILY else "weekly", notes, tokens)
                sent += 1
            for note in notes:
                note.emailed_at = now
            db.session.flush()
            if after_each:
                after_each()  # commit per person: a crash half-way never sends anyone's digest twice
    return sent
