"""Who may see and change a team's enquiry: members, its link officers, assigned facilitators, the admin."""

from flask import has_request_context, request
from sqlalchemy import exists, inspect, or_, select

from portal.core.roles import Role
from portal.core.sqltext import in_order_walk
from portal.enquiries.models import Registration, Team, TeamFacilitator, TeamMember
from portal.extensions import db


def _loaded(team, collection: str) -> list | None:
    """The team's `collection` when this request has already loaded it (team pages load members and
    facilitators with the team), else None: then one EXISTS query answers instead. Only while reading (GET):
    a change in this request may add a member the loaded collection does not show."""
    if not has_request_context() or request.method not in ("GET", "HEAD"):
        return None
    state = inspect(team, raiseerr=False)
    if state is None or collection in state.unloaded or state.modified:
        return None
    return getattr(team, collection)


def is_member(user, team) -> bool:
    if not user.is_authenticated:
        return False
    members = _loaded(team, "members")
    if members is not None:
        return any(m.user_id == user.id for m in members)
    return bool(db.session.scalar(select(exists().where(TeamMember.team_id == team.id, TeamMember.user_id == user.id))))


def is_facilitator(user, team) -> bool:
    if not user.is_authenticated:
        return False
    facilitators = _loaded(team, "facilitators")
    if facilitators is not None:
        return any(f.user_id == user.id for f in facilitators)
    return bool(
        db.session.scalar(
            select(exists().where(TeamFacilitator.team_id == team.id, TeamFacilitator.user_id == user.id))
        )
    )


def _is_link_officer(user, team) -> bool:
    if not (user.has_role(Role.LA_OFFICER) and user.authority_id):
        return False
    members = _loaded(team, "members")
    if members is not None:
        return any(m.authority_id == user.authority_id for m in members)
    return bool(
        db.session.scalar(
            select(exists().where(TeamMember.team_id == team.id, TeamMember.authority_id == user.authority_id))
        )
    )


def can_view_team(user, team) -> bool:
    """Members, LA officers of a member's LA, assigned facilitators, the admin, and any registered rule."""
    if not user.is_authenticated:
        return False
    if user.has_role(Role.ADMIN) or is_member(user, team) or is_facilitator(user, team):
        return True
    return _is_link_officer(user, team)


def can_edit_team(user, team) -> bool:
    """Only the team's own members write its plan and evidence (the admin too, to put mistakes right)."""
    return user.is_authenticated and (user.has_role(Role.ADMIN) or is_member(user, team))


def is_registered(user, theme_id: int) -> bool:
    return bool(
        user.is_authenticated
        and db.session.scalar(
            select(exists().where(Registration.theme_id == theme_id, Registration.user_id == user.id))
        )
    )


def can_register(user) -> bool:
    return user.is_authenticated and user.has_role(Role.PRACTITIONER, Role.SENIOR_LEADER, Role.KEY_FACILITATOR)


def can_read_summary(user, team, published: bool) -> bool:
    """Published summaries: registrants of the theme and researchers; otherwise whoever may see the team."""
    if can_view_team(user, team):
        return True
    if not published:
        return False
    if user.has_role(Role.RESEARCHER):
        return True
    return team.theme_id is not None and is_registered(user, team.theme_id)


def can_read_summaries(user, theme_id: int) -> bool:
    """A theme's published sharing summaries: its registrants, and the partnership's staff and researchers."""
    return user.has_role(Role.ADMIN, Role.RESEARCHER, Role.LA_OFFICER) or is_registered(user, theme_id)


def can_see_registrations(user) -> bool:
    return user.has_role(Role.ADMIN) or (user.has_role(Role.LA_OFFICER) and user.authority_id is not None)


def teams_visible_to(user, stmt=None):
    """Restrict a select of Team to those `user` may view (admin: all; LA officer: a member from their LA)."""
    stmt = stmt if stmt is not None else select(Team)
    if user.has_role(Role.ADMIN):
        return stmt
    # in_order_walk: "my teams" (newest first) walks ix_enquiry_team_created_at_id to the end of its page.
    team = in_order_walk(Team.id)
    mine = select(TeamMember.team_id).where(TeamMember.user_id == user.id)
    facilitated = select(TeamFacilitator.team_id).where(TeamFacilitator.user_id == user.id)
    conditions = [team.in_(mine), team.in_(facilitated)]
    if user.has_role(Role.LA_OFFICER) and user.authority_id:
        conditions.append(team.in_(select(TeamMember.team_id).where(TeamMember.authority_id == user.authority_id)))
    return stmt.where(or_(*conditions))
