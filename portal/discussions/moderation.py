"""Moderating a space: its reported posts, each resolved by keeping the post or removing it (the author told)."""

from sqlalchemy import bindparam, func, select, update

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.discussions import services
from portal.discussions.models import Post, PostReport, Topic
from portal.discussions.spaces import Space
from portal.extensions import db
from portal.notifications.services import notify, portal_path

KEPT, REMOVED = "kept", "removed"


def _in_space(space: Space):
    return (Topic.space_type == space.type, Topic.space_id == space.id)


def reports_query(space: Space):
    """Open reports of the space's posts, oldest first: (report, post, topic, reporter name) rows."""
    return (
        select(PostReport, Post, Topic, User.name)
        .join(Post, Post.id == PostReport.post_id)
        .join(Topic, Topic.id == Post.topic_id)
        .outerjoin(User, User.id == PostReport.reporter_id)
        .where(*_in_space(space), PostReport.resolved_at.is_(None))
        .order_by(PostReport.created_at, PostReport.id)
    )


def open_count(space: Space) -> int:
    """Open reports of the space's posts (the topic list asks for a moderator)."""
    return db.session.scalar(_OPEN_COUNT, {"space_type": space.type, "space_id": space.id})


# From the reports (few) to their posts: joined the other way, SQLite walked every post of a space with years of
# topics to find them. Built once: the space is bound.
_OPEN_COUNT = select(func.count(PostReport.id)).where(
    PostReport.resolved_at.is_(None),
    select(Post.id)
    .join(Topic, Topic.id == Post.topic_id)
    .where(
        Post.id == PostReport.post_id,
        Topic.space_type == bindparam("space_type"),
        Topic.space_id == bindparam("space_id"),
    )
    .exists(),
)


def load_report(report_id: int) -> tuple[PostReport, Post, Topic] | None:
    row = db.session.execute(
        select(PostReport, Post, Topic)
        .join(Post, Post.id == PostReport.post_id)
        .join(Topic, Topic.id == Post.topic_id)
        .where(PostReport.id == report_id)
    ).first()
    return tuple(row) if row else None


def resolve_report(report: PostReport, post: Post, topic: Topic, space: Space, *, actor, remove: bool, reason=""):
    """A moderator keeps the post or removes it with a reason; every open report of that post is resolved with
    the same outcome, the people who reported it are told, and on removal so is the post's author."""
    if not space.can_moderate(actor):
        raise ServiceError((None, "Only this space's moderators resolve reports."))
    if report.resolved_at is not None:
        raise ServiceError((None, "This report is already resolved."))
    outcome = REMOVED if remove else KEPT
    if remove and post.deleted_at is None:
        services.delete_post(post, space, actor=actor, reason=reason)
    reporters = db.session.scalars(
        select(User)
        .join(PostReport, PostReport.reporter_id == User.id)
        .where(PostReport.post_id == post.id, PostReport.resolved_at.is_(None))
    ).all()
    db.session.execute(
        update(PostReport)
        .where(PostReport.post_id == post.id, PostReport.resolved_at.is_(None))
        .values(resolved_at=utcnow(), resolved_by_id=actor.id, outcome=outcome)
    )
    db.session.flush()
    link = portal_path("discussions.show_topic", topic_id=topic.id)
    said = "removed" if remove else "looked at and kept"
    notify(
        reporters,
        "report_outcome",
        f'The post you reported in "{topic.title}" was {said}',
        post.delete_reason if remove else "",
        link,
        space=space.ref,
        actor=actor,
    )
    author = db.session.get(User, post.author_id) if remove and post.author_id else None
    if author is not None:
        notify(
            [author],
            "post_moderated",
            f'A moderator removed your post in "{topic.title}"',
            post.delete_reason,
            link,
            space=space.ref,
            actor=actor,
        )
    return outcome
