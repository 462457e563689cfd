"""The annual Conditions for Change survey: an instrument per school year (versioned once answered), the
invitations (who was asked and whether they answered) and the anonymous responses, kept with nothing that
links one to the other.

Anonymity by design: a response has a random UUID key (no sequence, no insertion order to read on SQLite:
the response table is WITHOUT ROWID, stored in key order), no date at all, and no invitation or person id;
an invitation records only the day it was answered. Theme scores are stored on the response (the five themes
are fixed), so results are one grouped query.
"""

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.core.dates import utcnow
from portal.extensions import db

THEMES = (
    ("reflection", "Reflection and Enquiry"),
    ("planning", "Planning"),
    ("involvement", "Involvement"),
    ("clpl", "Career-Long Professional Learning"),
    ("leadership", "Leadership"),
)
THEME_LABELS = dict(THEMES)
VERSIONS = {"slt": "Senior leadership team", "staff": "Staff"}
AUDIENCES = {"both": "Both versions", "slt": "Senior leadership team version only", "staff": "Staff version only"}
# The agreement scale; 0 is "don't know" (left out of shares and means). 3 and 4 count as agreeing.
SCALE = ((4, "Strongly agree"), (3, "Agree"), (2, "Disagree"), (1, "Strongly disagree"), (0, "Don't know"))
AGREE_FROM = 3
ROLE_GROUPS = {
    "headteacher": "Head teacher, depute or head of centre",
    "promoted": "Principal teacher or other promoted post",
    "teacher": "Teacher",
    "practitioner": "Early years practitioner",
    "support": "Support staff",
    "other": "Other role",
}
YEARS_IN_POST = {
    "0-2": "Less than 3 years",
    "3-5": "3 to 5 years",
    "6-10": "6 to 10 years",
    "11+": "More than 10 years",
}


def new_key() -> str:
    return uuid.uuid4().hex[:12]


def new_uuid() -> str:
    return uuid.uuid4().hex


def school_year_label(year: int) -> str:
    return f"{year}/{str(year + 1)[-2:]}"


class Survey(db.Model):
    """One school year's survey: dates and the open question; the items live in versions."""

    __tablename__ = "cfc_survey"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_year: Mapped[int] = mapped_column(Integer, unique=True)  # 2026 = 2026/27
    opens_on: Mapped[date] = mapped_column(Date)
    closes_on: Mapped[date] = mapped_column(Date)
    open_question: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    versions: Mapped[list["SurveyVersion"]] = relationship(
        back_populates="survey", cascade="all, delete-orphan", order_by="SurveyVersion.number", lazy="raise_on_sql"
    )

    @property
    def label(self) -> str:
        return f"Conditions for Change {school_year_label(self.school_year)}"

    def is_open(self, today: date) -> bool:
        return self.opens_on <= today <= self.closes_on


class SurveyVersion(db.Model):
    """The instrument as answered: frozen once a response uses it (an edit then copies it)."""

    __tablename__ = "cfc_version"
    __table_args__ = (UniqueConstraint("survey_id", "number", name="uq_cfc_version_survey_id_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("cfc_survey.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    in_use: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    survey: Mapped[Survey] = relationship(back_populates="versions")
    items: Mapped[list["SurveyItem"]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="SurveyItem.position", lazy="selectin"
    )

    def items_for(self, version: str) -> list["SurveyItem"]:
        return [i for i in self.items if i.audience in ("both", version)]


class SurveyItem(db.Model):
    """One agreement statement, in the portal's own words, under a theme, for both versions or one."""

    __tablename__ = "cfc_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("cfc_version.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40), default=new_key)  # the same across versions and years
    theme: Mapped[str] = mapped_column(String(20))
    audience: Mapped[str] = mapped_column(String(8), default="both")
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))

    version: Mapped[SurveyVersion] = relationship(back_populates="items")


class SurveyInvitation(db.Model):
    """Who was asked, by which single-use link (only its hash is kept) and on which day they answered."""

    __tablename__ = "cfc_invitation"
    __table_args__ = (UniqueConstraint("survey_id", "email", name="uq_cfc_invitation_survey_id_email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("cfc_survey.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishment.id"), index=True)
    version: Mapped[str] = mapped_column(String(8))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    invited_on: Mapped[date] = mapped_column(Date)
    reminded_on: Mapped[date | None] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)  # a day, never a time: it must not point at a response


class SurveyOpenLink(db.Model):
    """A per-establishment link anyone there may open, up to `cap` responses."""

    __tablename__ = "cfc_open_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("cfc_survey.id", ondelete="CASCADE"), index=True)
    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishment.id"), index=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    cap: Mapped[int] = mapped_column(Integer)
    used: Mapped[int] = mapped_column(Integer, default=0)


class SurveyResponse(db.Model):
    """One anonymous answer: no person, no invitation, no date; a random key; theme scores precomputed."""

    __tablename__ = "cfc_response"
    # Stored in (random) key order on SQLite, so the physical order says nothing about when it came in.
    __table_args__ = {"sqlite_with_rowid": False}

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_uuid)
    survey_id: Mapped[int] = mapped_column(ForeignKey("cfc_survey.id", ondelete="CASCADE"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("cfc_version.id"), index=True)
    version: Mapped[str] = mapped_column(String(8))  # slt | staff
    sector: Mapped[str] = mapped_column(String(12))
    role_group: Mapped[str] = mapped_column(String(20))
    years_in_post: Mapped[str] = mapped_column(String(8))
    authority_id: Mapped[int] = mapped_column(ForeignKey("local_authority.id"), index=True)
    establishment_id: Mapped[int | None] = mapped_column(ForeignKey("establishment.id"))  # only if they chose
    answers: Mapped[str] = mapped_column(Text)  # JSON {item key: 0..4}, for the item-level download
    open_answer: Mapped[str] = mapped_column(Text, default="")
    reflection_rated: Mapped[int] = mapped_column(Integer, default=0)
    reflection_agree: Mapped[int] = mapped_column(Integer, default=0)
    reflection_sum: Mapped[int] = mapped_column(Integer, default=0)
    planning_rated: Mapped[int] = mapped_column(Integer, default=0)
    planning_agree: Mapped[int] = mapped_column(Integer, default=0)
    planning_sum: Mapped[int] = mapped_column(Integer, default=0)
    involvement_rated: Mapped[int] = mapped_column(Integer, default=0)
    involvement_agree: Mapped[int] = mapped_column(Integer, default=0)
    involvement_sum: Mapped[int] = mapped_column(Integer, default=0)
    clpl_rated: Mapped[int] = mapped_column(Integer, default=0)
    clpl_agree: Mapped[int] = mapped_column(Integer, default=0)
    clpl_sum: Mapped[int] = mapped_column(Integer, default=0)
    leadership_rated: Mapped[int] = mapped_column(Integer, default=0)
    leadership_agree: Mapped[int] = mapped_column(Integer, default=0)
    leadership_sum: Mapped[int] = mapped_column(Integer, default=0)
