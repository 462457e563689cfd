"""Rules for collaborative teams: forming one, invitations by e-mail link, requests to join, facilitators."""

from flask import current_app, url_for
from sqlalchemy import func, select

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.mail import send_template
from portal.core.roles import Role
from portal.core.tokens import make_record_token, read_record_token
from portal.enquiries.access import can_edit_team, is_member
from portal.enquiries.models import (
    TEAM_KINDS,
    JoinRequest,
    Team,
    TeamFacilitator,
    TeamInvitation,
    TeamMember,
    Theme,
)
from portal.enquiries.plan_models import Enquiry
from portal.enquiries.themes import register
from portal.extensions import db
from portal.notifications.services import notify, portal_path

INVITE_PURPOSE = "team-invite"


def _add_member(team: Team, user: User) -> TeamMember:
    found = db.session.scalar(select(TeamMember).where(TeamMember.team_id == team.id, TeamMember.user_id == user.id))
    if found:
        return found
    member = TeamMember(
        team_id=team.id, user_id=user.id, establishment_id=user.establishment_id, authority_id=user.home_authority_id
    )
    db.session.add(member)
    if team.theme_id is not None and user.has_role(Role.PRACTITIONER, Role.SENIOR_LEADER, Role.KEY_FACILITATOR):
        register(db.session.get(Theme, team.theme_id), actor=user)
    return member


def add_member(team: Team, user: User) -> TeamMember:
    """Add someone to a team (for domains that form teams themselves, e.g. the Gateway on an accepted request)."""
    _not_network(team)
    return _add_member(team, user)


def create_team(
    *,
    actor,
    name: str,
    shared_goal: str = "",
    theme: Theme | None = None,
    kind: str = "themed",
    members: tuple[User, ...] = (),
) -> Team:
    """A team with its (empty) enquiry. Themed teams are formed by a registrant, who becomes the first member;
    network teams (cohorts' matching) pass their members instead."""
    if kind not in TEAM_KINDS:
        raise ServiceError((None, f"Unknown kind of team: {kind}."))
    if kind == "themed" and theme is None:
        raise ServiceError(("theme", "Choose the theme."))
    if not name.strip():
        raise ServiceError(("name", "Give the team a name."))
    team = Team(
        kind=kind,
        theme_id=theme.id if theme else None,
        name=name.strip()[:160],
        shared_goal=shared_goal.strip(),
        created_by_id=actor.id,
    )
    db.session.add(team)
    db.session.flush()
    db.session.add(Enquiry(team_id=team.id))
    for person in members or (actor,):
        _add_member(team, person)
    db.session.flush()
    return team


def _not_network(team: Team) -> None:
    if team.kind == "network":  # members come from the cohort's matching, kept in step by portal/cohorts
        raise ServiceError((None, "A network team's members are the people its cohort matched into it."))


def update_team(team: Team, *, actor, name: str, shared_goal: str) -> None:
    if not can_edit_team(actor, team):
        raise ServiceError((None, "Only the team's members can change it."))
    if not name.strip():
        raise ServiceError(("name", "Give the team a name."))
    team.name, team.shared_goal = name.strip()[:160], shared_goal.strip()
    db.session.flush()


def _remove(team: Team, member: TeamMember) -> None:
    others = db.session.scalar(
        select(func.count(TeamMember.id)).where(TeamMember.team_id == team.id, TeamMember.id != member.id)
    )
    if not others:
        raise ServiceError(
            (
                None,
                "A team needs at least one member: the last member cannot leave or be removed. "
                "Invite a colleague first.",
            )
        )
    db.session.delete(member)
    db.session.flush()
    db.session.expire(team, ["members"])


def leave_team(team: Team, *, actor) -> None:
    """The member leaves a themed team; the last member cannot (the team would have nobody to carry it on)."""
    member = db.session.scalar(select(TeamMember).where(TeamMember.team_id == team.id, TeamMember.user_id == actor.id))
    if member is None:
        raise ServiceError((None, "You are not a member of this team."))
    _not_network(team)
    _remove(team, member)


def remove_member(team: Team, member: TeamMember, *, actor) -> User:
    """A member (or the admin) removes someone from a themed team; returns the person removed."""
    if not can_edit_team(actor, team):
        raise ServiceError((None, "Only the team's members can remove a member."))
    if member.team_id != team.id:
        raise ServiceError((None, "That person is not a member of this team."))
    _not_network(team)
    person = db.session.get(User, member.user_id)
    _remove(team, member)
    return person


def invite(team: Team, email: str, *, actor) -> TeamInvitation:
    """E-mail a signed link that lets the person with this address join the team."""
    if not is_member(actor, team):
        raise ServiceError((None, "Only members can invite people to the team."))
    _not_network(team)
    email = email.strip().lower()
    if "@" not in email:
        raise ServiceError(("email", "Enter an e-mail address like name@school.org."))
    invitation = TeamInvitation(team_id=team.id, email=email, invited_by_id=actor.id)
    db.session.add(invitation)
    db.session.flush()
    link = url_for(
        "enquiries.accept_invitation", token=make_record_token(invitation.id, INVITE_PURPOSE), _external=True
    )
    days = current_app.config["INVITATION_MAX_AGE"] // 86400
    send_template(
        email,
        "team_invitation",
        inviter=actor.name,
        team=team.name,
        days=days,
        link=link,
        link_label="Join the team",
        reason=f"{actor.name} invited this address to a collaborative team",
    )
    return invitation


