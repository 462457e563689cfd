"""Rules for forums and membership: forums and specialist networks, joining, leaving, coordinators."""

import re

from sqlalchemy import func, select

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.forums.access import standing
from portal.forums.models import KINDS, Forum, Membership


def must_edit(actor, forum: Forum) -> None:
    """Refuse a change from anyone but the forum's coordinators, its officer or an admin."""
    if not standing(actor, forum).can_edit:
        raise ServiceError((None, "Only this forum's coordinators and partnership officer can change it."))


def must_be_member(actor, forum: Forum) -> None:
    """Refuse a contribution from anyone who does not belong to the forum (members add resources and needs)."""
    if not standing(actor, forum).can_view:
        raise ServiceError((None, "Join this forum to add to it."))


def _slug(name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "forum"
    slug, n = base, 1
    while db.session.scalar(select(Forum.id).where(Forum.slug == slug)):
        n += 1
        slug = f"{base}-{n}"
    return slug


def _clean_text(name: str, field: str, what: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ServiceError((field, f"Enter {what}."))
    return name


def create_forum(
    *, actor, name: str, kind: str, description: str = "", sector: str = "", subject: str = "", officer=None
) -> Forum:
    """A new sector forum or subject network (the partnership admin sets them up)."""
    if not actor.has_role(Role.ADMIN):
        raise ServiceError((None, "Only the partnership lead officer sets up forums."))
    if kind not in KINDS or kind == "network":
        raise ServiceError(("kind", "Choose a sector forum or a secondary curriculum network."))
    forum = Forum(
        name=_clean_text(name, "name", "the forum's name"),
        kind=kind,
        sector=sector,
        subject=subject.strip(),
        description=description.strip(),
        officer=officer,
    )
    forum.slug = _slug(forum.name)
    db.session.add(forum)
    db.session.flush()
    return forum


def update_forum(forum: Forum, *, actor, description: str, standing_items: str) -> None:
    """Change the focus (description) and the standing items that start every draft agenda."""
    must_edit(actor, forum)
    forum.description = description.strip()
    forum.standing_items = "\n".join(line.strip() for line in standing_items.splitlines() if line.strip())
    db.session.flush()


def create_network(parent: Forum, *, actor, name: str, description: str) -> Forum:
    """A specialist network inside a forum, with its own focus; whoever starts it coordinates it."""
    must_edit(actor, parent)
    if parent.parent_id:
        raise ServiceError((None, "Specialist networks belong to a forum, not to another network."))
    network = Forum(
        name=_clean_text(name, "name", "the network's name"),
        kind="network",
        parent=parent,
        sector=parent.sector,
        subject=parent.subject,
        description=description.strip(),
        officer_id=parent.officer_id,
    )
    network.slug = _slug(f"{parent.name} {network.name}")
    db.session.add(network)
    db.session.add(Membership(forum=network, user_id=actor.id, coordinator=True))
    db.session.flush()
    return network


def _membership(forum: Forum, user_id: int) -> Membership | None:
    return db.session.scalar(select(Membership).where(Membership.forum_id == forum.id, Membership.user_id == user_id))


def join(forum: Forum, *, actor) -> Membership:
    """Join a forum (joining twice changes nothing)."""
    found = _membership(forum, actor.id)
    if found:
        return found
    membership = Membership(forum_id=forum.id, user_id=actor.id, coordinator=False)
    db.session.add(membership)
    db.session.flush()
    return membership


def coordinator_count(forum: Forum) -> int:
    return (
        db.session.scalar(
            select(func.count(Membership.id)).where(Membership.forum_id == forum.id, Membership.coordinator.is_(True))
        )
        or 0
    )


def _refuse_if_last(forum: Forum, membership: Membership, doing: str) -> None:
    if membership.coordinator and coordinator_count(forum) <= 1:
        raise ServiceError(
            (
                None,
                f"You cannot {doing}: you are the only coordinator of {forum.name}, and a forum "
                "always needs one. Hand over first: on the members page, make another member "
                "a coordinator, then step down or leave.",
            )
        )


def leave(forum: Forum, *, actor) -> None:
    """Leave a forum; the last coordinator is refused with an explanation (hand over first)."""
    membership = _membership(forum, actor.id)
    if membership is None:
        return
    _refuse_if_last(forum, membership, "leave")
    db.session.delete(membership)
    db.session.flush()


def set_coordinator(forum: Forum, user_id: int, coordinator: bool, *, actor) -> Membership:
    """Make a member a coordinator, or stand one down (never the last one)."""
    must_edit(actor, forum)
    membership = _membership(forum, user_id)
    if membership is None:
        raise ServiceError((None, "That person is not a member of this forum: they must join it first."))
    if not coordinator:
        doing = "step down" if user_id == actor.id else "remove this coordinator"
        _refuse_if_last(forum, membership, doing)
    membership.coordinator = coordinator
    db.session.flush()
    return membership


def hand_over(forum: Forum, to_user_id: int, *, actor) -> None:
    """The acting coordinator makes another member coordinator and steps down, in one go."""
    if to_user_id == actor.id:
        raise ServiceError(("member", "Choose another member to hand over to."))
    set_coordinator(forum, to_user_id, True, actor=actor)
    mine = _membership(forum, actor.id)
    if mine is not None:
        mine.coordinator = False
    db.session.flush()
