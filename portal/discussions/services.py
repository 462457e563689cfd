"""Topics, replies, edits, deletion with a reason, reports, resolving and reading; each notifies through
portal.notifications. Services flush; the view commits."""

from functools import lru_cache

from sqlalchemy import bindparam, func, select
from werkzeug.datastructures import FileStorage

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.uploads import store_upload
from portal.core.upsert import upsert
from portal.discussions import markdown
from portal.discussions.models import Post, PostReport, Topic, TopicRead
from portal.discussions.spaces import Space
from portal.extensions import db
from portal.notifications.services import notify, portal_path

MAX_BODY = 20000


def _must_view(space: Space, actor) -> None:
    if not space.can_view(actor):
        raise ServiceError((None, "You cannot post in this space."))


def _body(body: str) -> str:
    text = (body or "").strip()
    if not text:
        raise ServiceError(("body", "Write your message."))
    if len(text) > MAX_BODY:
        raise ServiceError(("body", f"Keep your message under {MAX_BODY:,} characters."))
    return text


def mentioned_people(space: Space, text: str) -> list[User]:
    """People written as @[Full Name] who may see the space (anyone else is left as plain text)."""
    names = {n.lower() for n in markdown.mentioned_names(text)}
    if not names:
        return []
    found = db.session.scalars(
        select(User).where(
            func.lower(User.name).in_(names), User.active.is_(True), User.id.in_(space.policy.members(space.owner))
        )
    ).all()
    return [u for u in found if space.can_view(u)]


def _render(space: Space, text: str) -> tuple[str, list[User]]:
    people = mentioned_people(space, text)
    return markdown.render(text, {u.name.lower() for u in people}), people


def _attach(post: Post, upload: FileStorage | None) -> None:
    if upload is not None and upload.filename:
        stored = store_upload(upload, field="attachment")
        post.file_key, post.filename, post.size = stored.key, stored.filename, stored.size


def _topic_url(topic: Topic, post: Post | None = None) -> str:
    return portal_path("discussions.show_topic", topic_id=topic.id) + (f"#post-{post.id}" if post else "")


def _tell_mentioned(space: Space, topic: Topic, post: Post, people: list[User], actor, skip=()) -> None:
    notify(
        [p for p in people if p.id not in skip],
        "mention",
        f'{actor.name} mentioned you in "{topic.title}"',
        markdown.plain(post.body),
        _topic_url(topic, post),
        space=space.ref,
        actor=actor,
    )


def create_topic(
    space: Space, *, actor, title: str, body: str, upload: FileStorage | None = None, anchor: str = ""
) -> Topic:
    """Start a topic (or, with `anchor`, a comment thread on part of the owner) with its first post."""
    _must_view(space, actor)
    title = (title or "").strip()
    if not title:
        raise ServiceError(("title", "Give your topic a title."))
    if len(title) > 200:
        raise ServiceError(("title", "Keep the title under 200 characters."))
    text = _body(body)
    html, people = _render(space, text)
    now = utcnow()
    topic = Topic(
        space_type=space.type,
        space_id=space.id,
        anchor=anchor,
        title=title,
        author_id=actor.id,
        created_at=now,
        last_post_at=now,
        post_count=1,
    )
    db.session.add(topic)
    db.session.flush()
    post = Post(topic_id=topic.id, author_id=actor.id, body=text, body_html=html, created_at=now)
    _attach(post, upload)
    db.session.add(post)
    db.session.add(TopicRead(user_id=actor.id, topic_id=topic.id, read_at=now))
    db.session.flush()
    _tell_mentioned(space, topic, post, people, actor)
    if anchor:
        _tell_thread(space, topic, post, actor, skip={p.id for p in people})
    return topic


def _tell_thread(space: Space, topic: Topic, post: Post, actor, skip: set[int]) -> None:
    """A comment in context goes to everyone the space belongs to (e.g. the team whose plan it is)."""
    people = db.session.scalars(select(User).where(User.id.in_(space.policy.members(space.owner)))).all()
    notify(
        [p for p in people if p.id not in skip and space.can_view(p)],
        "comment",
        f"{actor.name} commented on {topic.title.removeprefix('Comments on ')}",
        markdown.plain(post.body),
        _topic_url(topic, post),
        space=space.ref,
        actor=actor,
    )


