"""One enquiry per team: plan sections with versions (and per-person drafts), measures, data and evidence."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.core.dates import utcnow
from portal.enquiries.cycle_models import Cycle, Driver  # noqa: F401  (the evidence note refers to a cycle)
from portal.enquiries.models import Team
from portal.extensions import db

STATUSES = ("planning", "implementing", "evaluating", "shared")
MEASURE_KINDS = {"quantitative": "Quantitative", "qualitative": "Qualitative", "observation": "Direct observation"}
MEASURE_SHOWS = {"outcome": "Outcome", "process": "Process", "balancing": "Balancing"}
# What a quantitative measure counts, which bounds its values.
MEASURE_UNITS = {
    "number": "A number",
    "percentage": "A percentage (0 to 100)",
    "count": "A count (a whole number, 0 or more)",
}
NOTE_KINDS = {"qualitative": "Qualitative evidence", "observation": "Direct observation"}


class Enquiry(db.Model):
    __tablename__ = "enquiry"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("enquiry_team.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="planning", index=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    # The team chose to show names and data-point notes to readers outside it (researchers, registrants).
    summary_names: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The aim statement: what, for whom, by how much, by when.
    aim_what: Mapped[str] = mapped_column(String(300), default="", server_default="")
    aim_who: Mapped[str] = mapped_column(String(200), default="", server_default="")
    aim_how_much: Mapped[str] = mapped_column(String(200), default="", server_default="")
    aim_by: Mapped[date | None] = mapped_column(Date)

    team: Mapped[Team] = relationship(lazy="raise_on_sql")

    @property
    def has_aim(self) -> bool:
        return bool(self.aim_what and self.aim_who and self.aim_how_much and self.aim_by)


class PlanSection(db.Model):
    """The saved text of one section; `version` rises with every save so a stale save can be refused."""

    __tablename__ = "enquiry_section"
    __table_args__ = (UniqueConstraint("enquiry_id", "key", name="uq_enquiry_section_enquiry_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiry.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    updated_by: Mapped[User | None] = relationship()  # eager-loaded on the plan page; lazy after a save


class SectionDraft(db.Model):
    """What one person has typed but not yet saved (autosaved), with the version they started from."""

    __tablename__ = "enquiry_section_draft"
    __table_args__ = (UniqueConstraint("enquiry_id", "key", "user_id", name="uq_enquiry_section_draft_key_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiry.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Measure(db.Model):
    """One line of the data collection plan."""

    __tablename__ = "enquiry_measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiry.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    shows: Mapped[str] = mapped_column(String(16))
    baseline: Mapped[str] = mapped_column(String(200), default="")
    target: Mapped[str] = mapped_column(String(200), default="")
    how_collected: Mapped[str] = mapped_column(Text, default="")
    when_collected: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(16), default="number", server_default="number")
    better: Mapped[str] = mapped_column(String(4), default="")  # "up", "down" or "" (runchart.BETTER)
    chart: Mapped[str] = mapped_column(String(4), default="run")  # "run" or "xmr" (runchart.CHART_KINDS)

    @property
    def quantitative(self) -> bool:
        return self.kind == "quantitative"

    @property
    def baseline_value(self) -> float | None:
        return _number(self.baseline)

    @property
    def target_value(self) -> float | None:
        return _number(self.target)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


class DataPoint(db.Model):
    __tablename__ = "enquiry_data_point"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("enquiry_measure.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(String(300), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


class EvidenceNote(db.Model):
    """Qualitative evidence or a direct-observation note, with an optional attachment (portal.core.uploads)."""

    __tablename__ = "enquiry_evidence_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(ForeignKey("enquiry.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    on: Mapped[date] = mapped_column(Date)
    observer: Mapped[str] = mapped_column(String(160))
    text: Mapped[str] = mapped_column(Text)
    file_key: Mapped[str] = mapped_column(String(80), default="")
    filename: Mapped[str] = mapped_column(String(200), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Linked to a measure and a PDSA cycle; an observation has the lesson-study shape: focus, what was seen
    # (`text`), learners' responses, what next.
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("enquiry_measure.id", ondelete="SET NULL"), index=True)
    cycle_id: Mapped[int | None] = mapped_column(ForeignKey("enquiry_cycle.id", ondelete="SET NULL"), index=True)
    focus: Mapped[str] = mapped_column(String(200), default="", server_default="")
    responses: Mapped[str] = mapped_column(Text, default="", server_default="")
    next_steps: Mapped[str] = mapped_column(Text, default="", server_default="")


class MeasurePhase(db.Model):
    """Where a new phase of a measure's chart starts (after a change): its own median, re-baselined."""

    __tablename__ = "enquiry_measure_phase"
    __table_args__ = (UniqueConstraint("measure_id", "starts_on", name="uq_enquiry_measure_phase_measure_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("enquiry_measure.id", ondelete="CASCADE"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(80))
