"""Forums, their members and specialist networks, meetings with agendas and minutes, resources and needs."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.events.models import Event
from portal.extensions import db

KINDS = {"sector": "Sector forum", "subject": "Secondary curriculum network", "network": "Specialist network"}
NEED_STATUSES = {
    "raised": "Raised",
    "accepted": "Accepted by the coordinator",
    "declined": "Declined",
    "merged": "Merged with another need",
    "addressing": "Being addressed",
    "offered": "Offered",
    "closed": "Closed",
}
DEFAULT_STANDING_ITEMS = "Welcome and apologies\nSharing practice\nNetworking and next steps"


class Forum(db.Model):
    """A sector forum, a secondary subject network, or a specialist network (a sub-group: `parent_id` set)."""

    __tablename__ = "forum"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(12), index=True)
    sector: Mapped[str] = mapped_column(String(12), default="")
    subject: Mapped[str] = mapped_column(String(80), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    # One line each: the items every new meeting's draft agenda starts with.
    standing_items: Mapped[str] = mapped_column(Text, default=DEFAULT_STANDING_ITEMS)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("forum.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    officer: Mapped[User | None] = relationship(lazy="joined")
    parent: Mapped["Forum | None"] = relationship(remote_side="Forum.id", lazy="joined", innerjoin=False)

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def standing_list(self) -> list[str]:
        return [line.strip() for line in self.standing_items.splitlines() if line.strip()]

    def __str__(self) -> str:
        return self.name


class Membership(db.Model):
    __tablename__ = "forum_membership"
    __table_args__ = (
        UniqueConstraint("forum_id", "user_id", name="uq_forum_membership_forum_id_user_id"),
        # Each forum's coordinators (a handful among hundreds of members): the forums list and every forum page.
        Index(
            "ix_forum_membership_coordinators",
            "forum_id",
            sqlite_where=text("coordinator IS 1"),
            postgresql_where=text("coordinator IS true"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    coordinator: Mapped[bool] = mapped_column(Boolean, default=False)
    joined_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    user: Mapped[User] = relationship()
    forum: Mapped[Forum] = relationship()


class Meeting(db.Model):
    __tablename__ = "forum_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(160))
    # Local (Europe/London) wall-clock times, as people arrange them.
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    school_year: Mapped[int] = mapped_column(Integer, index=True)  # the year the school year starts (1 August)
    formal: Mapped[bool] = mapped_column(Boolean, default=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    online_link: Mapped[str] = mapped_column(String(500), default="")
    published_at: Mapped[datetime | None] = mapped_column(DateTime)  # first published
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)  # last e-mailed to members
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime)  # cancelled meetings stay on record
    sequence: Mapped[int] = mapped_column(Integer, default=0)  # the .ics SEQUENCE: raised on each update sent
    # Raised by every agenda change, so a reorder from a stale page is recognised.
    agenda_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    forum: Mapped[Forum] = relationship()
    items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    actions: Mapped[list["Action"]] = relationship(
        back_populates="meeting", order_by="Action.id", cascade="all, delete-orphan"
    )
    changes: Mapped[list["AgendaChange"]] = relationship(order_by="AgendaChange.id", cascade="all, delete-orphan")

    @property
    def length_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def published(self) -> bool:
        return self.published_at is not None

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


item_resource = db.Table(
    "forum_item_resource",
    db.Column("item_id", ForeignKey("forum_agenda_item.id", ondelete="CASCADE"), primary_key=True),
    db.Column("resource_id", ForeignKey("forum_resource.id", ondelete="CASCADE"), primary_key=True),
)


class AgendaItem(db.Model):
    __tablename__ = "forum_agenda_item"
    __table_args__ = (CheckConstraint("allotted_minutes >= 0", name="allotted_minutes_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("forum_meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    lead: Mapped[str] = mapped_column(String(120), default="")
    allotted_minutes: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    minutes_text: Mapped[str] = mapped_column(Text, default="")  # the minute recorded after the meeting
    carried_action_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_action.id", ondelete="SET NULL"), index=True
    )
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)  # last change after publishing

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    resources: Mapped[list["Resource"]] = relationship(secondary=item_resource, order_by="Resource.title")


class AgendaChange(db.Model):
    """One change to a published agenda, kept so members can see what changed."""

    __tablename__ = "forum_agenda_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("forum_meeting.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("forum_agenda_item.id", ondelete="SET NULL"))
    summary: Mapped[str] = mapped_column(String(500))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Attendance(db.Model):
    """A member recorded as present at a meeting by its coordinator (the record offers it as learning)."""

    __tablename__ = "forum_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id", name="uq_forum_attendance_meeting_id_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("forum_meeting.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Action(db.Model):
    __tablename__ = "forum_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("forum_meeting.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(String(300))
    who: Mapped[str] = mapped_column(String(120), default="")
    due: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False, index=True)

    meeting: Mapped[Meeting] = relationship(back_populates="actions")


def tag_list(tags: str) -> list[str]:
    """Tags as stored (",tag,tag,") as a list; also the template filter for a resource read as a row."""
    return [t for t in tags.split(",") if t]


class Resource(db.Model):
    """A file (kept by portal.core.uploads) or a link in a forum's library."""

    __tablename__ = "forum_resource"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(String(300), default="")  # ",tag,tag," so one LIKE finds a whole tag
    url: Mapped[str] = mapped_column(String(500), default="")
    file_key: Mapped[str] = mapped_column(String(80), default="")
    filename: Mapped[str] = mapped_column(String(200), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    @property
    def tag_list(self) -> list[str]:
        return tag_list(self.tags)

    @property
    def is_file(self) -> bool:
        return bool(self.file_key)


class Need(db.Model):
    """A development need members raised, and the partnership's professional learning offer in response."""

    __tablename__ = "forum_need"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text, default="")
    raised_by: Mapped[str] = mapped_column(String(200), default="")  # who raised it, in the coordinator's words
    status: Mapped[str] = mapped_column(String(12), default="raised", index=True)
    offer: Mapped[str] = mapped_column(Text, default="")
    offer_url: Mapped[str] = mapped_column(String(500), default="")  # a course or page elsewhere
    offer_event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"), index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # A coordinator's triage of a need members raised: accepted, declined or merged into another need.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("forum_need.id", ondelete="SET NULL"))
    triage_note: Mapped[str] = mapped_column(Text, default="")

    forum: Mapped[Forum] = relationship()
    offer_event: Mapped[Event | None] = relationship(lazy="joined")

    @property
    def status_label(self) -> str:
        return NEED_STATUSES[self.status]
