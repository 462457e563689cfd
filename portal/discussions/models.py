"""Discussion spaces' topics and posts (owned by a context: forum, theme, team, or a plan for comments in
context), reports of posts, and what each person has read."""

from datetime import datetime

from sqlalchemy import Computed, DateTime, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import ColumnElement

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
    # Indexed alone for "what's new" (every space's topics, newest first): read newest first and stop at the 50th.
    last_post_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    post_count: Mapped[int] = mapped_column(Integer, default=0)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    author: Mapped[User | None] = relationship(foreign_keys=[author_id], lazy="raise_on_sql")


class _BodyWords(ColumnElement):
    """The words of a post's body as PostgreSQL's full text search reads them; nothing (NULL) on SQLite."""

    inherit_cache = True


@compiles(_BodyWords)
def _no_words(element, compiler, **kw):
    return "NULL"


@compiles(_BodyWords, "postgresql")
def _words(element, compiler, **kw):
    return "to_tsvector('english', body)"


class Post(db.Model):
    """One message: Markdown as typed and its sanitised HTML (rendered once, when written)."""

    __tablename__ = "discussion_post"
    __table_args__ = (
        Index("ix_discussion_post_topic", "topic_id", "id"),
        # PostgreSQL's search index; on SQLite an index of nothing (WHERE 0), so writes there pay for no entry.
        Index("ix_discussion_post_body_words", "body_words", postgresql_using="gin", sqlite_where=false()),
    )
    __mapper_args__ = {"eager_defaults": False}  # a new post's `body_words` is never read back (only searched)

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("discussion_topic.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    body: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    # Search on PostgreSQL (`queries._matching`) reads each post's words from here (GIN-indexed) instead of parsing
    # every body it checks; written by the database. SQLite searches with LIKE: NULL there (migration 0016_pg9 adds
    # it as a virtual column, never stored, as SQLite can only add those).
    body_words: Mapped[str | None] = mapped_column(
        Text().with_variant(TSVECTOR(), "postgresql"), Computed(_BodyWords(), persisted=True), deferred=True
    )
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
