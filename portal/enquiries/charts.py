"""Rules for a measure's chart settings: direction, kind of chart, phase starts (re-baselining)."""

from datetime import date

from portal.core.forms import ServiceError
from portal.enquiries.access import can_edit_team
from portal.enquiries.evidence import check_date
from portal.enquiries.plan_models import Enquiry, Measure, MeasurePhase
from portal.enquiries.runchart import BETTER, CHART_KINDS
from portal.extensions import db


def _check(enquiry: Enquiry, measure: Measure, actor) -> None:
    if not can_edit_team(actor, enquiry.team):
        raise ServiceError((None, "Only the team's members can change its charts."))
    if not measure.quantitative:
        raise ServiceError((None, "Only quantitative measures have a chart."))


def set_chart(enquiry: Enquiry, measure: Measure, *, actor, better: str, chart: str) -> None:
    """Say which direction is better and whether to draw a run chart or an XmR chart."""
    _check(enquiry, measure, actor)
    errors = []
    if better not in BETTER:
        errors.append(("better", "Choose which direction is better."))
    if chart not in CHART_KINDS:
        errors.append(("chart", "Choose the kind of chart."))
    if errors:
        raise ServiceError(*errors)
    measure.better, measure.chart = better, chart
    db.session.flush()


def add_phase(enquiry: Enquiry, measure: Measure, *, actor, starts_on: date | None, label: str) -> MeasurePhase:
    """Start a new phase on a date (after a change): the points from then on get their own median."""
    _check(enquiry, measure, actor)
    errors = []
    try:
        starts_on = check_date(starts_on, "starts_on")
    except ServiceError as error:
        errors += error.errors
    if not (label or "").strip():
        errors.append(("label", "Say what changed, e.g. New timetable."))
    if not errors and db.session.query(MeasurePhase).filter_by(measure_id=measure.id, starts_on=starts_on).count():
        errors.append(("starts_on", "A phase already starts on that date."))
    if errors:
        raise ServiceError(*errors)
    phase = MeasurePhase(measure_id=measure.id, starts_on=starts_on, label=label.strip()[:80])
    db.session.add(phase)
    db.session.flush()
    return phase


def remove_phase(enquiry: Enquiry, measure: Measure, phase: MeasurePhase, *, actor) -> MeasurePhase:
    """Remove a phase start: its points join the phase before."""
    _check(enquiry, measure, actor)
    db.session.delete(phase)
    db.session.flush()
    return phase
