"""The Gateway's rules: profiles, requests to collaborate, accepting into a Gateway team, blocks, reports, support."""

from datetime import date
from functools import cache

from sqlalchemy import and_, bindparam, or_, select, update
from sqlalchemy.orm import lazyload

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.enquiries import teams
from portal.enquiries.access import is_member
from portal.enquiries.models import LinkOfficer, Team, TeamMember
from portal.extensions import db
from portal.gateway import notices, queries
from portal.gateway.access import can_publish_for_establishment, can_use_gateway, is_blocked
from portal.gateway.models import MISUSE_OUTCOMES, Block, GatewayTeam, MisuseReport, Profile, Request
from portal.gateway.vocabulary import FREQUENCIES, INTERESTS, KINDS, MODES, STAGES, STATUSES, SUPPORT_FROM, TIERS


def uptake(scope=None) -> list:
    """Gateway uptake for the reports: tables by LA, sector and month (see queries.uptake_tables)."""
    return queries.uptake_tables(scope)


@cache
def _own_profiles():
    """A person's profiles (one of each kind at most), built once: the Gateway's home page reads them per request."""
    return select(Profile).where(Profile.owner_id == bindparam("owner_id")).options(lazyload("*"))


def own_profiles(user) -> dict[str, Profile | None]:
    """The person's profile of each kind, or None (one statement); its owner and establishment load on use."""
    found = {p.kind: p for p in db.session.scalars(_own_profiles(), {"owner_id": user.id})}
    return {kind: found.get(kind) for kind in KINDS}


def own_profile(user, kind: str = "person") -> Profile | None:
    """The person's profile of `kind`; its owner (the person) and establishment load on use."""
    return db.session.scalar(
        select(Profile).where(Profile.owner_id == user.id, Profile.kind == kind).options(lazyload("*"))
    )


def save_profile(
    *,
    actor,
    kind: str,
    hunch: str,
    interests,
    stages,
    mode: str,
    frequency: str,
    available_from: date | None = None,
    available_until: date | None = None,
    open_to_contact: bool = True,
) -> Profile:
    """Publish or update the actor's profile (kind "establishment": a senior leader for their establishment)."""
    if kind not in KINDS or not can_use_gateway(actor):
        raise ServiceError((None, "Only practitioners and senior leaders in an establishment publish profiles."))
    if kind == "establishment" and not can_publish_for_establishment(actor):
        raise ServiceError((None, "Only a senior leader publishes a profile for their establishment."))
    errors = []
    if not hunch.strip():
        errors.append(("hunch", "Say in a sentence or two what you would like to improve."))
    interests = [i for i in interests if i in INTERESTS]
    if not interests:
        errors.append(("themes", "Choose at least one interest: a theme, a curriculum area or a priority."))
    if available_from and available_until and available_until < available_from:
        errors.append(("available_until", "The end of your availability must be after its start."))
    if mode not in MODES or frequency not in FREQUENCIES:
        errors.append((None, "Choose how and how often you would like to work."))
    if errors:
        raise ServiceError(*errors)
    profile = own_profile(actor, kind)
    if profile is None:
        profile = Profile(owner_id=actor.id, kind=kind, created_at=utcnow())
        db.session.add(profile)
    establishment = actor.establishment
    profile.establishment_id, profile.authority_id = establishment.id, establishment.authority_id
    profile.sector = establishment.sector
    profile.hunch, profile.interests = hunch.strip()[:2000], ",".join(interests)
    profile.stages = ",".join(s for s in stages if s in STAGES)
    profile.mode, profile.frequency, profile.open_to_contact = mode, frequency, bool(open_to_contact)
    profile.available_from, profile.available_until = available_from, available_until
    if profile.status == "withdrawn":
        profile.status = "active"  # saving a withdrawn profile publishes it again
    profile.updated_at = utcnow()
    db.session.flush()
    return profile


def set_status(profile: Profile, status: str, *, actor) -> None:
    """Pause (hidden, kept), publish again, or withdraw (hidden; pending requests to it are closed quietly)."""
    if profile.owner_id != actor.id:
        raise ServiceError((None, "Only the profile's owner changes it."))
    if status not in STATUSES:
        raise ServiceError((None, "Choose published, paused or withdrawn."))
    profile.status, profile.updated_at = status, utcnow()
    if status == "withdrawn":
        db.session.execute(
            update(Request)
            .where(Request.profile_id == profile.id, Request.status == "pending")
            .values(status="declined", decided_at=utcnow())
        )
    db.session.flush()


@cache
def _gateway_teams():
    return (
        select(Team)
        .join(TeamMember)
        .where(TeamMember.user_id == bindparam("user_id"), Team.kind == "gateway")
        .order_by(Team.name)
    )


def gateway_teams_of(user) -> list[Team]:
    """The Gateway teams the person is a member of (a new request may invite someone into one of them)."""
    return list(db.session.scalars(_gateway_teams(), {"user_id": user.id}))


def send_request(profile: Profile, *, actor, message: str, team: Team | None = None) -> Request:
    """Ask the profile's owner to collaborate; they see the message, never the sender's address until accepting."""
    if not can_use_gateway(actor) or not any(own_profiles(actor).values()):
        raise ServiceError((None, "Publish your own profile first, so the person can see who is asking."))
    if profile.owner_id == actor.id:
        raise ServiceError((None, "That is your own profile."))
    if profile.status != "active" or not profile.open_to_contact or is_blocked(actor.id, profile.owner_id):
        raise ServiceError((None, "This person is not taking requests at the moment."))
    if not message.strip():
        raise ServiceError(("message", "Write a short message: what you would like to do together."))
    if team is not None and (team.kind != "gateway" or not is_member(actor, team)):
        raise ServiceError(("team", "Choose one of your own Gateway teams."))
    pending = db.session.scalar(
        select(Request).where(
            Request.sender_id == actor.id, Request.profile_id == profile.id, Request.status == "pending"
        )
    )
    if pending:
        raise ServiceError((None, "You have already sent this person a request: wait for their answer."))
    req = Request(
        sender_id=actor.id,
        profile_id=profile.id,
        recipient_id=profile.owner_id,
        message=message.strip()[:2000],
        authority_id=actor.establishment.authority_id,
        sector=actor.establishment.sector,
        team_id=team.id if team else None,
    )
    db.session.add(req)
    db.session.flush()
    notices.request_sent(req)
    return req


