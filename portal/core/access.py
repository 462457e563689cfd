"""Access rules in one place: the role decorator for coarse rules, functions for objects."""

from collections.abc import Callable
from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from portal.core.roles import Role
from portal.extensions import db


def roles_required(*roles: Role) -> Callable:
    """Signed in and holding at least one of `roles` (admins pass every role check)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(Role.ADMIN, *roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def get_or_404(model, ident):
    """Load by primary key or answer 404 (ids from URLs are never trusted)."""
    obj = db.session.get(model, ident)
    if obj is None:
        abort(404)
    return obj


def officer_authority_id(actor) -> int | None:
    """The LA an LA officer is scoped to, or None for anyone else."""
    return actor.authority_id if actor.has_role(Role.LA_OFFICER) else None
