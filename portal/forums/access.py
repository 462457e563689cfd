"""Who may do what in a forum: coordinators and the officer (and admins) change it, members read it,
everyone else sees its public description only."""

from dataclasses import dataclass

from flask import abort
from sqlalchemy import bindparam, select

from portal.core.roles import Role
from portal.extensions import db
from portal.forums.models import Forum, Membership


@dataclass(frozen=True)
class Standing:
    """One person's place in one forum, worked out with one query."""

    member: bool = False
    coordinator: bool = False
    officer: bool = False
    admin: bool = False

    @property
    def can_edit(self) -> bool:
        return self.coordinator or self.officer or self.admin

    @property
    def can_view(self) -> bool:
        return self.member or self.can_edit

    @property
    def can_see_members(self) -> bool:
        return self.can_edit


# The user's memberships of a forum and its parent: whether each is a coordinator's (every forum page asks; the
# statement is built once).
_MEMBERSHIPS = select(Membership.forum_id, Membership.coordinator).where(
    Membership.user_id == bindparam("user_id"), Membership.forum_id.in_(bindparam("forum_ids", expanding=True))
)


def standing(user, forum: Forum) -> Standing:
    """The user's standing; for a specialist network the parent forum's coordinators and officer also lead."""
    if not getattr(user, "is_authenticated", False):
        return Standing()
    ids = [forum.id] + ([forum.parent_id] if forum.parent_id else [])
    rows = {m.forum_id: m for m in db.session.execute(_MEMBERSHIPS, {"user_id": user.id, "forum_ids": ids})}
    own = rows.get(forum.id)
    parent = rows.get(forum.parent_id) if forum.parent_id else None
    officers = {forum.officer_id, forum.parent.officer_id if forum.parent else None} - {None}
    return Standing(
        member=own is not None,
        coordinator=bool((own and own.coordinator) or (parent and parent.coordinator)),
        officer=user.id in officers,
        admin=user.has_role(Role.ADMIN),
    )


def can_view_forum(user, forum: Forum) -> bool:
    return standing(user, forum).can_view


def can_edit_forum(user, forum: Forum) -> bool:
    return standing(user, forum).can_edit


def require(user, forum: Forum, *, edit: bool = False) -> Standing:
    """The standing, or 403 when the user may not read (or, with edit, change) the forum's inner pages."""
    found = standing(user, forum)
    if not (found.can_edit if edit else found.can_view):
        abort(403)
    return found
