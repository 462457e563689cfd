"""Rules for the improvement record: the aim statement, the driver diagram and plan-do-study-act cycles."""

from datetime import date

from sqlalchemy import bindparam, select, update

from portal.audit.services import record as audit
from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.enquiries.access import can_edit_team
from portal.enquiries.corrections import keep_correction
from portal.enquiries.cycle_models import DECISIONS, DRIVER_KINDS, DRIVER_PARENT, Cycle, Driver
from portal.enquiries.evidence import check_date
from portal.enquiries.plan_models import Enquiry, EvidenceNote, Measure
from portal.extensions import db

MAX_DRIVERS = 40  # a simple diagram: beyond this it is no longer read at a glance


def _allowed(enquiry: Enquiry, actor) -> None:
    if not can_edit_team(actor, enquiry.team):
        raise ServiceError((None, "Only the team's members can change its enquiry."))


def save_aim(enquiry: Enquiry, *, actor, what: str, who: str, how_much: str, by: date | None) -> Enquiry:
    """The aim statement: what will improve, for whom, by how much, by when (all four, or none yet)."""
    _allowed(enquiry, actor)
    parts = {"what": (what or "").strip(), "who": (who or "").strip(), "how_much": (how_much or "").strip()}
    errors = []
    if any(parts.values()) or by:
        for key, message in (
            ("what", "Say what will improve."),
            ("who", "Say for whom."),
            ("how_much", "Say by how much, e.g. from 20 to 60 minutes a week."),
        ):
            if not parts[key]:
                errors.append((key, message))
        if by is None:
            errors.append(("by", "Say by when, e.g. 27 06 2025."))
        elif by < date(2015, 8, 1):
            errors.append(("by", "Enter a date after August 2015."))
    if errors:
        raise ServiceError(*errors)
    enquiry.aim_what, enquiry.aim_who, enquiry.aim_how_much = (
        parts["what"][:300],
        parts["who"][:200],
        parts["how_much"][:200],
    )
    enquiry.aim_by, enquiry.updated_at = by, utcnow()
    db.session.flush()
    return enquiry


_DRIVERS = select(Driver).where(Driver.enquiry_id == bindparam("enquiry_id")).order_by(Driver.id)
_CYCLES = select(Cycle).where(Cycle.enquiry_id == bindparam("enquiry_id")).order_by(Cycle.starts_on, Cycle.id)


def drivers(enquiry_id: int) -> list[Driver]:
    return list(db.session.scalars(_DRIVERS, {"enquiry_id": enquiry_id}))


def add_driver(enquiry: Enquiry, *, actor, kind: str, text: str, parent_id: int | None = None) -> Driver:
    """Add a primary driver, a secondary driver under a primary one, or a change idea under a secondary one."""
    _allowed(enquiry, actor)
    errors = []
    if kind not in DRIVER_KINDS:
        errors.append(("kind", "Choose a primary driver, a secondary driver or a change idea."))
    if not (text or "").strip():
        errors.append(("text", "Write the driver or change idea."))
    if kind in DRIVER_KINDS and DRIVER_PARENT[kind]:
        parent = db.session.get(Driver, parent_id) if parent_id else None
        if parent is None or parent.enquiry_id != enquiry.id or parent.kind != DRIVER_PARENT[kind]:
            errors.append(("parent_id", f"Choose the {DRIVER_KINDS[DRIVER_PARENT[kind]].lower()} it belongs to."))
    else:
        parent_id = None
    if not errors and db.session.query(Driver).filter_by(enquiry_id=enquiry.id).count() >= MAX_DRIVERS:
        errors.append(("text", f"A driver diagram here holds up to {MAX_DRIVERS} boxes."))
    if errors:
        raise ServiceError(*errors)
    driver = Driver(enquiry_id=enquiry.id, kind=kind, parent_id=parent_id, text=text.strip()[:200])
    db.session.add(driver)
    db.session.flush()
    return driver


def remove_driver(enquiry: Enquiry, driver: Driver, *, actor) -> None:
    """Remove a box and everything under it."""
    _allowed(enquiry, actor)
    children = [d for d in drivers(enquiry.id) if d.parent_id == driver.id]
    for child in children:
        remove_driver(enquiry, child, actor=actor)
    db.session.delete(driver)
    db.session.flush()


def save_cycle(
    enquiry: Enquiry,
    cycle: Cycle | None,
    *,
    actor,
    title: str,
    measure_id: int | None,
    starts_on: date | None,
    ends_on: date | None,
    prediction: str,
    done: str = "",
    showed: str = "",
    decision: str = "",
) -> Cycle:
    """Plan a cycle (title, dates, measure, prediction) or record how it went (done, showed, the decision)."""
    _allowed(enquiry, actor)
    errors = []
    if not (title or "").strip():
        errors.append(("title", "Name the change you are testing, e.g. Outdoor maths on Fridays."))
    try:
        starts_on = check_date(starts_on, "starts_on")
    except ServiceError as error:
        errors += error.errors
    if ends_on is not None and starts_on and ends_on < starts_on:
        errors.append(("ends_on", "The cycle ends on or after the day it starts."))
    if measure_id and db.session.scalar(select(Measure.enquiry_id).where(Measure.id == measure_id)) != enquiry.id:
        errors.append(("measure_id", "Choose one of the enquiry's measures."))
    if not (prediction or "").strip():
        errors.append(("prediction", "Say what you predict will happen."))
    if decision and decision not in DECISIONS:
        errors.append(("decision", "Choose adopt, adapt or abandon."))
    if decision and not (showed or "").strip():
        errors.append(("showed", "Say what the data showed against the prediction before deciding."))
    if errors:
        raise ServiceError(*errors)
    new = {
        "title": title.strip()[:120],
        "measure_id": measure_id or None,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "prediction": prediction.strip(),
        "done": (done or "").strip(),
        "showed": (showed or "").strip(),
        "decision": decision or "",
    }
    if cycle is None:
        cycle = Cycle(enquiry_id=enquiry.id, created_by_id=actor.id, **new)
        db.session.add(cycle)
        db.session.flush()
        audit(actor, "enquiry.cycle_added", cycle, after={"enquiry": enquiry.id})
    elif any(getattr(cycle, k) != v for k, v in new.items()):
        old = {k: getattr(cycle, k) for k in new if getattr(cycle, k)}
        keep_correction(enquiry, actor, "cycle", cycle.id, "edited", old, cycle.measure_id)
        for k, v in new.items():
            setattr(cycle, k, v)
    enquiry.updated_at = utcnow()
    db.session.flush()
    return cycle


def delete_cycle(enquiry: Enquiry, cycle: Cycle, *, actor) -> None:
    _allowed(enquiry, actor)
    old = {k: getattr(cycle, k) for k in ("title", "starts_on", "ends_on", "prediction", "showed", "decision")}
    keep_correction(enquiry, actor, "cycle", cycle.id, "deleted", {k: v for k, v in old.items() if v}, cycle.measure_id)
    db.session.execute(update(EvidenceNote).where(EvidenceNote.cycle_id == cycle.id).values(cycle_id=None))
    db.session.delete(cycle)
    db.session.flush()


def cycles_of(enquiry_id: int) -> list[Cycle]:
    """The enquiry's cycles in date order: one query."""
    return list(db.session.scalars(_CYCLES, {"enquiry_id": enquiry_id}))
