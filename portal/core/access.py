"""Access rules in one place: the role decorator for coarse rules, functions for objects."""

from collections.abc import Callable
from functools import wraps

from flask import abort, current_app
from flask_login import current_user, login_required

from portal.core.inputs import MAX_INT
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

        wrapped.required_roles = frozenset(roles)  # read by may_open, so links follow the view's own rule
        return wrapped

    return decorator


def may_open(user, endpoint: str) -> bool:
    """Whether `user` passes the role rule of `endpoint` (its roles_required), so that templates show a link
    exactly when the view would open it. Object-level rules live in each domain's access.py."""
    view = current_app.view_functions.get(endpoint)
    roles = getattr(view, "required_roles", None)
    if not user.is_authenticated or view is None:
        return False
    return roles is None or user.has_role(Role.ADMIN, *roles)


def get_or_404(model, ident):
    """Load by primary key or answer 404 (ids from URLs and forms are never trusted: one too large to store is
    not found either)."""
    if isinstance(ident, int) and not 0 < ident <= MAX_INT:
        abort(404)
    obj = db.session.get(model, ident)
    if obj is None:
        abort(404)
    return obj


def officer_authority_id(actor) -> int | None:
    """The LA an LA officer is scoped to, or None for anyone else."""
    return actor.authority_id if actor.has_role(Role.LA_OFFICER) else None
