"""People and the roles they hold; failed sign-in attempts for throttling."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import DDL, Boolean, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.core.dates import utcnow
from portal.core.roles import Role
from portal.core.textindex import sqlite_text_index
from portal.extensions import db
from portal.organisations.models import Establishment, LocalAuthority


class User(UserMixin, db.Model):
    __tablename__ = "user_account"
    # People search (name or e-mail contains ...): trigram indexes on PostgreSQL (pg_trgm, which the
    # migration and create_all enable); on SQLite an FTS5 trigram table (PEOPLE_INDEX below).
    # The people list, read in name order: the name index also holds what the list filters on (LA, establishment,
    # e-mail), so a page of an LA's people walks it and stops, and a search reads it instead of the table.
    __table_args__ = (
        Index("ix_user_account_people_list", "name", "id", "authority_id", "establishment_id", "email"),
        Index("ix_user_account_name_trgm", "name", postgresql_using="gin", postgresql_ops={"name": "gin_trgm_ops"}),
        Index("ix_user_account_email_trgm", "email", postgresql_using="gin", postgresql_ops={"email": "gin_trgm_ops"}),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    # Stored lower-cased: the unique index makes e-mail unique case-insensitively.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(256))
    establishment_id: Mapped[int | None] = mapped_column(ForeignKey("establishment.id"), index=True)
    # The LA a person works for centrally (LA officers): their scope. Others take their establishment's LA.
    authority_id: Mapped[int | None] = mapped_column(ForeignKey("local_authority.id"), index=True)
    job_title: Mapped[str] = mapped_column(String(120), default="")
    promoted: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    invited_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Every signed-in session carries the generation it began in; raising it ends all of them.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Two-factor sign-in (TOTP): the secret is set at enrolment, in use once enabled_at is set.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled_at: Mapped[datetime | None] = mapped_column(DateTime)
    totp_last_counter: Mapped[int | None] = mapped_column(Integer)  # a code is accepted once only
    # Data rights: the person asked to be erased; the admin confirmed and the personal data was removed.
    erasure_requested_at: Mapped[datetime | None] = mapped_column(DateTime)
    erased_at: Mapped[datetime | None] = mapped_column(DateTime)

    establishment: Mapped[Establishment | None] = relationship(lazy="joined")
    authority: Mapped[LocalAuthority | None] = relationship(lazy="joined")
    # Loaded when asked for: the signed-in person's roles come with them in one query (accounts/sessions.py), lists
    # that show roles load them with selectinload; every other person loaded (authors, members) costs nothing.
    role_rows: Mapped[list["UserRole"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    @property
    def roles(self) -> set[Role]:
        return {Role(r.role) for r in self.role_rows}

    def has_role(self, *roles: Role) -> bool:
        # Role is a StrEnum: the stored strings compare and hash as the roles do, so no Role() per row and call
        # (navigation asks this about 25 times on every page).
        return any(row.role in roles for row in self.role_rows)

    @property
    def home_authority_id(self) -> int | None:
        """The LA a person belongs to: their own for LA staff, otherwise their establishment's."""
        if self.authority_id:
            return self.authority_id
        return self.establishment.authority_id if self.establishment else None

    @property
    def two_factor_enabled(self) -> bool:
        return self.totp_enabled_at is not None

    @property
    def has_password(self) -> bool:
        return bool(self.password_hash)

    @property
    def is_active(self) -> bool:  # Flask-Login: deactivated people cannot sign in
        return self.active

    def __str__(self) -> str:
        return self.name


class UserRole(db.Model):
    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("user_id", "role", name="uq_user_role_user_id_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32), index=True)

    user: Mapped[User] = relationship(back_populates="role_rows")


class LoginFailure(db.Model):
    """A failed sign-in, keyed by account or address; kept in the database so every host sees it."""

    __tablename__ = "login_failure"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class RecoveryCode(db.Model):
    """A one-time code for signing in without the authenticator; only its SHA-256 is kept."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(DateTime)


event.listen(
    User.__table__, "before_create", DDL("CREATE EXTENSION IF NOT EXISTS pg_trgm").execute_if(dialect="postgresql")
)

# People search on SQLite (accounts/search.py): names and addresses by any three characters (migration 0018).
PEOPLE_INDEX = sqlite_text_index(User.__table__, "user_account_search", ("name", "email"), "trigram")
