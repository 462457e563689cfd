"""Read-side queries for forum pages: a fixed number of statements however much history there is."""

from dataclasses import dataclass
from functools import cache

from sqlalchemy import DateTime, Integer, bindparam, case, func, inspect, or_, select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from portal.accounts.models import User
from portal.accounts.search import name_or_email_contains
from portal.core.lists import fill_lists, list_query
from portal.core.paging import Listing, listing, paginate
from portal.events.models import Event
from portal.extensions import db
from portal.forums.meetings import local_now
from portal.forums.models import (
    NEED_STATUSES,
    Action,
    AgendaItem,
    Forum,
    Meeting,
    Membership,
    Need,
    Resource,
    item_resource,
)
from portal.organisations.models import Establishment, LocalAuthority

RECENT = 5


def forum_list(user) -> tuple[list, dict[int, int], dict[int, Membership]]:
    """Top-level forums and networks (rows of what the list shows), member counts, and the user's own memberships
    (three queries)."""
    forums = db.session.execute(
        select(Forum.id, Forum.name, Forum.kind, Forum.description, Forum.parent_id).order_by(
            Forum.kind.desc(), Forum.name
        )
    ).all()
    counts = dict(
        db.session.execute(select(Membership.forum_id, func.count(Membership.id)).group_by(Membership.forum_id)).all()
    )
    mine = {m.forum_id: m for m in db.session.scalars(select(Membership).where(Membership.user_id == user.id))}
    return forums, counts, mine


def coordinators(forum_ids: list[int]) -> dict[int, list]:
    """Each forum's coordinators by name: rows of their name and their school's authority (None without one)."""
    return _coordinators(_coordinator_queries()[1], forum_ids)


def coordinator_names(forum_ids: list[int]) -> dict[int, list[str]]:
    """Each forum's coordinators' names only (all the forums list shows of them)."""
    found = _coordinators(_coordinator_queries()[0], forum_ids)
    return {forum_id: [row.name for row in rows] for forum_id, rows in found.items()}


def _coordinators(statement, forum_ids: list[int]) -> dict[int, list]:
    found: dict[int, list] = {}
    for row in db.session.execute(statement, {"forum_ids": forum_ids}):
        found.setdefault(row.forum_id, []).append(row)
    return found


@cache
def _coordinator_queries():
    """Coordinators' names, and their names with their school's authority, of some forums (built once)."""
    names = (
        select(Membership.forum_id, User.name)
        .join(User, Membership.user_id == User.id)
        .where(Membership.forum_id.in_(bindparam("forum_ids", expanding=True)), Membership.coordinator.is_(True))
        .order_by(User.name)
    )
    with_authority = (
        names.add_columns(LocalAuthority.name.label("authority"))
        .outerjoin(Establishment, User.establishment_id == Establishment.id)
        .outerjoin(LocalAuthority, Establishment.authority_id == LocalAuthority.id)
    )
    return names, with_authority


@dataclass
class ForumPage:
    """What a forum's page shows, as rows of the columns it shows (no records, with their joined officers,
    events and people, for a page of titles and dates)."""

    upcoming: list
    past: list
    networks: list
    needs: list
    resources: list
    member_count: int
    coordinators: list
    open_actions: list


# A meeting in a list: what the forum page and the meetings list show of it.
MEETING_ROW = (
    Meeting.id,
    Meeting.title,
    Meeting.starts_at,
    Meeting.formal,
    Meeting.published_at.is_not(None).label("published"),
)

# A resource as forums/_resource_link.html shows it.
RESOURCE_LINK_ROW = (
    Resource.id,
    Resource.forum_id,
    Resource.title,
    Resource.url,
    Resource.filename,
    Resource.size,
    (Resource.file_key != "").label("is_file"),
)


def forum_page(forum: Forum) -> ForumPage:
    params = {"forum_id": forum.id, "now": local_now()}
    found = {name: db.session.execute(statement, params).all() for name, statement in _forum_page_queries().items()}
    found["member_count"] = found["member_count"][0][0]
    return ForumPage(**found, coordinators=coordinators([forum.id]).get(forum.id, []))


