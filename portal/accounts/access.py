"""Who may see, invite and change people: admins everywhere, LA officers within their own LA."""

from sqlalchemy import or_, select

from portal.accounts.models import User
from portal.core.access import officer_authority_id
from portal.core.roles import Role
from portal.core.sqltext import in_list_of, in_order_walk
from portal.organisations.models import Establishment


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


def people_scope(actor) -> tuple[str, int | None]:
    """Whom `actor` may see among people: ("all", None) for admins, ("la", their LA) for LA officers, else
    ("self", their own id)."""
    if actor.has_role(Role.ADMIN):
        return "all", None
    la = officer_authority_id(actor)
    return ("self", actor.id) if la is None else ("la", la)


def within_scope(stmt, scope: str, value):
    """A select of User restricted to a `people_scope` (`value` may be a bound parameter)."""
    if scope == "all":
        return stmt
    return stmt.where(User.id == value) if scope == "self" else stmt.where(of_authority(value))


def people_visible_to(actor, stmt=None):
    """Restrict a select of User to the people `actor` may see."""
    return within_scope(stmt if stmt is not None else select(User), *people_scope(actor))


def of_authority(la: int):
    """People of LA `la`: its own staff and the people of its establishments. Written for a list read in name order
    (`in_order_walk`: SQLite walks ix_user_account_people_list, which holds both columns, to the end of the page;
    `in_list_of`: PostgreSQL counts them from the indexes of both columns)."""
    in_la_establishment = select(Establishment.id).where(Establishment.authority_id == la)
    return or_(
        in_order_walk(User.authority_id) == la, in_list_of(in_order_walk(User.establishment_id), in_la_establishment)
    )
