"""Discussion spaces' topics and posts (owned by a context: forum, theme, team, or a plan for comments in
context), reports of posts, and what each person has read."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.extensions import db


class Topic(db.Model):
    """A conversation in a space; `anchor` pins a comment thread to a part of the owner (e.g. "section:4")."""

    __tablename__ = "discussion_topic"
    __table_args__ = (Index("ix_discussion_topic_space", "space_type", "space_id", "last_post_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    space_type: Mapped[str] = mapped_column(String(40))
    space_id: Mapped[int] = mapped_column(Integer)
    anchor: Mapped[str] = mapped_column(String(60), default="")
    title: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_post_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    post_count: Mapped[int] = mapped_column(Integer, default=0)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    author: Mapped[User | None] = relationship(foreign_keys=[author_id], lazy="raise_on_sql")
    # The author's name, read with the topic where a list shows nothing else of the author (`queries.topic_page`).
    author_name: Mapped[str | None] = query_expression()


class Post(db.Model):
    """One message: Markdown as typed and its sanitised HTML (rendered once, when written)."""

    __tablename__ = "discussion_post"
    __table_args__ = (Index("ix_discussion_post_topic", "topic_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("discussion_topic.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    quote_of_id: Mapped[int | None] = mapped_column(ForeignKey("discussion_post.id", ondelete="SET NULL"))
    file_key: Mapped[str] = mapped_column(String(80), default="")
    filename: Mapped[str] = mapped_column(String(200), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    delete_reason: Mapped[str] = mapped_column(String(300), default="")

    topic: Mapped[Topic] = relationship(lazy="raise_on_sql")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id], lazy="raise_on_sql")
    author_name: Mapped[str | None] = query_expression()  # read with the post where a page shows only the name


class PostReport(db.Model):
    """Someone flagging a post to the space's moderators."""

    __tablename__ = "discussion_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("discussion_post.id", ondelete="CASCADE"), index=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    outcome: Mapped[str] = mapped_column(String(12), default="")  # "kept" or "removed"


class TopicRead(db.Model):
    """When a person last read a topic: newer posts are unread."""

    __tablename__ = "discussion_read"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("discussion_topic.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    read_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
