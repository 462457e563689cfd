"""Rules for a forum's resource library (files through the one shared upload store, and links) and its
development needs with the partnership's professional learning offers."""

from sqlalchemy import select

from portal.accounts.models import User
from portal.audit.services import record as audit
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.core.uploads import delete_stored, store_upload
from portal.events.models import Event, local_now
from portal.extensions import db
from portal.forums.access import standing
from portal.forums.models import NEED_STATUSES, Forum, Membership, Need, Resource
from portal.forums.rules import tags_to_store
from portal.forums.services import must_be_member, must_edit
from portal.notifications.services import notify, portal_path


def _link(url: str, field: str) -> str:
    url = (url or "").strip()
    if url and not url.startswith(("https://", "http://")):
        raise ServiceError((field, "Enter the link as a full address starting https://."))
    return url[:500]


def add_resource(
    forum: Forum, *, actor, title: str, description: str = "", tags: str = "", url: str = "", upload=None
) -> Resource:
    """A member adds a file or a link (exactly one of them) to the library."""
    must_be_member(actor, forum)
    title = " ".join((title or "").split())
    has_file = upload is not None and bool(getattr(upload, "filename", ""))
    errors = []
    if not title:
        errors.append(("title", "Enter a title for the resource."))
    if not has_file and not (url or "").strip():
        errors.append(("url", "Give a link, or choose a file to upload."))
    if has_file and (url or "").strip():
        errors.append(("url", "Give a link or a file, not both: leave the link empty to upload the file."))
    if errors:
        raise ServiceError(*errors)
    resource = Resource(
        forum_id=forum.id,
        title=title[:200],
        description=(description or "").strip(),
        tags=tags_to_store(tags or ""),
        added_by_id=actor.id,
        url=_link(url, "url"),
    )
    if has_file:
        stored = store_upload(upload, field="file")  # the one safe-upload implementation
        resource.file_key, resource.filename, resource.size = stored.key, stored.filename, stored.size
    db.session.add(resource)
    db.session.flush()
    return resource


def remove_resource(resource: Resource, forum: Forum, *, actor) -> None:
    must_edit(actor, forum)
    if resource.file_key:
        delete_stored(resource.file_key)
    audit(actor, "forum.resource_deleted", resource, before={"forum": forum.id, "title": resource.title})
    db.session.delete(resource)
    db.session.flush()


def record_need(forum: Forum, *, actor, title: str, detail: str = "", raised_by: str = "") -> Need:
    """A member raises a development need (or a coordinator records one for the members); a member's need
    goes to the coordinators to triage."""
    must_be_member(actor, forum)
    coordinating = standing(actor, forum).can_edit
    if not coordinating:
        raised_by = actor.name
    title = " ".join((title or "").split())
    if not title:
        raise ServiceError(("title", "Enter the development need in a few words."))
    need = Need(
        forum_id=forum.id,
        title=title[:200],
        detail=(detail or "").strip(),
        raised_by=(raised_by or "").strip()[:200],
        status="raised",
        recorded_by_id=actor.id,
    )
    db.session.add(need)
    db.session.flush()
    if not coordinating:
        coordinators = db.session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.forum_id == forum.id, Membership.coordinator.is_(True))
        ).all()
        notify(
            coordinators,
            "need_raised",
            f"{actor.name} raised a development need in {forum.name}",
            need.title,
            portal_path("forums.show_forum", forum_id=forum.id, _anchor="needs"),
            space=("forum", forum.id, f"Forum: {forum.name}"),
            actor=actor,
        )
    return need


TRIAGE = {"accept": "accepted", "decline": "declined", "merge": "merged"}


def open_needs(forum: Forum, *, but: Need | None = None) -> list[Need]:
    """Needs a raised need can be merged into: this forum's, not declined, merged or closed."""
    stmt = select(Need).where(Need.forum_id == forum.id, Need.status.not_in(("declined", "merged", "closed")))
    if but is not None:
        stmt = stmt.where(Need.id != but.id)
    return list(db.session.scalars(stmt.order_by(Need.title)))


def triage_need(need: Need, forum: Forum, *, actor, decision: str, note: str = "", merge_into: int | None = None):
    """A coordinator accepts a raised need (the lead officer then responds), declines it (saying why), or merges
    it into another need of the forum; the member who raised it is told."""
    must_edit(actor, forum)
    if need.forum_id != forum.id or need.status != "raised":
        raise ServiceError((None, "Only a need that is waiting for triage can be triaged."))
    if decision not in TRIAGE:
        raise ServiceError(("decision", "Choose accept, decline or merge."))
    note = (note or "").strip()[:1000]
    if decision == "decline" and not note:
        raise ServiceError(("note", "Say why, for the member who raised it."))
    target = None
    if decision == "merge":
        target = next((n for n in open_needs(forum, but=need) if n.id == merge_into), None)
        if target is None:
            raise ServiceError(("merge_into", "Choose the need to merge it into."))
        need.merged_into_id = target.id
    need.status, need.triage_note, need.updated_at = TRIAGE[decision], note, utcnow()
    db.session.flush()
    raiser = db.session.get(User, need.recorded_by_id) if need.recorded_by_id else None
    words = {"accept": "accepted", "decline": "declined", "merge": f'merged into "{target.title}"' if target else ""}
    notify(
        [raiser],
        "need_triaged",
        f'Your development need "{need.title}" was {words[decision]}',
        note,
        portal_path("forums.show_forum", forum_id=forum.id, _anchor="needs"),
        space=("forum", forum.id, f"Forum: {forum.name}"),
        actor=actor,
    )
    return need


def upcoming_events(limit: int = 200) -> list[Event]:
    """Events a need's offer can point to: those not yet over and not cancelled, soonest first."""
    return list(
        db.session.scalars(
            select(Event)
            .where(Event.ends_at >= local_now(), Event.cancelled.is_(False))
            .order_by(Event.starts_at)
            .limit(limit)
        )
    )


def respond_to_need(
    need: Need, *, actor, status: str, offer: str = "", offer_url: str = "", offer_event_id: int | None = None
) -> None:
    """The partnership admin moves a need on and describes the professional learning offered (an event,
    a link, or both)."""
    if not actor.has_role(Role.ADMIN):
        raise ServiceError((None, "Only the partnership lead officer responds to development needs."))
    if status not in NEED_STATUSES:
        raise ServiceError(("status", "Choose a status."))
    offer = (offer or "").strip()
    if status == "offered" and not offer:
        raise ServiceError(("offer", "Describe the professional learning offered before marking it offered."))
    if offer_event_id and db.session.get(Event, offer_event_id) is None:
        raise ServiceError(("offer_event", "That event no longer exists: choose another."))
    offered_now = status == "offered" and need.status != "offered"
    need.status, need.offer, need.offer_url = status, offer, _link(offer_url, "offer_url")
    need.offer_event_id = offer_event_id or None
    need.updated_at = utcnow()
    db.session.flush()
    raiser = db.session.get(User, need.recorded_by_id) if need.recorded_by_id else None
    if offered_now and raiser is not None:
        notify(
            [raiser],
            "need_offer",
            f'Professional learning is offered for the need "{need.title}"',
            offer,
            portal_path("forums.show_forum", forum_id=need.forum_id, _anchor="needs"),
            actor=actor,
        )
