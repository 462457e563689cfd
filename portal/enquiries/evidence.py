"""Rules for impact evidence: data points, qualitative and observation notes with attachments, publishing."""

from datetime import date, timedelta

from sqlalchemy import select

from portal.audit.services import record as audit
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.uploads import store_upload
from portal.enquiries.access import can_edit_team
from portal.enquiries.cycle_models import Cycle
from portal.enquiries.plan_models import NOTE_KINDS, DataPoint, Enquiry, EvidenceNote, Measure
from portal.enquiries.plans import check_value
from portal.extensions import db

EARLIEST = date(2015, 8, 1)


def check_date(value: date | None, field: str = "on") -> date:
    """Evidence is dated between August 2015 and today (a week's grace for time zones and typing ahead)."""
    if value is None:
        raise ServiceError((field, "Enter the date, e.g. 14 03 2021."))
    if value < EARLIEST or value > date.today() + timedelta(days=7):
        raise ServiceError((field, f"Enter a date between {EARLIEST:%d %B %Y} and today."))
    return value


def checked_point(on: date | None, value: str, measure: Measure) -> tuple[date, float]:
    """A data point's date and number as added or corrected: a real date, and a finite number that fits the
    measure's unit; every problem at once."""
    errors = []
    try:
        on = check_date(on)
    except ServiceError as error:
        errors += error.errors
    try:
        number = check_value(value, measure.unit)
    except ServiceError as error:
        errors += error.errors
    if errors:
        raise ServiceError(*errors)
    return on, number


def add_data_point(
    enquiry: Enquiry, measure: Measure, *, actor, on: date | None, value: str, note: str = ""
) -> DataPoint:
    """Record one value of a quantitative measure; the value must be a number."""
    if not can_edit_team(actor, enquiry.team):
        raise ServiceError((None, "Only the team's members can add evidence."))
    if not measure.quantitative:
        raise ServiceError((None, "Data points belong to quantitative measures; add a note for this one."))
    on, number = checked_point(on, value, measure)
    point = DataPoint(
        measure_id=measure.id, on=on, value=number, note=(note or "").strip()[:300], recorded_by_id=actor.id
    )
    db.session.add(point)
    enquiry.updated_at = utcnow()
    db.session.flush()
    audit(actor, "evidence.data_point_added", point, after={"measure": measure.id, "on": on, "value": point.value})
    return point


def checked_note_fields(
    enquiry: Enquiry,
    *,
    kind: str,
    on: date | None,
    observer: str,
    text: str,
    focus: str = "",
    responses: str = "",
    next_steps: str = "",
    measure_id: int | None = None,
    cycle_id: int | None = None,
) -> dict:
    """A note's fields, checked: kind, date, who observed, what was seen; a measure and a cycle of this enquiry."""
    errors = []
    if kind not in NOTE_KINDS:
        errors.append(("kind", "Choose the kind of evidence."))
    try:
        on = check_date(on)
    except ServiceError as error:
        errors += error.errors
    if not (observer or "").strip():
        errors.append(("observer", "Say who observed or collected it."))
    if not (text or "").strip():
        errors.append(("text", "Describe what was seen or said."))
    if measure_id and db.session.scalar(select(Measure.enquiry_id).where(Measure.id == measure_id)) != enquiry.id:
        errors.append(("measure_id", "Choose one of the enquiry's measures."))
    if cycle_id and db.session.scalar(select(Cycle.enquiry_id).where(Cycle.id == cycle_id)) != enquiry.id:
        errors.append(("cycle_id", "Choose one of the enquiry's cycles."))
    if errors:
        raise ServiceError(*errors)
    observation = kind == "observation"  # the lesson-study record: focus, seen, responses, what next
    return {
        "kind": kind,
        "on": on,
        "observer": observer.strip()[:160],
        "text": text.strip(),
        "focus": (focus or "").strip()[:200] if observation else "",
        "responses": (responses or "").strip() if observation else "",
        "next_steps": (next_steps or "").strip() if observation else "",
        "measure_id": measure_id or None,
        "cycle_id": cycle_id or None,
    }


def add_note(enquiry: Enquiry, *, actor, upload=None, **fields) -> EvidenceNote:
    """A qualitative or direct-observation note linked (optionally) to a measure and a cycle; an optional file."""
    if not can_edit_team(actor, enquiry.team):
        raise ServiceError((None, "Only the team's members can add evidence."))
    note = EvidenceNote(enquiry_id=enquiry.id, created_by_id=actor.id, **checked_note_fields(enquiry, **fields))
    if upload is not None and upload.filename:
        stored = store_upload(upload, field="file")
        note.file_key, note.filename = stored.key, stored.filename
    db.session.add(note)
    enquiry.updated_at = utcnow()
    db.session.flush()
    audit(actor, "evidence.note_added", note, after={"enquiry": enquiry.id, "kind": note.kind})
    return note


def publish_summary(enquiry: Enquiry, *, actor, include_names: bool = False) -> None:
    """Publish the team's one-page sharing summary (finished or not); the enquiry moves to 'shared'. Readers
    outside the team see observers' names and data-point notes only if the team chooses `include_names`."""
    if not can_edit_team(actor, enquiry.team):
        raise ServiceError((None, "Only the team's members can publish its summary."))
    enquiry.summary_names = include_names
    enquiry.published_at = utcnow()
    enquiry.status = "shared"
    audit(actor, "summary.published", enquiry, after={"names_shown": enquiry.summary_names})
    db.session.flush()


def withdraw_summary(enquiry: Enquiry, *, actor) -> None:
    if not can_edit_team(actor, enquiry.team):
        raise ServiceError((None, "Only the team's members can withdraw its summary."))
    enquiry.published_at = None
    audit(actor, "summary.withdrawn", enquiry)
    db.session.flush()