@cache
def _forum_page_queries() -> dict:
    """forum_page's statements, built once per process (building eight selects and their cache keys on every
    request cost more Python than the database takes to answer them)."""
    forum_id, now = bindparam("forum_id"), bindparam("now", type_=DateTime)
    meetings = select(*MEETING_ROW).where(Meeting.forum_id == forum_id)
    return {
        "upcoming": meetings.where(Meeting.starts_at >= now).order_by(Meeting.starts_at).limit(RECENT),
        "past": meetings.where(Meeting.starts_at < now).order_by(Meeting.starts_at.desc()).limit(RECENT),
        "networks": select(Forum.id, Forum.name, Forum.description)
        .where(Forum.parent_id == forum_id)
        .order_by(Forum.name),
        "needs": select(
            Need.id,
            Need.title,
            Need.raised_by,
            Need.status,
            case(NEED_STATUSES, value=Need.status).label("status_label"),
            Need.triage_note,
            Need.offer,
            Need.offer_url,
            Event.id.label("event_id"),
            Event.title.label("event_title"),
            Event.starts_at.label("event_starts_at"),
        )
        .outerjoin(Event, Need.offer_event_id == Event.id)
        .where(Need.forum_id == forum_id)
        .order_by(Need.status == "closed", Need.created_at.desc())
        .limit(20),
        "resources": select(*RESOURCE_LINK_ROW)
        .where(Resource.forum_id == forum_id)
        .order_by(Resource.created_at.desc())
        .limit(RECENT),
        "member_count": select(func.count(Membership.id)).where(Membership.forum_id == forum_id),
        "open_actions": select(Action.what, Action.who, Action.due)
        .join(Meeting, Action.meeting_id == Meeting.id)
        .where(Meeting.forum_id == forum_id, Action.done.is_(False))
        .order_by(Action.due.is_(None), Action.due)
        .limit(20),
    }


def meetings_page(forum: Forum):
    """One page of the forum's meetings, newest first (rows of what the list shows; its two statements built
    once per process)."""
    return paginate(_meetings_listing(), rows=True, params={"forum_id": forum.id})


@cache
def _meetings_listing() -> Listing:
    return listing(
        select(*MEETING_ROW).where(Meeting.forum_id == bindparam("forum_id")).order_by(Meeting.starts_at.desc())
    )


def load_meeting(forum: Forum, meeting_id: int) -> Meeting | None:
    """The meeting with its items, their resources, actions and change log (five statements, built once)."""
    meeting_query, lists, resources_query = _meeting_queries()
    meeting = db.session.scalar(meeting_query, {"meeting_id": meeting_id, "forum_id": forum.id})
    if meeting is None:
        return None
    fill_lists(meeting, lists)
    unloaded = [item for item in meeting.items if "resources" in inspect(item).unloaded]
    if unloaded:
        linked: dict[int, list[Resource]] = {}
        for item_id, resource in db.session.execute(resources_query, {"meeting_id": meeting.id}):
            linked.setdefault(item_id, []).append(resource)
        for item in unloaded:
            set_committed_value(item, "resources", linked.get(item.id, []))
    return meeting


@cache
def _meeting_queries():
    """load_meeting's statements, built once per process (core/lists.py: selectinload built its four loads and
    their cache keys again on every request, several times what the database takes to answer): the meeting, its
    three lists, and every item's resources in one statement, in the relationship's order (by title)."""
    meeting = select(Meeting).where(Meeting.id == bindparam("meeting_id"), Meeting.forum_id == bindparam("forum_id"))
    lists = {name: list_query(Meeting, name) for name in ("items", "actions", "changes")}
    resources = (
        select(item_resource.c.item_id, Resource)
        .join(Resource, Resource.id == item_resource.c.resource_id)
        .join(AgendaItem, AgendaItem.id == item_resource.c.item_id)
        .where(AgendaItem.meeting_id == bindparam("meeting_id"))
        .order_by(Resource.title, Resource.id)
    )
    return meeting, lists, resources


