"""Local authorities (reference data) and their establishments."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db

SECTORS = ("ELC", "Primary", "Secondary", "ASN")
SECTOR_LABELS = {
    "ELC": "Early learning and childcare",
    "Primary": "Primary",
    "Secondary": "Secondary",
    "ASN": "Additional support needs",
}

# The eight authorities of the West Partnership: reference data, loaded by the initial migration.
AUTHORITIES = (
    ("east-dunbartonshire", "East Dunbartonshire"),
    ("east-renfrewshire", "East Renfrewshire"),
    ("glasgow-city", "Glasgow City"),
    ("inverclyde", "Inverclyde"),
    ("north-lanarkshire", "North Lanarkshire"),
    ("renfrewshire", "Renfrewshire"),
    ("south-lanarkshire", "South Lanarkshire"),
    ("west-dunbartonshire", "West Dunbartonshire"),
)


class LocalAuthority(db.Model):
    __tablename__ = "local_authority"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)

    establishments: Mapped[list["Establishment"]] = relationship(back_populates="authority", lazy="raise_on_sql")

    def __str__(self) -> str:
        return self.name


class Establishment(db.Model):
    __tablename__ = "establishment"

    id: Mapped[int] = mapped_column(primary_key=True)
    seed_code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(160), index=True)
    authority_id: Mapped[int] = mapped_column(ForeignKey("local_authority.id"), index=True)
    sector: Mapped[str] = mapped_column(String(12), index=True)
    roll: Mapped[int | None]

    authority: Mapped[LocalAuthority] = relationship(back_populates="establishments", lazy="joined")

    def __str__(self) -> str:
        return self.name
