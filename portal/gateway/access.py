"""Who may use the Gateway, see a profile or its contact details, and see the uptake figures."""

from sqlalchemy import and_, exists, or_, select

from portal.core.roles import Role
from portal.extensions import db
from portal.gateway.models import Block, Request


def can_use_gateway(user) -> bool:
    """People who teach or lead in an establishment publish profiles and send requests."""
    return bool(
        user.is_authenticated
        and user.establishment_id
        and user.has_role(Role.PRACTITIONER, Role.SENIOR_LEADER, Role.KEY_FACILITATOR)
    )


def can_publish_for_establishment(user) -> bool:
    return can_use_gateway(user) and user.has_role(Role.SENIOR_LEADER)


def is_blocked(a_id: int, b_id: int) -> bool:
    return bool(
        db.session.scalar(
            select(
                exists().where(
                    or_(
                        and_(Block.blocker_id == a_id, Block.blocked_id == b_id),
                        and_(Block.blocker_id == b_id, Block.blocked_id == a_id),
                    )
                )
            )
        )
    )


def request_between(a_id: int, b_id: int, *where):
    """Whether a request (meeting `where`) went from either person to the other: asked as two lookups by sender,
    each answered from the sender's index (asked as one, SQLite read every request of the status instead)."""
    return or_(
        exists().where(Request.sender_id == a_id, Request.recipient_id == b_id, *where),
        exists().where(Request.sender_id == b_id, Request.recipient_id == a_id, *where),
    )


def is_connected(a_id: int, b_id: int) -> bool:
    """An accepted request between the two, either way: only then are contact details shown."""
    return bool(db.session.scalar(select(request_between(a_id, b_id, Request.status == "accepted"))))


def can_see_profile(user, profile) -> bool:
    """The owner always; other Gateway users while it is published and neither has blocked the other."""
    if user.id == profile.owner_id or user.has_role(Role.ADMIN):
        return True
    return can_use_gateway(user) and profile.status == "active" and not is_blocked(user.id, profile.owner_id)


def can_see_contact(user, owner_id: int) -> bool:
    return user.id == owner_id or is_connected(user.id, owner_id)


def can_view_uptake(user) -> bool:
    return user.has_role(Role.ADMIN) or (user.has_role(Role.LA_OFFICER) and user.authority_id is not None)


def can_contact_about(user, person_id: int) -> bool:
    """Block or report someone: only a person the actor met in the Gateway (a request or a published profile)."""
    from portal.gateway.models import Profile

    if not can_use_gateway(user) or person_id == user.id:
        return False
    return bool(
        db.session.scalar(select(request_between(user.id, person_id)))
        or db.session.scalar(select(exists().where(Profile.owner_id == person_id, Profile.status == "active")))
    )
