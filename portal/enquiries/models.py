"""Themes per school year, registrations, collaborative teams (themed or network) and how people join them."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.extensions import db
from portal.organisations.models import Establishment, LocalAuthority

TEAM_KINDS = ("themed", "network", "gateway")  # gateway: formed by people who found each other (portal/gateway)


class Theme(db.Model):
    __tablename__ = "enquiry_theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_year: Mapped[str] = mapped_column(String(7), index=True)  # "2020-21"
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    resources: Mapped[list["ThemeResource"]] = relationship(
        back_populates="theme", cascade="all, delete-orphan", order_by="ThemeResource.id", lazy="raise_on_sql"
    )

    def __str__(self) -> str:
        return f"{self.title} ({self.school_year})"


class ThemeResource(db.Model):
    """A stimulus paper or piece of research: an uploaded file (portal.core.uploads) or a link."""

    __tablename__ = "enquiry_theme_resource"

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("enquiry_theme.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(500), default="")
    file_key: Mapped[str] = mapped_column(String(80), default="")
    filename: Mapped[str] = mapped_column(String(200), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)

    theme: Mapped[Theme] = relationship(back_populates="resources")


class LinkOfficer(db.Model):
    """The LA officer each authority names as link officer for themed enquiries (shown to its teams)."""

    __tablename__ = "enquiry_link_officer"

    authority_id: Mapped[int] = mapped_column(ForeignKey("local_authority.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)

    authority: Mapped[LocalAuthority] = relationship(lazy="joined")
    user: Mapped[User] = relationship(lazy="joined")


class Registration(db.Model):
    """A practitioner registered for a theme, or (establishment_id set) a senior leader registering their setting."""

    __tablename__ = "enquiry_registration"
    __table_args__ = (UniqueConstraint("theme_id", "user_id", name="uq_enquiry_registration_theme_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("enquiry_theme.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    establishment_id: Mapped[int | None] = mapped_column(ForeignKey("establishment.id"), index=True)
    # Copied from the person's establishment at registration: LA officers filter on it without joins.
    authority_id: Mapped[int | None] = mapped_column(ForeignKey("local_authority.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    theme: Mapped[Theme] = relationship(lazy="raise_on_sql")
    user: Mapped[User] = relationship(lazy="raise_on_sql")
    establishment: Mapped[Establishment | None] = relationship(lazy="raise_on_sql")


class Team(db.Model):
    """A collaborative team: formed by practitioners on a theme, or matched into a network cohort."""

    __tablename__ = "enquiry_team"
    # "My teams" lists the newest first: a page walks this index and stops.
    __table_args__ = (Index("ix_enquiry_team_created_at_id", "created_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), default="themed", index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("enquiry_theme.id"), index=True)
    name: Mapped[str] = mapped_column(String(160))
    shared_goal: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    theme: Mapped[Theme | None] = relationship(lazy="raise_on_sql")
    members: Mapped[list["TeamMember"]] = relationship(
        back_populates="team", cascade="all, delete-orphan", order_by="TeamMember.id", lazy="raise_on_sql"
    )
    facilitators: Mapped[list["TeamFacilitator"]] = relationship(
        back_populates="team", cascade="all, delete-orphan", lazy="raise_on_sql"
    )

    def __str__(self) -> str:
        return self.name


class TeamMember(db.Model):
    __tablename__ = "enquiry_team_member"
    __table_args__ = (
        UniqueConstraint("team_id", "user_id", name="uq_enquiry_team_member_team_user"),
        # An LA's teams (an LA officer's "my teams") read from the index alone.
        Index("ix_enquiry_team_member_authority_id_team_id", "authority_id", "team_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("enquiry_team.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    # The member's establishment and LA when they joined: "looks outwards" and LA scoping need no user joins.
    establishment_id: Mapped[int | None] = mapped_column(ForeignKey("establishment.id"), index=True)
    authority_id: Mapped[int | None] = mapped_column(ForeignKey("local_authority.id"))
    joined_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    team: Mapped[Team] = relationship(back_populates="members")
    user: Mapped[User] = relationship(lazy="raise_on_sql")


class TeamFacilitator(db.Model):
    """A key facilitator assigned to support a team (the cohorts domain assigns them to network teams)."""

    __tablename__ = "enquiry_team_facilitator"
    __table_args__ = (UniqueConstraint("team_id", "user_id", name="uq_enquiry_team_facilitator_team_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("enquiry_team.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)

    team: Mapped[Team] = relationship(back_populates="facilitators")
    user: Mapped[User] = relationship(lazy="raise_on_sql")


class TeamInvitation(db.Model):
    """An e-mailed invitation to join a team; the link carries a signed token naming this row."""

    __tablename__ = "enquiry_team_invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("enquiry_team.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)

    team: Mapped[Team] = relationship(lazy="raise_on_sql")


class JoinRequest(db.Model):
    """Someone asking to join a team; any member accepts or declines."""

    __tablename__ = "enquiry_join_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("enquiry_team.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    accepted: Mapped[bool | None]

    user: Mapped[User] = relationship(lazy="raise_on_sql")