def _form_team(req: Request, actor) -> Team:
    sender = db.session.get(User, req.sender_id)
    team = db.session.get(Team, req.team_id) if req.team_id else None
    if team is not None and is_member(sender, team):
        teams.add_member(team, actor)
        return team
    team = teams.create_team(
        actor=actor, kind="gateway", name=f"Gateway: {sender.name} and {actor.name}"[:160], members=(sender, actor)
    )
    est = sender.establishment
    db.session.add(
        GatewayTeam(team_id=team.id, authority_id=est.authority_id if est else None, sector=est.sector if est else "")
    )
    return team


def decide_request(req: Request, *, actor, accept: bool) -> Team | None:
    """The recipient accepts (a Gateway team is formed, or they join the sender's) or declines (quietly)."""
    if req.recipient_id != actor.id:
        raise ServiceError((None, "Only the person asked can answer this request."))
    if req.status != "pending":
        raise ServiceError((None, "This request has already been answered."))
    req.decided_at = utcnow()
    if not accept:
        req.status = "declined"
        db.session.flush()
        return None
    req.status = "accepted"
    team = _form_team(req, actor)
    req.team_id = team.id
    db.session.flush()
    notices.request_accepted(req)
    return team


def block(person: User, *, actor) -> Block:
    """The actor never hears from or sees `person` in the Gateway again; requests between them close quietly."""
    if person.id == actor.id:
        raise ServiceError((None, "You cannot block yourself."))
    found = db.session.scalar(select(Block).where(Block.blocker_id == actor.id, Block.blocked_id == person.id))
    if found:
        return found
    found = Block(blocker_id=actor.id, blocked_id=person.id)
    db.session.add(found)
    between = or_(
        and_(Request.sender_id == actor.id, Request.recipient_id == person.id),
        and_(Request.sender_id == person.id, Request.recipient_id == actor.id),
    )
    db.session.execute(
        update(Request).where(between, Request.status == "pending").values(status="declined", decided_at=utcnow())
    )
    db.session.flush()
    return found


def report_misuse(person: User, *, actor, reason: str) -> MisuseReport:
    """Tell the lead officer about a misuse (the actor may block the person too)."""
    if person.id == actor.id:
        raise ServiceError((None, "You cannot report yourself."))
    if not reason.strip():
        raise ServiceError(("reason", "Say what happened, so the lead officer can look into it."))
    report = MisuseReport(reporter_id=actor.id, about_id=person.id, reason=reason.strip()[:2000])
    db.session.add(report)
    db.session.flush()
    notices.misuse_reported(report)
    return report


def resolve_misuse(report: MisuseReport, *, actor, outcome: str, note: str = "") -> None:
    """The lead officer records what was done about a report and the reporter is told; any block stays.

    "withdrawn" withdraws every Gateway profile of the person reported (pending requests to them close)."""
    if not actor.has_role(Role.ADMIN):
        raise ServiceError((None, "Only the partnership lead officer resolves misuse reports."))
    if report.resolved_at is not None:
        raise ServiceError((None, "This report is already resolved."))
    if outcome not in MISUSE_OUTCOMES:
        raise ServiceError(("outcome", "Choose what was done."))
    if outcome == "withdrawn":
        for profile in db.session.scalars(
            select(Profile).where(Profile.owner_id == report.about_id, Profile.status != "withdrawn")
        ):
            profile.status, profile.updated_at = "withdrawn", utcnow()
            db.session.execute(
                update(Request)
                .where(Request.profile_id == profile.id, Request.status == "pending")
                .values(status="declined", decided_at=utcnow())
            )
    report.outcome, report.outcome_note = outcome, (note or "").strip()[:2000]
    report.resolved_at, report.resolved_by_id = utcnow(), actor.id
    db.session.flush()
    notices.misuse_resolved(report, actor)


def ask_for_support(team: Team, *, actor, tier: str, support_from: str, note: str) -> GatewayTeam:
    """Record the team's tier of support and, optionally, ask the LA link officer or a facilitator for help."""
    record = db.session.get(GatewayTeam, team.id)
    if record is None or not (is_member(actor, team) or actor.has_role(Role.ADMIN)):
        raise ServiceError((None, "Only the members of a Gateway team change its support."))
    if tier not in TIERS:
        raise ServiceError(("tier", "Choose a tier of support."))
    if support_from and support_from not in SUPPORT_FROM:
        raise ServiceError(("support_from", "Choose who you would like support from."))
    record.tier = tier
    if support_from:
        record.support_from, record.support_note = support_from, note.strip()[:2000]
        record.support_requested_at = utcnow()
        officers = []
        if support_from == "link_officer":
            las = select(TeamMember.authority_id).where(TeamMember.team_id == team.id)
            officers = list(
                db.session.scalars(
                    select(User)
                    .join(LinkOfficer, LinkOfficer.user_id == User.id)
                    .where(LinkOfficer.authority_id.in_(las))
                )
            )
        db.session.flush()
        notices.support_requested(team, record, officers)
    db.session.flush()
    return record
