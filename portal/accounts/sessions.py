"""Signed-in sessions the server can end: each session carries its person's session generation, and raising
the generation (sign-out, password set, roles changed, deactivation, "sign out everywhere") ends them all,
including any copy of the cookie."""

import time

from flask import current_app, session
from flask_login import login_user
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload

from portal.accounts.models import User
from portal.audit.services import record as audit
from portal.extensions import db

GENERATION_KEY = "_sv"
# Every signed-in request loads its person: one statement (roles joined, not a second SELECT), built once.
_LOAD_USER = select(User).where(User.id == bindparam("uid")).options(joinedload(User.role_rows))


def load_user(user_id: str) -> User | None:
    """Flask-Login's loader: the person, only while this session's generation is still theirs. Read from the
    database on every request (never a per-process cache), so revocation holds on every host at once."""
    user = db.session.scalars(_LOAD_USER, {"uid": int(user_id)}).unique().first() if user_id.isdigit() else None
    if user is None or not user.active or session.get(GENERATION_KEY, 0) != user.session_version:
        return None
    return user


def start(user: User) -> None:
    """Sign `user` in on this browser, in their current generation."""
    login_user(user)
    session[GENERATION_KEY] = user.session_version


def end_all(user: User) -> None:
    """End every session of `user` (flushes; the view commits)."""
    user.session_version = (user.session_version or 0) + 1
    audit(None, "sessions.ended", user)
    db.session.flush()


PENDING_KEY = "_2fa_pending"


def begin_pending(user: User, next_url: str | None) -> None:
    """The password was right and a second factor is due: remember who, for a few minutes, in this browser."""
    session.pop(PENDING_KEY, None)
    session[PENDING_KEY] = {"uid": user.id, "sv": user.session_version, "at": int(time.time()), "next": next_url}


def pending_user() -> User | None:
    """The person half-way through signing in on this browser, while that is recent and still valid."""
    data = session.get(PENDING_KEY)
    if not data or time.time() - data["at"] > current_app.config["TWO_FACTOR_PENDING_SECONDS"]:
        return None
    user = db.session.get(User, data["uid"])
    if user is None or not user.active or user.session_version != data["sv"]:
        return None
    return user


def finish_pending(user: User) -> str | None:
    """Sign in the person whose second factor is checked; returns where they were going."""
    data = session.pop(PENDING_KEY, {})
    start(user)
    return data.get("next")
