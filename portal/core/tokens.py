"""Signed, time-limited tokens for e-mailed links; a token dies once the password it guards changes."""

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"portal-{purpose}")


def _fingerprint(user) -> str:
    # Any change of password changes this, so a used link cannot be used again.
    return hashlib.sha256((user.password_hash or "unset").encode()).hexdigest()[:16]


def make_token(user, purpose: str) -> str:
    return _serializer(purpose).dumps({"uid": user.id, "fp": _fingerprint(user)})


def read_token(token: str, purpose: str, max_age: int, load_user):
    """The user the token names, or None if it is forged, expired or already used."""
    try:
        data = _serializer(purpose).loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature):
        return None
    user = load_user(data.get("uid"))
    if user is None or data.get("fp") != _fingerprint(user):
        return None
    return user


def make_record_token(record_id: int, purpose: str) -> str:
    """A signed token naming a record (e.g. a team invitation); the record itself says whether it is used."""
    return _serializer(purpose).dumps({"id": record_id})


def read_record_token(token: str, purpose: str, max_age: int) -> int | None:
    """The record id a token names, or None if it is forged or expired."""
    try:
        data = _serializer(purpose).loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature):
        return None
    return data.get("id") if isinstance(data, dict) else None


def make_signed(data: dict, purpose: str) -> str:
    """A signed (not encrypted) token carrying `data`, for links that must work without signing in."""
    return _serializer(purpose).dumps(data)


def read_signed(token: str, purpose: str, max_age: int | None = None) -> dict | None:
    """The data a token carries, or None if it is forged (or older than max_age seconds)."""
    try:
        data = _serializer(purpose).loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature):
        return None
    return data if isinstance(data, dict) else None
