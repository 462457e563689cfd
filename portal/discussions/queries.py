"""Reading spaces: topic lists with unread markers, a topic's posts, search and what's new; each in a fixed
number of queries however many topics and posts there are."""

from datetime import timedelta
from functools import lru_cache

from sqlalchemy import and_, bindparam, exists, false, func, or_, select

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.core.paging import Listing, listing, paginate
from portal.core.sqltext import ilike, in_order_walk
from portal.discussions.models import Post, Topic, TopicRead
from portal.discussions.spaces import Space, registered
from portal.extensions import db

TOPICS_PER_PAGE = 25
POSTS_PER_PAGE = 25
NEW_DAYS = 60


def read_times(user, topic_ids: list[int]) -> dict[int, object]:
    if not topic_ids:
        return {}
    return dict(db.session.execute(_READ_TIMES, {"user_id": user.id, "ids": list(topic_ids)}).all())


_READ_TIMES = select(TopicRead.topic_id, TopicRead.read_at).where(
    TopicRead.user_id == bindparam("user_id"), TopicRead.topic_id.in_(bindparam("ids", expanding=True))
)


def unread_ids(user, topics) -> set[int]:
    """Topics with a post newer than the person last read them (or never read)."""
    seen = read_times(user, [t.id for t in topics])
    return {t.id for t in topics if t.id not in seen or t.last_post_at > seen[t.id]}


def _matching(dialect: str):
    """Posts whose text matches :q: PostgreSQL full text search (of each post's stored words, `Post.body_words`),
    a simple substring match (:pattern) elsewhere."""
    if dialect == "postgresql":
        return Post.body_words.op("@@")(func.plainto_tsquery("english", bindparam("q")))
    # SQLite's LIKE already ignores case exactly as far as its lower() does (ASCII letters), so ilike's lower() on
    # both sides only copied every post's text first.
    return Post.body.like(bindparam("pattern"))


# Each listed topic's or post's author's name, the one thing the lists show of them, read for the rows returned
# only: joining the author (with their establishment and LA) to every row made SQLite join each one the offset skips
# too (a forum's topics, page 40: 7 ms against 0.4), and loaded three objects per author to show a name.
def _author_name(model):
    return select(User.name).where(User.id == model.author_id).scalar_subquery().label("author_name")


# What the topic list shows of a topic: a page reads these columns as rows, not whole topics.
_LISTED_TOPIC = (
    Topic.id,
    Topic.title,
    Topic.resolved_at,
    Topic.post_count,
    Topic.last_post_at,
    _author_name(Topic),
)


def topic_page(space: Space, user, page: int, q: str = "", anchor: str = ""):
    """A page of the space's topics (rows of what the list shows), most recently active first (search: topics with
    a matching post), by statements built once per process: the space, anchor and search are bound."""
    values = {"space_type": space.type, "space_id": space.id, "anchor": anchor, "q": q, "pattern": f"%{q}%"}
    # Not total_in_page for a search: the page walks the last-post order and stops at 20 matches, which a count
    # beside each row would prevent (tried: 10.4-12.6 ms -> 13.8-14.6 ms a request on the scale data).
    found = _topics_listing(db.engine.dialect.name, bool(q))
    result = paginate(found, page=page, per_page=TOPICS_PER_PAGE, rows=True, params=values)
    return result, unread_ids(user, result.items)


@lru_cache(maxsize=8)  # per database (a process serves one; the tests' serves two) and with or without a search
def _topics_listing(dialect: str, searching: bool) -> Listing:
    stmt = select(*_LISTED_TOPIC).where(
        Topic.space_type == bindparam("space_type"),
        Topic.space_id == bindparam("space_id"),
        Topic.anchor == bindparam("anchor"),
    )
    if searching:
        title = ilike(Topic.title, bindparam("pattern"))
        stmt = stmt.where(or_(title, exists().where(Post.topic_id == Topic.id, _matching(dialect))))
    return listing(stmt.order_by(Topic.last_post_at.desc(), Topic.id.desc()))


# What a topic's page shows of each post (not its Markdown source): rows, not whole posts.
_SHOWN_POST = (
    Post.id,
    Post.author_id,
    Post.body_html,
    Post.quote_of_id,
    Post.file_key,
    Post.filename,
    Post.size,
    Post.created_at,
    Post.edited_at,
    Post.deleted_at,
    Post.delete_reason,
    _author_name(Post),
)
_POSTS = listing(select(*_SHOWN_POST).where(Post.topic_id == bindparam("topic_id")).order_by(Post.id))


def post_page(topic: Topic, page: int):
    """A page of the topic's posts, oldest first, as rows of what the page shows."""
    return paginate(_POSTS, page=page, per_page=POSTS_PER_PAGE, rows=True, params={"topic_id": topic.id})


def last_page(topic: Topic) -> int:
    return max(1, (topic.post_count + POSTS_PER_PAGE - 1) // POSTS_PER_PAGE)


def anchored_topic(space: Space, anchor: str) -> Topic | None:
    return db.session.scalar(
        select(Topic)
        .where(Topic.space_type == space.type, Topic.space_id == space.id, Topic.anchor == anchor)
        .order_by(Topic.id)
        .limit(1)
    )


def whats_new(user, limit: int = 50) -> list[tuple[Topic, bool]]:
    """Recently active topics in every space the person may see, unread first-class: (topic, unread). Without
    their authors (the page names none): joining them to every recent topic before the sort doubled its cost."""
    clauses = []
    for space_type, policy in registered().items():
        ids = policy.visible_ids(user)
        if ids is None:  # every space of the kind: its recent topics are found by walking the last-post index
            clauses.append(in_order_walk(Topic.space_type) == space_type)
        else:
            clauses.append(and_(Topic.space_type == space_type, Topic.space_id.in_(ids)))
    since = utcnow() - timedelta(days=NEW_DAYS)
    stmt = (
        select(Topic, TopicRead.read_at)
        .outerjoin(TopicRead, and_(TopicRead.topic_id == Topic.id, TopicRead.user_id == user.id))
        .where(or_(*clauses) if clauses else false(), Topic.last_post_at >= since)
        .order_by(Topic.last_post_at.desc())
        .limit(limit)
    )
    return [(topic, read_at is None or topic.last_post_at > read_at) for topic, read_at in db.session.execute(stmt)]


def space_names(topics) -> dict[tuple[str, int], str]:
    """ "Forum: Early Years"-style names for the spaces these topics belong to: one query per space type."""
    wanted: dict[str, set[int]] = {}
    for t in topics:
        wanted.setdefault(t.space_type, set()).add(t.space_id)
    policies = registered()
    names = {}
    for space_type, ids in wanted.items():
        policy = policies.get(space_type)
        found = policy.names(ids) if policy else {}
        for i in ids:
            names[(space_type, i)] = f"{policy.label}: {found.get(i, i)}" if policy else space_type
    return names