def linkable_resources(forum: Forum, q: str = ""):
    """The library an agenda item may link to (this forum's and its parent's), by title, optionally searched."""
    ids = [forum.id] + ([forum.parent_id] if forum.parent_id else [])
    stmt = select(Resource).where(Resource.forum_id.in_(ids)).order_by(Resource.title, Resource.id)
    if q:
        like = f"%{q.lower()}%"
        stmt = stmt.where(
            or_(
                func.lower(Resource.title).like(like),
                func.lower(Resource.description).like(like),
                Resource.tags.like(like),
            )
        )
    return stmt


def members(forum: Forum, q: str = ""):
    """One page of the forum's members, coordinators first, optionally those whose name or e-mail holds `q`: rows
    of what the list shows (each member's name, e-mail, school and its authority).

    The list sorts by each member's name looked up through the person's key and joins the page's 25 people after
    it: joining every member's person made PostgreSQL read all 30,000 people to sort a forum's few hundred members
    (17-30 ms against 1-2). A search joins the people it filters."""
    if q:
        stmt = (
            select(Membership.user_id, Membership.coordinator, *_MEMBER_PERSON)
            .join(User, Membership.user_id == User.id)
            .outerjoin(Establishment, User.establishment_id == Establishment.id)
            .outerjoin(LocalAuthority, Establishment.authority_id == LocalAuthority.id)
            .where(Membership.forum_id == forum.id, name_or_email_contains(q))
            .order_by(Membership.coordinator.desc(), User.name, Membership.user_id)
        )
        return paginate(stmt, rows=True)
    return paginate(_members_listing(), rows=True, params={"forum_id": forum.id})


_MEMBER_PERSON = (
    User.name,
    User.email,
    User.establishment_id,
    Establishment.name.label("establishment"),
    LocalAuthority.name.label("authority"),
)


@cache
def _members_listing() -> Listing:
    """The forum's members in order (by the name looked up through each one's key), a page of them, then their
    people joined to that page only; the count, and the page, built once per process."""
    name = select(User.name).where(User.id == Membership.user_id).correlate_except(User).scalar_subquery()
    in_forum = Membership.forum_id == bindparam("forum_id")
    page = (
        select(Membership.user_id, Membership.coordinator)
        .where(in_forum)
        .order_by(Membership.coordinator.desc(), name, Membership.user_id)
        .limit(bindparam("page_size", type_=Integer))
        .offset(bindparam("page_start", type_=Integer))
        .subquery()
    )
    window = (
        select(page.c.user_id, page.c.coordinator, *_MEMBER_PERSON)
        .join(User, page.c.user_id == User.id)
        .outerjoin(Establishment, User.establishment_id == Establishment.id)
        .outerjoin(LocalAuthority, Establishment.authority_id == LocalAuthority.id)
        .order_by(page.c.coordinator.desc(), User.name, page.c.user_id)
    )
    return Listing(select(func.count()).select_from(Membership).where(in_forum), window)


@dataclass
class ResourceFilter:
    q: str = ""
    tag: str = ""
    kind: str = ""

    @classmethod
    def from_args(cls, args) -> "ResourceFilter":
        kind = args.get("kind", "")
        return cls(
            q=args.get("q", "").strip()[:100],
            tag=args.get("tag", "").strip().lower()[:40],
            kind=kind if kind in {"file", "link"} else "",
        )


def resources_query(forum: Forum, filters: ResourceFilter):
    """The library's resources matching the filters, newest first: rows of what the list shows."""
    stmt = (
        select(*RESOURCE_LINK_ROW, Resource.description, Resource.tags)
        .where(Resource.forum_id == forum.id)
        .order_by(Resource.created_at.desc(), Resource.id)
    )
    if filters.q:
        like = f"%{filters.q.lower()}%"
        stmt = stmt.where(
            or_(
                func.lower(Resource.title).like(like),
                func.lower(Resource.description).like(like),
                Resource.tags.like(like),
            )
        )
    if filters.tag:
        stmt = stmt.where(Resource.tags.like(f"%,{filters.tag},%"))
    if filters.kind == "file":
        stmt = stmt.where(Resource.file_key != "")
    elif filters.kind == "link":
        stmt = stmt.where(Resource.file_key == "")
    return stmt


def all_needs(status: str = ""):
    stmt = select(Need).options(joinedload(Need.forum)).order_by(Need.status == "closed", Need.created_at.desc())
    if status:
        stmt = stmt.where(Need.status == status)
    return stmt
