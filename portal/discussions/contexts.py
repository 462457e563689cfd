"""The owners of discussion spaces: forums, themes and teams (one SpacePolicy each, see spaces.py)."""

from flask import url_for
from sqlalchemy import or_, select
from sqlalchemy.orm import defaultload, lazyload

from portal.accounts.models import User, UserRole
from portal.core.roles import Role
from portal.discussions.spaces import SpacePolicy, register
from portal.enquiries import access as team_access
from portal.enquiries.models import Registration, Team, TeamFacilitator, TeamMember, Theme
from portal.enquiries.plan_models import Enquiry, Measure
from portal.enquiries.sections import ALL_SECTIONS
from portal.extensions import db
from portal.forums.access import standing
from portal.forums.models import Forum, Membership


def _is_admin(user) -> bool:
    return user.has_role(Role.ADMIN)


def _role_holders(*roles: Role):
    return select(UserRole.user_id).where(UserRole.role.in_([str(r) for r in roles]))


def _forum_members(forum: Forum):
    officers = [i for i in (forum.officer_id,) if i]
    return select(User.id).where(
        or_(
            User.id.in_(select(Membership.user_id).where(Membership.forum_id == forum.id)),
            User.id.in_(officers),
            User.id.in_(_role_holders(Role.ADMIN)),
        )
    )


# A forum as a discussion space: its officer's account (and the parent network's) is never shown there, and joining
# it read the person with their establishment and authority on every page of the space.
_FORUM_ALONE = (lazyload(Forum.officer), defaultload(Forum.parent).lazyload(Forum.officer))


def _forum_access(user, forum: Forum) -> tuple[bool, bool]:
    found = standing(user, forum)
    return found.can_view, found.can_edit


def _forum_ids(user):
    if _is_admin(user):
        return None
    return select(Forum.id).where(
        or_(Forum.id.in_(select(Membership.forum_id).where(Membership.user_id == user.id)), Forum.officer_id == user.id)
    )


def _theme_viewer(user, theme) -> bool:
    """Registered people, key facilitators (they support teams across themes) and the lead officer."""
    return user.has_role(Role.ADMIN, Role.KEY_FACILITATOR) or team_access.is_registered(user, theme.id)


def _theme_members(theme: Theme):
    return select(User.id).where(
        or_(
            User.id.in_(select(Registration.user_id).where(Registration.theme_id == theme.id)),
            User.id.in_(_role_holders(Role.ADMIN, Role.KEY_FACILITATOR)),
        )
    )


def _theme_ids(user):
    if user.has_role(Role.ADMIN, Role.KEY_FACILITATOR):
        return None
    return select(Registration.theme_id).where(Registration.user_id == user.id)


def _team_members(team: Team):
    return select(User.id).where(
        or_(
            User.id.in_(select(TeamMember.user_id).where(TeamMember.team_id == team.id)),
            User.id.in_(select(TeamFacilitator.user_id).where(TeamFacilitator.team_id == team.id)),
        )
    )


def _team_ids(user):
    if _is_admin(user):
        return None
    return team_access.teams_visible_to(user, select(Team.id))


def _team_anchor(team: Team, anchor: str) -> str | None:
    """Comments in context on a team's enquiry: a plan section ("section:<key>") or a measure ("measure:<id>")."""
    kind, _, ref = anchor.partition(":")
    if kind == "section" and ref in ALL_SECTIONS:
        return f'the section "{ALL_SECTIONS[ref].title}"'
    if kind == "measure" and ref.isdigit():
        name = db.session.scalar(
            select(Measure.name)
            .join(Enquiry, Enquiry.id == Measure.enquiry_id)
            .where(Measure.id == int(ref), Enquiry.team_id == team.id)
        )
        return f'the measure "{name}" and its run chart' if name else None
    return None


def _names(model, column):
    def names(ids) -> dict[int, str]:
        return dict(db.session.execute(select(model.id, column).where(model.id.in_(list(ids)))).all()) if ids else {}

    return names


def register_contexts() -> None:
    register(
        "forum",
        SpacePolicy(
            label="Forum",
            load=lambda i: db.session.get(Forum, i, options=_FORUM_ALONE),
            name=lambda f: f.name,
            url=lambda f: url_for("forums.show_forum", forum_id=f.id),
            can_view=lambda u, f: standing(u, f).can_view,
            can_moderate=lambda u, f: standing(u, f).can_edit,
            members=_forum_members,
            visible_ids=_forum_ids,
            names=_names(Forum, Forum.name),
            access=_forum_access,
        ),
    )
    register(
        "theme",
        SpacePolicy(
            label="Theme",
            load=lambda i: db.session.get(Theme, i),
            name=lambda t: t.title,
            url=lambda t: url_for("enquiries.show_theme", theme_id=t.id),
            can_view=_theme_viewer,
            can_moderate=lambda u, t: u.has_role(Role.ADMIN, Role.KEY_FACILITATOR),
            members=_theme_members,
            visible_ids=_theme_ids,
            names=_names(Theme, Theme.title),
        ),
    )
    register(
        "team",
        SpacePolicy(
            label="Team",
            load=lambda i: db.session.get(Team, i),
            name=lambda t: t.name,
            url=lambda t: url_for("enquiries.show_team", team_id=t.id),
            can_view=team_access.can_view_team,
            can_moderate=lambda u, t: _is_admin(u) or team_access.is_facilitator(u, t),
            members=_team_members,
            visible_ids=_team_ids,
            names=_names(Team, Team.name),
            anchor_label=_team_anchor,
        ),
    )
