"""Collaboration profiles, requests between people, blocks, misuse reports and the Gateway record of a team."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.extensions import db
from portal.gateway.vocabulary import FREQUENCIES, INTERESTS, MODES, STAGES
from portal.organisations.models import Establishment


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split(",") if v)


class Profile(db.Model):
    """A practitioner's (kind "person") or a senior leader's establishment's (kind "establishment") profile."""

    __tablename__ = "gateway_profile"
    __table_args__ = (
        UniqueConstraint("owner_id", "kind", name="uq_gateway_profile_owner_kind"),
        # uptake counts distinct owners by LA, sector and month, each from one of these alone (no row lookups)
        Index("ix_gateway_profile_uptake_la", "authority_id", "status", "owner_id"),
        Index("ix_gateway_profile_uptake_sector", "sector", "status", "owner_id"),
        Index("ix_gateway_profile_uptake_created", "created_at", "status", "owner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="person")
    establishment_id: Mapped[int | None] = mapped_column(ForeignKey("establishment.id"), index=True)
    # Copied from the establishment when saved: filters, ranking and uptake figures need no joins.
    authority_id: Mapped[int | None] = mapped_column(ForeignKey("local_authority.id"), index=True)
    sector: Mapped[str] = mapped_column(String(12), default="", index=True)
    hunch: Mapped[str] = mapped_column(Text, default="")
    interests: Mapped[str] = mapped_column(String(600), default="")  # vocabulary keys, comma-separated
    stages: Mapped[str] = mapped_column(String(100), default="")
    mode: Mapped[str] = mapped_column(String(12), default="either")
    frequency: Mapped[str] = mapped_column(String(12), default="monthly")
    available_from: Mapped[date | None] = mapped_column(Date)
    available_until: Mapped[date | None] = mapped_column(Date)
    open_to_contact: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String(12), default="active", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    owner: Mapped[User] = relationship(lazy="joined")
    establishment: Mapped[Establishment | None] = relationship(lazy="joined")

    @property
    def interest_keys(self) -> tuple[str, ...]:
        return _split(self.interests)

    @property
    def stage_keys(self) -> tuple[str, ...]:
        return _split(self.stages)

    @property
    def interest_labels(self) -> list[str]:
        return [INTERESTS[k] for k in self.interest_keys if k in INTERESTS]

    @property
    def stage_labels(self) -> list[str]:
        return [STAGES[k] for k in self.stage_keys if k in STAGES]

    @property
    def way_of_working(self) -> str:
        return f"{MODES.get(self.mode, '')}, {FREQUENCIES.get(self.frequency, '').lower()}"

    @property
    def title(self) -> str:
        if self.kind == "establishment" and self.establishment:
            return self.establishment.name
        return self.owner.name


class Request(db.Model):
    """A request to collaborate, sent to a profile; accepted ones name the Gateway team they formed or joined."""

    __tablename__ = "gateway_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("gateway_profile.id", ondelete="CASCADE"), index=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    # The sender's LA and sector when sent: uptake figures count without joins.
    authority_id: Mapped[int | None] = mapped_column(ForeignKey("local_authority.id"), index=True)
    sector: Mapped[str] = mapped_column(String(12), default="")
    team_id: Mapped[int | None] = mapped_column(ForeignKey("enquiry_team.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)

    sender: Mapped[User] = relationship(foreign_keys=[sender_id], lazy="joined")
    recipient: Mapped[User] = relationship(foreign_keys=[recipient_id], lazy="joined")
    profile: Mapped[Profile] = relationship(lazy="joined")


class Block(db.Model):
    """`blocker` never hears from or is suggested to `blocked` again (nor the other way round)."""

    __tablename__ = "gateway_block"
    __table_args__ = (UniqueConstraint("blocker_id", "blocked_id", name="uq_gateway_block_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    blocker_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    blocked_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


MISUSE_OUTCOMES = {
    "no_action": "Looked into: no further action needed",
    "spoken_to": "The person was spoken to about the Gateway's use",
    "withdrawn": "The person's Gateway profiles were withdrawn",
}


class MisuseReport(db.Model):
    """Someone reporting a misuse of the Gateway by another person, for the lead officer to look into."""

    __tablename__ = "gateway_misuse_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    about_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    # The lead officer's resolution (the reporter is told the outcome; a block the reporter made stays).
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    outcome: Mapped[str] = mapped_column(String(20), default="")  # a key of MISUSE_OUTCOMES
    outcome_note: Mapped[str] = mapped_column(Text, default="")

    reporter: Mapped[User] = relationship(foreign_keys=[reporter_id], lazy="joined")
    about: Mapped[User] = relationship(foreign_keys=[about_id], lazy="joined")


class GatewayTeam(db.Model):
    """What the Gateway adds to an enquiries Team it formed: the tier of support and any request for support."""

    __tablename__ = "gateway_team"

    team_id: Mapped[int] = mapped_column(ForeignKey("enquiry_team.id", ondelete="CASCADE"), primary_key=True)
    tier: Mapped[str] = mapped_column(String(12), default="independent")
    authority_id: Mapped[int | None] = mapped_column(ForeignKey("local_authority.id"), index=True)
    sector: Mapped[str] = mapped_column(String(12), default="")
    support_from: Mapped[str] = mapped_column(String(16), default="")
    support_note: Mapped[str] = mapped_column(Text, default="")
    support_requested_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
