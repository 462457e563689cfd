"""Correcting enquiry evidence: edit or delete data points, notes and measures, keeping who, when, the old values."""

from datetime import date
from functools import cache

from sqlalchemy import Integer, bindparam, delete, select, update

from portal.audit.services import record as audit
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.enquiries.access import can_edit_team
from portal.enquiries.cycle_models import Correction, Cycle
from portal.enquiries.evidence import checked_point
from portal.enquiries.plan_models import DataPoint, Enquiry, EvidenceNote, Measure, MeasurePhase
from portal.extensions import db


def _allowed(enquiry: Enquiry, actor) -> None:
    if not can_edit_team(actor, enquiry.team):
        raise ServiceError((None, "Only the team's members can correct its evidence."))


def keep_correction(
    enquiry, actor, subject: str, subject_id: int, action: str, old: dict, measure_id=None
) -> Correction:
    """Write the history row (shown to the team) and the audit entry (kept for the lead officer)."""
    lines = "\n".join(f"{k}: {v}" for k, v in old.items())
    row = Correction(
        enquiry_id=enquiry.id,
        measure_id=measure_id,
        subject=subject,
        subject_id=subject_id,
        action=action,
        old=lines,
        by_id=actor.id,
        at=utcnow(),
    )
    db.session.add(row)
    name = subject.replace(" ", "_")
    audit(actor, f"evidence.{name}_{action}", (f"enquiry_{name}", subject_id), before=old)
    enquiry.updated_at = utcnow()
    return row


def _point_values(point: DataPoint) -> dict:
    return {"date": f"{point.on:%d %b %Y}", "value": f"{point.value:g}", "note": point.note}


def edit_data_point(
    enquiry: Enquiry, measure: Measure, point: DataPoint, *, actor, on: date | None, value: str, note: str = ""
) -> DataPoint:
    """Correct a data point; the value is checked as when it was added (finite, fits the measure's unit)."""
    _allowed(enquiry, actor)
    on, number = checked_point(on, value, measure)
    note = (note or "").strip()[:300]
    if (point.on, point.value, point.note) == (on, number, note):
        return point  # nothing changed: no history to keep
    keep_correction(enquiry, actor, "data point", point.id, "edited", _point_values(point), measure.id)
    point.on, point.value, point.note = on, number, note
    db.session.flush()
    return point


def delete_data_point(enquiry: Enquiry, measure: Measure, point: DataPoint, *, actor) -> None:
    _allowed(enquiry, actor)
    keep_correction(enquiry, actor, "data point", point.id, "deleted", _point_values(point), measure.id)
    db.session.delete(point)
    db.session.flush()


NOTE_FIELDS = ("kind", "on", "observer", "focus", "text", "responses", "next_steps", "measure_id", "cycle_id")


def _note_values(note: EvidenceNote) -> dict:
    return {f: (f"{note.on:%d %b %Y}" if f == "on" else getattr(note, f)) for f in NOTE_FIELDS if getattr(note, f)}


def edit_note(enquiry: Enquiry, note: EvidenceNote, *, actor, **fields) -> EvidenceNote:
    """Correct a note (the same checks as recording one); the old text is kept in the history."""
    from portal.enquiries.evidence import checked_note_fields

    _allowed(enquiry, actor)
    new = checked_note_fields(enquiry, **fields)
    if all(getattr(note, k) == v for k, v in new.items()):
        return note
    keep_correction(enquiry, actor, "note", note.id, "edited", _note_values(note), note.measure_id)
    for k, v in new.items():
        setattr(note, k, v)
    db.session.flush()
    return note


def delete_note(enquiry: Enquiry, note: EvidenceNote, *, actor) -> None:
    """Delete a note (its attachment is no longer offered); its words stay in the team's history."""
    _allowed(enquiry, actor)
    keep_correction(enquiry, actor, "note", note.id, "deleted", _note_values(note), note.measure_id)
    db.session.delete(note)
    db.session.flush()


MEASURE_FIELDS = ("name", "kind", "shows", "unit", "baseline", "target", "how_collected", "when_collected")


def measure_values(measure: Measure) -> dict:
    return {f: getattr(measure, f) for f in MEASURE_FIELDS if getattr(measure, f)}


def keep_measure_edit(enquiry: Enquiry, measure: Measure, old: dict, *, actor) -> None:
    """After plans.save_measure changed a measure: keep the old values if anything changed."""
    if old != measure_values(measure):
        keep_correction(enquiry, actor, "measure", measure.id, "edited", old, measure.id)
        db.session.flush()


def delete_measure(enquiry: Enquiry, measure: Measure, *, actor) -> int:
    """Delete a measure with its data points (kept, with their values, in the history); returns how many points."""
    _allowed(enquiry, actor)
    points = list(db.session.scalars(select(DataPoint).where(DataPoint.measure_id == measure.id)))
    old = measure_values(measure)
    if points:
        old["data"] = "; ".join(f"{p.on:%d %b %Y} = {p.value:g}" for p in points)
    keep_correction(enquiry, actor, "measure", measure.id, "deleted", old, measure.id)
    # Said in full rather than left to ON DELETE rules, so both databases behave alike.
    db.session.execute(delete(DataPoint).where(DataPoint.measure_id == measure.id))
    db.session.execute(delete(MeasurePhase).where(MeasurePhase.measure_id == measure.id))
    for model in (Cycle, EvidenceNote):  # cycles and notes stay, no longer linked to it
        db.session.execute(update(model).where(model.measure_id == measure.id).values(measure_id=None))
    db.session.delete(measure)
    db.session.flush()
    return len(points)


def history(enquiry_id: int, measure_id: int | None = None, limit: int = 50) -> list[Correction]:
    """The latest corrections (of one measure, or of the whole enquiry), newest first, with who made them."""
    params = {"enquiry_id": enquiry_id, "measure_id": measure_id, "limit": limit}
    return list(db.session.scalars(_history_query(measure_id is not None), params))


@cache
def _history_query(of_measure: bool):
    """history's statement, built once per process (the whole enquiry's, or one measure's)."""
    stmt = select(Correction).where(Correction.enquiry_id == bindparam("enquiry_id"))
    if of_measure:
        stmt = stmt.where(Correction.measure_id == bindparam("measure_id"))
    return stmt.order_by(Correction.at.desc(), Correction.id.desc()).limit(bindparam("limit", type_=Integer))
