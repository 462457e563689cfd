"""Access rules in one place: the role decorator for coarse rules, functions for objects."""

from collections.abc import Callable
from functools import wraps

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import or_, select

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


def can_manage_people(actor) -> bool:
    return actor.has_role(Role.ADMIN) or (actor.has_role(Role.LA_OFFICER) and actor.authority_id is not None)


def can_view_person(actor, person) -> bool:
    """Admins see everyone; LA officers see the people of their own LA; everyone sees themselves."""
    if actor.id == person.id or actor.has_role(Role.ADMIN):
        return True
    la = officer_authority_id(actor)
    return la is not None and person.home_authority_id == la


def can_edit_roles(actor, person) -> bool:
    """Only the partnership admin grants roles: roles widen access across the region."""
    return actor.has_role(Role.ADMIN)


def can_invite_to_establishment(actor, establishment) -> bool:
    if actor.has_role(Role.ADMIN):
        return True
    la = officer_authority_id(actor)
    return la is not None and establishment is not None and establishment.authority_id == la


def people_visible_to(actor, stmt=None):
    """Restrict a select of User to the people `actor` may see."""
    from portal.accounts.models import User
    from portal.organisations.models import Establishment

    stmt = stmt if stmt is not None else select(User)
    if actor.has_role(Role.ADMIN):
        return stmt
    la = officer_authority_id(actor)
    if la is None:
        return stmt.where(User.id == actor.id)
    in_la_establishment = select(Establishment.id).where(Establishment.authority_id == la)
    return stmt.where(or_(User.authority_id == la, User.establishment_id.in_(in_la_establishment)))
