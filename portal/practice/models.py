"""Accounts of Practice: a team's short written account of its enquiry, with consent, review and versions."""

from datetime import datetime

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.core.dates import utcnow
from portal.extensions import db

DRAFT, IN_REVIEW, RETURNED, PUBLISHED = "draft", "in_review", "returned", "published"
STATE_LABELS = {DRAFT: "Draft", IN_REVIEW: "In review", RETURNED: "Returned with comments", PUBLISHED: "Published"}
PARTNERSHIP, PUBLIC = "partnership", "public"
VISIBILITY_LABELS = {
    PARTNERSHIP: "The partnership (everyone signed in to the portal)",
    PUBLIC: "Public (a page on the partnership's website, with no personal data)",
}
SEARCH_CONFIG = "english"


class PracticeAccount(db.Model):
    """One account per team. Every text field is the team's words; drafting from the enquiry only pre-fills."""

    __tablename__ = "practice_account"
    __table_args__ = (
        Index("ix_practice_account_listing", "state", "published_at"),
        Index("ix_practice_account_search", "search_vector", postgresql_using="gin"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("enquiry_team.id", ondelete="SET NULL"), unique=True)
    state: Mapped[str] = mapped_column(String(12), default=DRAFT)
    visibility: Mapped[str] = mapped_column(String(12), default=PARTNERSHIP)
    title: Mapped[str] = mapped_column(String(200))
    abstract: Mapped[str] = mapped_column(Text, default="")
    question: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")
    change: Mapped[str] = mapped_column(Text, default="")
    beneficiaries: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[str] = mapped_column(Text, default="")
    not_worked: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    features: Mapped[str] = mapped_column(String(200), default="")  # comma-separated keys of KEY_FEATURES
    measures_json: Mapped[str] = mapped_column(Text, default="[]")  # the measures as drafted (see drafting.py)
    programme: Mapped[str] = mapped_column(String(20), index=True)
    theme_title: Mapped[str] = mapped_column(String(160), default="")
    school_year: Mapped[str] = mapped_column(String(7), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    # PostgreSQL: to_tsvector(SEARCH_CONFIG, search_text), set by services.index_text (GIN-indexed above);
    # SQLite has no tsvector and searches search_text with LIKE instead (queries.text_match).
    search_vector: Mapped[str | None] = mapped_column(TSVECTOR().with_variant(Text(), "sqlite"))
    version: Mapped[int] = mapped_column(Integer, default=0)  # published versions so far
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    revised_at: Mapped[datetime | None] = mapped_column(DateTime)  # last correction after publishing

    facets: Mapped[list["AccountFacet"]] = relationship(cascade="all, delete-orphan", lazy="raise_on_sql")

    @property
    def feature_keys(self) -> list[str]:
        return [k for k in self.features.split(",") if k]

    @property
    def is_published(self) -> bool:
        return self.state == PUBLISHED


class AccountFacet(db.Model):
    """One filterable value of an account: facet is sector, stage, la, measure or tag (a vocabulary key)."""

    __tablename__ = "practice_account_facet"
    __table_args__ = (Index("ix_practice_account_facet_value", "facet", "value", "account_id"),)

    account_id: Mapped[int] = mapped_column(ForeignKey("practice_account.id", ondelete="CASCADE"), primary_key=True)
    facet: Mapped[str] = mapped_column(String(12), primary_key=True)
    value: Mapped[str] = mapped_column(String(60), primary_key=True)


class AccountFile(db.Model):
    """An image or file attached to an account (at most three), stored through portal.core.uploads."""

    __tablename__ = "practice_account_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("practice_account.id", ondelete="CASCADE"), index=True)
    file_key: Mapped[str] = mapped_column(String(80))
    filename: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(300), default="")  # alt text for images
    size: Mapped[int] = mapped_column(Integer, default=0)

    @property
    def is_image(self) -> bool:
        return self.file_key.rsplit(".", 1)[-1] in {"png", "jpg", "jpeg"}


class Consent(db.Model):
    """A current team member agreeing to the account being submitted (cleared when the text changes)."""

    __tablename__ = "practice_consent"

    account_id: Mapped[int] = mapped_column(ForeignKey("practice_account.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    consented_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Review(db.Model):
    """One step of the account's history: submitted, returned (with comments), published, updated."""

    __tablename__ = "practice_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("practice_account.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    decision: Mapped[str] = mapped_column(String(12))
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Reviewer(db.Model):
    """Someone the lead officer asked to review accounts (the lead officer always may)."""

    __tablename__ = "practice_reviewer"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    granted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AccountVersion(db.Model):
    """The published text of each version, kept when a correction is published."""

    __tablename__ = "practice_account_version"
    __table_args__ = (UniqueConstraint("account_id", "number", name="uq_practice_account_version_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("practice_account.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[str] = mapped_column(Text)  # JSON of the account's text fields
    published_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Use(db.Model):
    """A reader's school tried the idea ("Used this"), with a short note the team sees."""

    __tablename__ = "practice_use"
    __table_args__ = (UniqueConstraint("account_id", "user_id", name="uq_practice_use_account_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("practice_account.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    establishment_id: Mapped[int | None] = mapped_column(ForeignKey("establishment.id", ondelete="SET NULL"))
    authority_id: Mapped[int | None] = mapped_column(ForeignKey("local_authority.id"))
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Presentation(db.Model):
    """The team presents its account at a sharing event (the event page lists them)."""

    __tablename__ = "practice_presentation"

    account_id: Mapped[int] = mapped_column(ForeignKey("practice_account.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
