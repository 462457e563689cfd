"""Rules for the enquiry plan: sections saved with version checks, autosaved drafts, status, measures."""

import math

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.enquiries.access import can_edit_team
from portal.enquiries.plan_models import (
    MEASURE_KINDS,
    MEASURE_SHOWS,
    MEASURE_UNITS,
    STATUSES,
    Enquiry,
    Measure,
    PlanSection,
    SectionDraft,
)
from portal.enquiries.sections import MAX_TEXT as MAX_SECTION
from portal.enquiries.sections import is_known
from portal.extensions import db


class SectionConflict(ServiceError):
    """Someone saved the section after this person started editing: nothing is overwritten."""

    def __init__(self, theirs: PlanSection):
        super().__init__(
            (
                "text",
                "Someone else saved this section while you were editing. Your text is kept "
                "below theirs: combine the two and save again.",
            )
        )
        self.theirs = theirs


def _check(enquiry: Enquiry, key: str, actor) -> None:
    if not can_edit_team(actor, enquiry.team):
        raise ServiceError((None, "Only the team's members can change its plan."))
    if not is_known(key):
        raise ServiceError((None, "There is no such section."))


def _hold(enquiry: Enquiry) -> None:
    """Saves and autosaves of one enquiry's plan take turns (a row lock on PostgreSQL; SQLite has one writer)."""
    db.session.execute(select(Enquiry.id).where(Enquiry.id == enquiry.id).with_for_update())


def _section(enquiry: Enquiry, key: str) -> PlanSection | None:
    return db.session.scalar(select(PlanSection).where(PlanSection.enquiry_id == enquiry.id, PlanSection.key == key))


