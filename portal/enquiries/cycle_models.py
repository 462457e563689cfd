"""An enquiry's improvement record: drivers (a simple driver diagram), PDSA cycles and the history of corrections."""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.extensions import db

DRIVER_KINDS = {"primary": "Primary driver", "secondary": "Secondary driver", "change": "Change idea"}
DRIVER_PARENT = {"primary": None, "secondary": "primary", "change": "secondary"}  # what each kind hangs from
DECISIONS = {"adopt": "Adopt", "adapt": "Adapt", "abandon": "Abandon"}


class Driver(db.Model):
    """One box of the driver diagram: a primary driver, a secondary driver under it, or a change idea under that."""

    __tablename__ = "enquiry_driver"

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiry.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("enquiry_driver.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(200))


class Cycle(db.Model):
    """A plan-do-study-act cycle: the prediction, what was done, what the data showed, the decision. It covers
    the linked measure's points dated from `starts_on` to `ends_on` and is drawn on that measure's chart."""

    __tablename__ = "enquiry_cycle"

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiry.id", ondelete="CASCADE"), index=True)
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("enquiry_measure.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    prediction: Mapped[str] = mapped_column(Text, default="")
    done: Mapped[str] = mapped_column(Text, default="")
    showed: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(String(8), default="")  # DECISIONS, or "" while the cycle runs
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    def covers(self, on: date) -> bool:
        return self.starts_on <= on and (self.ends_on is None or on <= self.ends_on)


class Correction(db.Model):
    """One correction of the enquiry's evidence: who changed or deleted what, when, and the old values.
    `measure_id` is a plain number (no foreign key) so a deleted measure's history stays readable."""

    __tablename__ = "enquiry_correction"

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiry.id", ondelete="CASCADE"), index=True)
    measure_id: Mapped[int | None] = mapped_column(Integer, index=True)
    subject: Mapped[str] = mapped_column(String(16))  # "data point", "note", "measure", "cycle"
    subject_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(8))  # "edited" or "deleted"
    old: Mapped[str] = mapped_column(Text, default="")  # the old values, as "field: value" lines
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    by: Mapped[User | None] = relationship(lazy="joined")  # the history shows who; one query with it