def reply(
    topic: Topic, space: Space, *, actor, body: str, quote_of: Post | None = None, upload: FileStorage | None = None
) -> Post:
    """Add a reply; the topic's author hears of it (unless mentioned: one message, not two)."""
    _must_view(space, actor)
    if quote_of is not None and quote_of.topic_id != topic.id:
        quote_of = None
    text = _body(body)
    html, people = _render(space, text)
    now = utcnow()
    post = Post(
        topic_id=topic.id,
        author_id=actor.id,
        body=text,
        body_html=html,
        created_at=now,
        quote_of_id=quote_of.id if quote_of else None,
    )
    _attach(post, upload)
    db.session.add(post)
    topic.last_post_at, topic.post_count, topic.resolved_at = now, topic.post_count + 1, None
    db.session.flush()
    mark_read(topic, actor=actor, at=now)
    mentioned = {p.id for p in people}
    _tell_mentioned(space, topic, post, people, actor)
    if topic.anchor:
        _tell_thread(space, topic, post, actor, skip=mentioned)
        return post
    author = db.session.get(User, topic.author_id) if topic.author_id else None
    if author is not None and author.id not in mentioned and space.can_view(author):
        notify(
            [author],
            "reply",
            f'{actor.name} replied to "{topic.title}"',
            markdown.plain(post.body),
            _topic_url(topic, post),
            space=space.ref,
            actor=actor,
        )
    return post


def can_edit_post(post: Post, actor) -> bool:
    return post.deleted_at is None and post.author_id == actor.id


def edit_post(post: Post, topic: Topic, space: Space, *, actor, body: str) -> None:
    """The author changes their post; it shows "edited". Newly mentioned people hear of it."""
    if not can_edit_post(post, actor):
        raise ServiceError((None, "Only the author can edit this post."))
    text = _body(body)
    before = {p.id for p in mentioned_people(space, post.body)}
    post.body_html, people = _render(space, text)
    post.body, post.edited_at = text, utcnow()
    db.session.flush()
    _tell_mentioned(space, topic, post, people, actor, skip=before)


def delete_post(post: Post, space: Space, *, actor, reason: str) -> None:
    """The author or a moderator removes a post, saying why; the text goes, the place in the thread stays."""
    if post.deleted_at is not None:
        raise ServiceError((None, "This post is already deleted."))
    if post.author_id != actor.id and not space.can_moderate(actor):
        raise ServiceError((None, "Only the author or a moderator can delete this post."))
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(("reason", "Say why the post is deleted."))
    post.deleted_at, post.deleted_by_id, post.delete_reason = utcnow(), actor.id, reason[:300]
    post.body, post.body_html = "", ""
    db.session.flush()


def report_post(post: Post, topic: Topic, space: Space, *, actor, reason: str) -> PostReport:
    """Flag a post to the space's moderators."""
    _must_view(space, actor)
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(("reason", "Say what is wrong with the post."))
    report = PostReport(post_id=post.id, reporter_id=actor.id, reason=reason[:500])
    db.session.add(report)
    db.session.flush()
    moderators = [
        u
        for u in db.session.scalars(select(User).where(User.id.in_(space.policy.members(space.owner))))
        if space.can_moderate(u)
    ][:50]
    notify(
        moderators,
        "post_reported",
        f'A post in "{topic.title}" was reported',
        reason,
        _topic_url(topic, post),
        space=space.ref,
        actor=actor,
    )
    return report


def can_resolve(topic: Topic, space: Space, actor) -> bool:
    if topic.author_id == actor.id or space.can_moderate(actor):
        return True
    return (
        bool(topic.anchor)
        and actor.id in db.session.scalars(space.policy.members(space.owner).where(User.id == actor.id)).all()
    )


def resolve_topic(topic: Topic, space: Space, *, actor, resolved: bool = True) -> None:
    """A thread's author or a moderator marks it resolved (or open again); comments in context also by the
    people the space belongs to (the team resolves comments on its own plan)."""
    if not can_resolve(topic, space, actor):
        raise ServiceError((None, "Only the person who started it or a moderator can resolve this."))
    topic.resolved_at, topic.resolved_by_id = (utcnow(), actor.id) if resolved else (None, None)
    db.session.flush()


def mark_read(topic: Topic, *, actor, at=None) -> None:
    """The person has read the topic up to `at`. The marker moves only when a post came since it was set: reading
    a topic again with nothing new changes no row, so the page's commit has nothing to write."""
    values = {"user_id": actor.id, "topic_id": topic.id, "read_at": at or utcnow(), "last_post_at": topic.last_post_at}
    db.session.execute(_mark_read_statement(db.engine.dialect.name), values)


@lru_cache(maxsize=2)  # per database (every topic page writes one: built once, not on each visit)
def _mark_read_statement(dialect: str):
    stmt = upsert(TopicRead).values(
        user_id=bindparam("user_id"), topic_id=bindparam("topic_id"), read_at=bindparam("read_at")
    )
    return stmt.on_conflict_do_update(
        index_elements=[TopicRead.user_id, TopicRead.topic_id],
        set_={"read_at": stmt.excluded.read_at},
        where=TopicRead.read_at < bindparam("last_post_at"),
    )
