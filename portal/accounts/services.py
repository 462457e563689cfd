"""Rules for people: signing in, inviting, setting passwords, profiles and roles."""

import secrets
from functools import cache

from flask import current_app, url_for
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from portal.accounts import passwords, sessions, throttle
from portal.accounts.access import can_invite_to_establishment
from portal.accounts.models import User, UserRole
from portal.audit.services import record as audit
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.mail import send_template
from portal.core.roles import Role
from portal.core.tokens import make_token, read_token
from portal.extensions import db


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


@cache
def _dummy_hash() -> str:
    """A hash of nothing anyone knows, made like real ones: checking it costs what checking a real one does."""
    return generate_password_hash(secrets.token_urlsafe(32))


def password_matches(user: User | None, password: str) -> bool:
    """Check the password in the same time whether or not the account exists, is active or has a password."""
    usable = user is not None and user.active and bool(user.password_hash)
    matches = check_password_hash(user.password_hash if usable else _dummy_hash(), password)
    return usable and matches


def authenticate(email: str, password: str, address: str) -> User:
    """The user for these credentials, or ServiceError (throttled or wrong); never says which part was wrong."""
    throttle.check(email, address)
    user = find_by_email(email)
    if not password_matches(user, password):
        throttle.record_failure(email, address)
        audit(None, "sign_in.failed", user if user is not None else None)
        raise ServiceError((None, "Enter a correct e-mail address and password."))
    throttle.clear(email, address)
    audit(user, "sign_in.password", user)
    return user


def set_password(user: User, password: str) -> None:
    """Set a new password if it is hard enough to guess (ServiceError on the field saying why not)."""
    reason = passwords.weakness(password, personal=(user.name, user.email))
    if reason:
        raise ServiceError(("password", reason))
    user.password_hash = generate_password_hash(password)  # scrypt, werkzeug's default
    sessions.end_all(user)  # a new password ends every session, e.g. one an attacker holds
    audit(user, "password.set", user)


def change_password(user: User, current: str, new: str) -> None:
    """Change one's own password: the current one must be right; every other session ends."""
    if not password_matches(user, current):
        raise ServiceError(("current", "Your current password is not right."))
    set_password(user, new)


def set_roles(user: User, roles: set[Role], *, actor: User, authority_id: int | None = None) -> None:
    """Replace a person's roles; an LA officer must be scoped to one LA."""
    if not actor.has_role(Role.ADMIN):
        raise ServiceError((None, "Only the partnership lead officer can change roles."))
    if Role.LA_OFFICER in roles and not (authority_id or user.authority_id):
        raise ServiceError(("authority", "Choose the local authority this LA officer works for."))
    if user.id == actor.id and Role.ADMIN not in roles:
        raise ServiceError(("roles", "You cannot remove your own lead officer role."))
    if authority_id is not None:
        user.authority_id = authority_id
    current = {r.role: r for r in user.role_rows}
    for role in roles - set(current):
        user.role_rows.append(UserRole(role=str(role)))
    for name, row in current.items():
        if name not in roles:
            user.role_rows.remove(row)
    if set(current) != {str(r) for r in roles}:
        audit(actor, "roles.changed", user, before=sorted(current), after=sorted(str(r) for r in roles))
        sessions.end_all(user)  # sessions begun under the old roles end
    db.session.flush()


def set_active(user: User, active: bool, *, actor: User) -> None:
    """Deactivate (every session ends, no sign-in) or reactivate an account; nobody deactivates themselves."""
    if user.id == actor.id or user.active == active:
        return
    user.active = active
    audit(actor, "account.reactivated" if active else "account.deactivated", user)
    if not active:
        sessions.end_all(user)
    db.session.flush()


def create_person(
    *,
    name: str,
    email: str,
    establishment,
    job_title: str = "",
    promoted: bool = False,
    roles: set[Role] = frozenset(),
    authority_id: int | None = None,
) -> User:
    """A new person with no password yet (they set it from their invitation)."""
    email = normalise_email(email)
    if find_by_email(email):
        raise ServiceError(("email", "Someone with this e-mail address already has an account."))
    user = User(
        name=name.strip(),
        email=email,
        establishment=establishment,
        job_title=job_title.strip(),
        promoted=promoted,
        authority_id=authority_id,
    )
    user.role_rows = [UserRole(role=str(r)) for r in (roles or {Role.PRACTITIONER})]
    db.session.add(user)
    db.session.flush()
    return user


def invite_person(
    *,
    actor: User,
    name: str,
    email: str,
    establishment,
    job_title: str = "",
    promoted: bool = False,
    roles: set[Role] = frozenset(),
) -> User:
    """Create the person and e-mail them a time-limited link to set their password."""
    if not can_invite_to_establishment(actor, establishment):
        raise ServiceError(("establishment", "You can invite people to establishments in your own LA only."))
    if not actor.has_role(Role.ADMIN) and set(roles) - {Role.PRACTITIONER, Role.SENIOR_LEADER}:
        raise ServiceError(("roles", "LA officers can invite practitioners and senior leaders only."))
    user = create_person(
        name=name, email=email, establishment=establishment, job_title=job_title, promoted=promoted, roles=set(roles)
    )
    audit(actor, "invitation.sent", user, after={"roles": sorted(str(r) for r in user.roles)})
    send_invitation(user)
    return user


def send_invitation(user: User) -> None:
    user.invited_at = utcnow()
    link = url_for("accounts.accept_invitation", token=make_token(user, "invite"), _external=True)
    days = current_app.config["INVITATION_MAX_AGE"] // 86400
    send_template(
        user.email,
        "invitation",
        name=user.name,
        days=days,
        link=link,
        link_label="Set your password",
        reason="someone at the West Partnership invited this address to the portal",
    )


def user_from_token(token: str, purpose: str) -> User | None:
    max_age = current_app.config["INVITATION_MAX_AGE" if purpose == "invite" else "RESET_MAX_AGE"]
    return read_token(token, purpose, max_age, lambda uid: db.session.get(User, uid))


def request_password_reset(email: str) -> None:
    """E-mail a reset link if the address has an active account; say nothing either way."""
    user = find_by_email(email)
    if user is None or not user.active:
        return
    link = url_for("accounts.reset_password", token=make_token(user, "reset"), _external=True)
    send_template(
        user.email,
        "password_reset",
        name=user.name,
        link=link,
        link_label="Choose a new password",
        reason="a password reset was asked for on the portal for this address",
    )


def update_profile(user: User, *, name: str, job_title: str, establishment, promoted: bool) -> None:
    user.name = name.strip()
    user.job_title = job_title.strip()
    user.establishment = establishment
    user.promoted = promoted
    db.session.flush()


def count_people() -> int:
    return db.session.scalar(select(func.count(User.id)))
