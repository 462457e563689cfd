"""Versioned self-evaluation frameworks: sections of statements rated on a stored scale.

A framework keeps every version it has had. A version that has been answered is never changed again: an
edit copies it into a new version (copy-on-write), so each response stays tied to the wording it answered.
`key`s stay the same from one version to the next, so results from two versions can be compared.
"""

import uuid
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.core.dates import utcnow
from portal.extensions import db


def new_key() -> str:
    return uuid.uuid4().hex[:12]


class RatingScale(db.Model):
    """A rating scale as data: its points and a short descriptor for each."""

    __tablename__ = "rating_scale"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(120))

    levels: Mapped[list["RatingLevel"]] = relationship(
        back_populates="scale", cascade="all, delete-orphan", order_by="RatingLevel.value", lazy="selectin"
    )

    @property
    def values(self) -> range:
        return range(self.levels[0].value, self.levels[-1].value + 1) if self.levels else range(0)

    @property
    def top(self) -> int:
        return self.levels[-1].value if self.levels else 0


class RatingLevel(db.Model):
    __tablename__ = "rating_level"
    __table_args__ = (UniqueConstraint("scale_id", "value", name="uq_rating_level_scale_id_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scale_id: Mapped[int] = mapped_column(ForeignKey("rating_scale.id", ondelete="CASCADE"), index=True)
    value: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(40))
    descriptor: Mapped[str] = mapped_column(String(240))

    scale: Mapped[RatingScale] = relationship(back_populates="levels")


class Framework(db.Model):
    __tablename__ = "framework"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    # What it is for, in the portal's words; `kind` lets a domain find its own frameworks.
    purpose: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(40), index=True)
    scale_id: Mapped[int] = mapped_column(ForeignKey("rating_scale.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    scale: Mapped[RatingScale] = relationship(lazy="joined")
    versions: Mapped[list["FrameworkVersion"]] = relationship(
        back_populates="framework",
        cascade="all, delete-orphan",
        order_by="FrameworkVersion.number",
        lazy="raise_on_sql",
    )

    def __str__(self) -> str:
        return self.title


class FrameworkVersion(db.Model):
    __tablename__ = "framework_version"
    __table_args__ = (UniqueConstraint("framework_id", "number", name="uq_framework_version_framework_id_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(ForeignKey("framework.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set by the domain that records the first response: from then on this version is frozen.
    in_use: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    framework: Mapped[Framework] = relationship(back_populates="versions", lazy="joined")
    sections: Mapped[list["FrameworkSection"]] = relationship(
        back_populates="version",
        cascade="all, delete-orphan",
        order_by="FrameworkSection.position",
        lazy="raise_on_sql",
    )

    @property
    def items(self) -> list["FrameworkItem"]:
        return [item for section in self.sections for item in section.items]

    def __str__(self) -> str:
        return f"{self.framework.title}, version {self.number}"


class FrameworkSection(db.Model):
    """A domain of the framework: an ordered group of statements (optionally tied to a module)."""

    __tablename__ = "framework_section"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("framework_version.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40), default=new_key)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    short_title: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    module: Mapped[str | None] = mapped_column(String(40))  # e.g. a leadership module key

    version: Mapped[FrameworkVersion] = relationship(back_populates="sections")
    items: Mapped[list["FrameworkItem"]] = relationship(
        back_populates="section",
        cascade="all, delete-orphan",
        order_by="FrameworkItem.position",
        lazy="raise_on_sql",
    )

    @property
    def label(self) -> str:
        return self.short_title or self.title


class FrameworkItem(db.Model):
    """One statement (or challenge question) to rate."""

    __tablename__ = "framework_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("framework_section.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40), default=new_key)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    section: Mapped[FrameworkSection] = relationship(back_populates="items")
