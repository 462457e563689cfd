"""A person's professional learning record: entries (own or from the portal), shared entry by entry."""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.extensions import db

# What kind of learning an entry records (key -> label); the first group comes from the portal.
KINDS = (
    ("event", "Session or event attended"),
    ("module", "Leadership module"),
    ("enquiry", "Enquiry stage reached"),
    ("forum", "Forum meeting"),
    ("account", "Account of practice published"),
    ("reading", "Professional reading"),
    ("visit", "Visit"),
    ("course", "Course elsewhere"),
    ("other", "Other professional learning"),
)
KIND_LABELS = dict(KINDS)
OWN_KINDS = ("reading", "visit", "course", "other", "event", "module", "enquiry", "forum", "account")

# The GTCS Professional Standards 2021 (key -> official name) and the sections common to them, as GTC Scotland
# names them (formal enactment 2 August 2021; see the README for the source).
STANDARDS = (
    ("provisional", "The Standard for Provisional Registration"),
    ("registration", "The Standard for Full Registration"),
    ("clpl", "The Standard for Career-Long Professional Learning"),
    ("middle", "The Standard for Middle Leadership"),
    ("headship", "The Standard for Headship"),
)
STANDARD_LABELS = dict(STANDARDS)
SECTIONS = (
    ("1", "1 Being a Teacher in Scotland"),
    ("2", "2 Professional Knowledge and Understanding"),
    ("3", "3 Professional Skills and Abilities"),
)
SECTION_LABELS = dict(SECTIONS)


class LearningEntry(db.Model):
    """One piece of professional learning in one person's record, private unless shared with a reviewer."""

    __tablename__ = "learning_entry"
    __table_args__ = (
        UniqueConstraint("user_id", "source", "source_id"),  # one entry per portal activity per person
        Index("ix_learning_entry_user_started", "user_id", "started_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Numeric(5, 1), default=0)
    standard: Mapped[str] = mapped_column(String(20), default="clpl")
    sections: Mapped[str] = mapped_column(String(20), default="")  # "1,3"
    reflection: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")  # links or descriptions, one a line
    source: Mapped[str | None] = mapped_column(String(20))  # "booking" when made from the portal
    source_id: Mapped[int | None] = mapped_column(Integer)
    shared_with_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    shared_with: Mapped[User | None] = relationship(foreign_keys=[shared_with_id], lazy="raise_on_sql")

    @property
    def section_keys(self) -> list[str]:
        return [s for s in self.sections.split(",") if s]

    @property
    def evidence_lines(self) -> list[str]:
        return [line.strip() for line in self.evidence.splitlines() if line.strip()]


class LearningEntryRevision(db.Model):
    """The entry as it was before a correction: every earlier wording is kept, newest last."""

    __tablename__ = "learning_entry_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("learning_entry.id", ondelete="CASCADE"), index=True)
    saved_at: Mapped[datetime] = mapped_column(DateTime)  # when this earlier wording had been saved
    replaced_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    content: Mapped[str] = mapped_column(Text)  # JSON of the entry's fields (portal.learning.services.KEPT)


class PrdTarget(db.Model):
    """A Professional Review and Development target in a person's record: private unless shared with their PRD
    reviewer, optionally linked to one of their own leadership plan goals (portal.learning.goals)."""

    __tablename__ = "prd_target"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    school_year: Mapped[int] = mapped_column(Integer)  # the year the school year starts (1 August)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("plan_goal.id", ondelete="SET NULL"), index=True)
    shared_with_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    shared_with: Mapped[User | None] = relationship(foreign_keys=[shared_with_id], lazy="raise_on_sql")

    @property
    def year_label(self) -> str:
        return f"{self.school_year}-{str(self.school_year + 1)[-2:]}"


class PrdTargetRevision(db.Model):
    """A PRD target as it was before a correction, newest last (as for entries)."""

    __tablename__ = "prd_target_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("prd_target.id", ondelete="CASCADE"), index=True)
    saved_at: Mapped[datetime] = mapped_column(DateTime)
    replaced_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    content: Mapped[str] = mapped_column(Text)  # JSON of the target's fields (portal.learning.targets.KEPT)


class RecordSettings(db.Model):
    """A person's settings for their record: the date of their GTCS Professional Update sign-off."""

    __tablename__ = "learning_settings"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    signoff_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
