"""The one notification service: notify() stores a notification per person and e-mails per their preference."""

from collections.abc import Iterable

from sqlalchemy import func, select, update

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.mail import Attachment
from portal.core.tokens import make_signed, read_signed
from portal.extensions import db
from portal.notifications import emails
from portal.notifications.kinds import IMMEDIATELY, KINDS, MODES, OFF
from portal.notifications.models import Notification, NotificationPreference

portal_path = emails.path  # for callers: a path in the portal, inside a request or not

UNSUBSCRIBE = "unsubscribe"


def modes_for(user_ids: list[int], kind: str) -> dict[int, str]:
    """Each person's e-mail mode for `kind` (one query; the kind's default where they chose nothing)."""
    chosen = (
        dict(
            db.session.execute(
                select(NotificationPreference.user_id, NotificationPreference.mode).where(
                    NotificationPreference.kind == kind, NotificationPreference.user_id.in_(user_ids)
                )
            ).all()
        )
        if user_ids
        else {}
    )
    default = KINDS[kind].default
    return {uid: chosen.get(uid, default) for uid in user_ids}


def notify(
    recipients: Iterable[User],
    kind: str,
    subject: str,
    summary: str = "",
    url: str = "",
    *,
    space: tuple[str, int | None, str] | None = None,
    actor=None,
    attachments: tuple[Attachment, ...] = (),
) -> list[Notification]:
    """Tell each recipient (once, never the actor) that something happened; `space` is (type, id, label) for
    digests; `url` a path in the portal. Immediate e-mails go now (with `attachments`), digests later."""
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind!r}")
    people = {u.id: u for u in recipients if u is not None and u.active and (actor is None or u.id != actor.id)}
    modes = modes_for(list(people), kind)
    space_type, space_id, space_label = space or ("", None, "")
    now = utcnow()
    made = []
    for uid, person in people.items():
        note = Notification(
            user_id=uid,
            kind=kind,
            subject=subject[:200],
            summary=summary,
            url=url,
            space_type=space_type,
            space_id=space_id,
            space_label=space_label[:200],
            email_mode=modes[uid],
            created_at=now,
        )
        if note.email_mode == IMMEDIATELY:
            emails.send_one(person, note, unsubscribe_token(person, kind), attachments)
            note.emailed_at = now
        made.append(note)
    db.session.add_all(made)
    db.session.flush()
    return made


def unread_count(user) -> int:
    return (
        db.session.scalar(
            select(func.count(Notification.id)).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        )
        or 0
    )


def mark_read(user, ids: list[int] | None = None) -> int:
    """Mark the person's notifications read (all of them, or only `ids`); returns how many changed."""
    stmt = update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    if ids is not None:
        stmt = stmt.where(Notification.id.in_(ids))
    return db.session.execute(stmt.values(read_at=utcnow())).rowcount


def preferences(user) -> dict[str, str]:
    chosen = dict(
        db.session.execute(
            select(NotificationPreference.kind, NotificationPreference.mode).where(
                NotificationPreference.user_id == user.id
            )
        ).all()
    )
    return {kind: chosen.get(kind, spec.default) for kind, spec in KINDS.items()}


def set_preference(user, kind: str, mode: str) -> None:
    if kind not in KINDS or mode not in MODES:
        raise ServiceError((kind, "Choose one of the options."))
    row = db.session.get(NotificationPreference, (user.id, kind))
    if row is None:
        db.session.add(NotificationPreference(user_id=user.id, kind=kind, mode=mode))
    else:
        row.mode = mode
    db.session.flush()


def set_preferences(user, modes: dict[str, str]) -> None:
    for kind, mode in modes.items():
        set_preference(user, kind, mode)


def unsubscribe_token(user, kind: str) -> str:
    """A signed token naming one person and one kind: it switches off that kind's e-mail for that person only."""
    return make_signed({"uid": user.id, "kind": kind}, UNSUBSCRIBE)


def read_unsubscribe(token: str) -> tuple[User, str] | None:
    data = read_signed(token, UNSUBSCRIBE)
    if not data or data.get("kind") not in KINDS or not isinstance(data.get("uid"), int):
        return None
    user = db.session.get(User, data["uid"])
    return (user, data["kind"]) if user is not None else None


def unsubscribe(token: str) -> tuple[User, str]:
    """Switch off e-mail for the person and kind the token names (no sign-in needed)."""
    found = read_unsubscribe(token)
    if found is None:
        raise ServiceError((None, "This unsubscribe link is not valid. Sign in to change your e-mail settings."))
    set_preference(found[0], found[1], OFF)
    return found