def _write_if_unchanged(enquiry: Enquiry, key: str, text: str, base_version: int, actor) -> bool:
    """The version check and the write in one statement (UPDATE ... WHERE version = :seen), or a first INSERT
    guarded by the unique key: of two concurrent saves from the same version, exactly one changes a row."""
    now = utcnow()
    if base_version == 0 and _section(enquiry, key) is None:
        try:
            with db.session.begin_nested():
                db.session.add(
                    PlanSection(
                        enquiry_id=enquiry.id, key=key, text=text, version=1, updated_by_id=actor.id, updated_at=now
                    )
                )
            return True
        except IntegrityError:
            return False  # someone else saved the section first
    result = db.session.execute(
        update(PlanSection)
        .where(PlanSection.enquiry_id == enquiry.id, PlanSection.key == key, PlanSection.version == base_version)
        .values(text=text, version=PlanSection.version + 1, updated_by_id=actor.id, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def save_section(enquiry: Enquiry, key: str, text: str, *, base_version: int, actor) -> PlanSection:
    """Save a section if nobody saved it since `base_version`; otherwise SectionConflict with their text."""
    _check(enquiry, key, actor)
    text = (text or "").replace("\r\n", "\n")
    if len(text) > MAX_SECTION:
        raise ServiceError(("text", f"Keep each section under {MAX_SECTION:,} characters."))
    _hold(enquiry)
    if not _write_if_unchanged(enquiry, key, text, base_version, actor):
        theirs = db.session.execute(
            select(PlanSection)
            .where(PlanSection.enquiry_id == enquiry.id, PlanSection.key == key)
            .execution_options(populate_existing=True)
        ).scalar_one()
        if theirs.text != text:
            raise SectionConflict(theirs)
        # The same text saved twice is agreement, not a conflict: it counts as a save.
        db.session.execute(
            update(PlanSection)
            .where(PlanSection.id == theirs.id, PlanSection.text == text)
            .values(version=PlanSection.version + 1, updated_by_id=actor.id, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
    section = db.session.execute(
        select(PlanSection)
        .where(PlanSection.enquiry_id == enquiry.id, PlanSection.key == key)
        .execution_options(populate_existing=True)
    ).scalar_one()
    enquiry.updated_at = section.updated_at
    db.session.execute(
        delete(SectionDraft).where(
            SectionDraft.enquiry_id == enquiry.id, SectionDraft.key == key, SectionDraft.user_id == actor.id
        )
    )
    db.session.flush()
    return section


def save_draft(enquiry: Enquiry, key: str, text: str, *, base_version: int, actor) -> SectionDraft | None:
    """Keep what someone has typed (autosave) without touching the team's saved text. Text that is already
    the saved text needs no draft: leaving the box by pressing Save sends an autosave too, and it may arrive
    after the save, or be handled alongside it; a draft left behind then would look like a conflict later.
    So the draft is written first and the saved text read after it, inside the same write: whichever of the
    two requests commits last sees the other's work (the save deletes the draft, or the draft sees the save)."""
    _check(enquiry, key, actor)
    text = (text or "").replace("\r\n", "\n")[:MAX_SECTION]
    _hold(enquiry)
    draft = db.session.scalar(
        select(SectionDraft).where(
            SectionDraft.enquiry_id == enquiry.id, SectionDraft.key == key, SectionDraft.user_id == actor.id
        )
    )
    draft = draft or SectionDraft(enquiry_id=enquiry.id, key=key, user_id=actor.id)
    draft.text, draft.base_version, draft.saved_at = text, base_version, utcnow()
    db.session.add(draft)
    db.session.flush()  # holds the write from here on
    section = db.session.execute(
        select(PlanSection)
        .where(PlanSection.enquiry_id == enquiry.id, PlanSection.key == key)
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if section is not None and section.text == text:
        db.session.delete(draft)
        db.session.flush()
        return None
    return draft


# plan_state's two statements, built once. A section shows who saved it by name: the person without their
# establishment and LA (User's own joined loads).
_SECTIONS = (
    select(PlanSection)
    .where(PlanSection.enquiry_id == bindparam("enquiry_id"))
    .options(joinedload(PlanSection.updated_by).lazyload("*"))
)
_DRAFTS = select(SectionDraft).where(
    SectionDraft.enquiry_id == bindparam("enquiry_id"), SectionDraft.user_id == bindparam("user_id")
)


def plan_state(enquiry: Enquiry, user) -> tuple[dict, dict]:
    """Saved sections by key (with who saved them, joined in) and this person's drafts by key: two queries."""
    sections = {s.key: s for s in db.session.scalars(_SECTIONS, {"enquiry_id": enquiry.id})}
    drafts = {d.key: d for d in db.session.scalars(_DRAFTS, {"enquiry_id": enquiry.id, "user_id": user.id})}
    return sections, drafts


def set_status(enquiry: Enquiry, status: str, *, actor) -> None:
    """Move one step along planning -> implementing -> evaluating -> shared (or one step back)."""
    if not can_edit_team(actor, enquiry.team):
        raise ServiceError((None, "Only the team's members can change its status."))
    if status not in STATUSES:
        raise ServiceError(("status", "Choose a status from the list."))
    if abs(STATUSES.index(status) - STATUSES.index(enquiry.status)) > 1:
        raise ServiceError(
            (
                "status",
                f"Move one step at a time: from {enquiry.status} the next step is "
                f"{STATUSES[min(STATUSES.index(enquiry.status) + 1, 3)]}.",
            )
        )
    enquiry.status, enquiry.updated_at = status, utcnow()
    db.session.flush()


def save_measure(
    enquiry: Enquiry,
    measure: Measure | None,
    *,
    actor,
    name: str,
    kind: str,
    shows: str,
    baseline: str = "",
    target: str = "",
    how_collected: str = "",
    when_collected: str = "",
    unit: str = "number",
) -> Measure:
    """Add a measure to the data collection plan (or change one); numbers checked for quantitative ones."""
    if not can_edit_team(actor, enquiry.team):
        raise ServiceError((None, "Only the team's members can change the data collection plan."))
    errors = []
    if not name.strip():
        errors.append(("name", "Name the measure."))
    if kind not in MEASURE_KINDS:
        errors.append(("kind", "Choose the kind of measure."))
    if shows not in MEASURE_SHOWS:
        errors.append(("shows", "Choose what the measure shows."))
    unit = unit or "number"
    if unit not in MEASURE_UNITS:
        errors.append(("unit", "Choose what the measure counts."))
    elif kind == "quantitative":
        for field, value in (("baseline", baseline), ("target", target)):
            try:
                if value.strip():
                    check_value(value, unit, field)
            except ServiceError as error:
                errors += error.errors
    if errors:
        raise ServiceError(*errors)
    measure = measure or Measure(enquiry_id=enquiry.id)
    measure.name, measure.kind, measure.shows, measure.unit = name.strip()[:200], kind, shows, unit
    measure.baseline, measure.target = baseline.strip()[:200], target.strip()[:200]
    measure.how_collected, measure.when_collected = how_collected.strip(), when_collected.strip()[:200]
    db.session.add(measure)
    db.session.flush()
    return measure


LARGEST = 1e12  # no classroom measure comes near; keeps charts and sums readable


def _is_number(text: str) -> bool:
    try:
        number = float(text)
    except (TypeError, ValueError):
        return False
    return math.isfinite(number) and abs(number) <= LARGEST


def check_value(text: str, unit: str, field: str = "value") -> float:
    """`text` as a finite number that fits the measure's unit, or ServiceError naming `field`."""
    if not _is_number(text or ""):
        raise ServiceError((field, "Enter a number, e.g. 12 or 3.5."))
    number = float(text)
    if unit == "percentage" and not 0 <= number <= 100:
        raise ServiceError((field, "A percentage is from 0 to 100."))
    if unit == "count" and (number < 0 or not number.is_integer()):
        raise ServiceError((field, "A count is a whole number, 0 or more."))
    return number