def invitation_from_token(token: str) -> TeamInvitation | None:
    ident = read_record_token(token, INVITE_PURPOSE, current_app.config["INVITATION_MAX_AGE"])
    invitation = db.session.get(TeamInvitation, ident) if isinstance(ident, int) else None
    return invitation if invitation and invitation.accepted_at is None else None


def accept_invitation(invitation: TeamInvitation, *, actor) -> Team:
    """Join the team; the invitation works once and only for the address it was sent to."""
    if actor.email != invitation.email:
        raise ServiceError((None, f"This invitation was sent to {invitation.email}: sign in with that account."))
    team = db.session.get(Team, invitation.team_id)
    _add_member(team, actor)
    invitation.accepted_at = utcnow()
    db.session.flush()
    return team


def request_to_join(team: Team, *, actor, message: str = "") -> JoinRequest:
    if is_member(actor, team):
        raise ServiceError((None, "You are already a member of this team."))
    _not_network(team)
    pending = db.session.scalar(
        select(JoinRequest).where(
            JoinRequest.team_id == team.id, JoinRequest.user_id == actor.id, JoinRequest.decided_at.is_(None)
        )
    )
    if pending:
        return pending
    req = JoinRequest(team_id=team.id, user_id=actor.id, message=message.strip()[:1000])
    db.session.add(req)
    db.session.flush()
    members = db.session.scalars(
        select(User).join(TeamMember, TeamMember.user_id == User.id).where(TeamMember.team_id == team.id)
    ).all()
    notify(
        members,
        "join_request",
        f"{actor.name} asks to join {team.name}",
        req.message,
        portal_path("enquiries.show_team", team_id=team.id),
        space=("team", team.id, f"Team: {team.name}"),
        actor=actor,
    )
    return req


def decide_request(req: JoinRequest, *, actor, accept: bool) -> None:
    """A member accepts (the person joins) or declines a request to join."""
    team = db.session.get(Team, req.team_id)
    if not is_member(actor, team):
        raise ServiceError((None, "Only members can answer requests to join."))
    if req.decided_at is not None:
        raise ServiceError((None, "Someone in the team has already answered this request."))
    req.decided_at, req.accepted = utcnow(), accept
    person = db.session.get(User, req.user_id)
    if accept:
        _add_member(team, person)
    db.session.flush()
    notify(
        [person],
        "join_request",
        f"You {'have joined' if accept else 'were not added to'} {team.name}",
        "" if accept else "A member of the team answered your request to join.",
        portal_path("enquiries.show_team", team_id=team.id) if accept else portal_path("enquiries.my_teams"),
        actor=actor,
    )


def assign_facilitator(team: Team, facilitator: User, *, actor) -> TeamFacilitator:
    """The admin assigns a key facilitator to support a team (cohorts may do the same for network teams)."""
    if not actor.has_role(Role.ADMIN):
        raise ServiceError((None, "Only the partnership lead officer assigns facilitators."))
    if team.kind == "network":
        raise ServiceError((None, "A network team's facilitator is assigned in its cohort team space."))
    if not facilitator.has_role(Role.KEY_FACILITATOR):
        raise ServiceError(("facilitator", "Choose someone who is a key facilitator."))
    found = db.session.scalar(
        select(TeamFacilitator).where(TeamFacilitator.team_id == team.id, TeamFacilitator.user_id == facilitator.id)
    )
    if found:
        return found
    link = TeamFacilitator(team_id=team.id, user_id=facilitator.id)
    db.session.add(link)
    db.session.flush()
    return link


def set_facilitators(team: Team, people, *, actor) -> None:
    """Make `people` exactly the team's facilitators (cohorts keep a network team's one facilitator in step)."""
    if not actor.has_role(Role.ADMIN):
        raise ServiceError((None, "Only the partnership lead officer assigns facilitators."))
    wanted = {p.id for p in people}
    for link in db.session.scalars(select(TeamFacilitator).where(TeamFacilitator.team_id == team.id)):
        if link.user_id not in wanted:
            db.session.delete(link)
        wanted.discard(link.user_id)
    for user_id in wanted:
        db.session.add(TeamFacilitator(team_id=team.id, user_id=user_id))
    db.session.flush()


def set_network_members(team: Team, people, *, actor) -> None:
    """Make `people` exactly a network team's members (cohorts keep it in step when a team changes after
    publication); the enquiry record stays with the team."""
    if not actor.has_role(Role.ADMIN):
        raise ServiceError((None, "Only the partnership lead officer changes a network team."))
    wanted = {p.id: p for p in people}
    for member in db.session.scalars(select(TeamMember).where(TeamMember.team_id == team.id)):
        if member.user_id not in wanted:
            db.session.delete(member)
        wanted.pop(member.user_id, None)
    for user in wanted.values():
        _add_member(team, user)
    db.session.flush()
    db.session.expire(team, ["members"])
