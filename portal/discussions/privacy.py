"""Discussions: topics and posts a person wrote, reports they made and what they read, for "download my data"
and erasure. Posts belong to the conversation and stay under "a former member"; names typed in them go."""

from sqlalchemy import delete, select

from portal.core import personal_data
from portal.discussions.models import Post, PostReport, Topic, TopicRead
from portal.extensions import db


def _rows(model, *where, leave_out=()):
    return personal_data.as_rows(db.session.scalars(select(model).where(*where)), leave_out=leave_out)


def export(user) -> dict:
    return {
        "topics_started": _rows(Topic, Topic.author_id == user.id),
        "posts_written": _rows(Post, Post.author_id == user.id, leave_out=("body_html",)),
        "reports_made": _rows(PostReport, PostReport.reporter_id == user.id),
        "topics_read": _rows(TopicRead, TopicRead.user_id == user.id),
    }


def erase(user) -> None:
    """The person's read markers go; their posts stay in the thread, credited to the anonymised account."""
    db.session.execute(delete(TopicRead).where(TopicRead.user_id == user.id))
    db.session.flush()


def register(app) -> None:
    personal_data.register(app, "discussions", export=export, erase=erase)
    personal_data.register_free_text(app, Topic.title, Post.body, Post.body_html, Post.delete_reason, PostReport.reason)
