"""Loaders shared by the enquiries view modules (view modules never import each other)."""

from flask import abort
from flask_login import current_user
from sqlalchemy import bindparam, select

from portal.core.access import get_or_404
from portal.core.rendering import render
from portal.enquiries import corrections, queries, runchart
from portal.enquiries.access import can_edit_team, can_view_team
from portal.enquiries.chart_forms import ChartSettingsForm, PhaseForm
from portal.enquiries.cycles import cycles_of
from portal.enquiries.forms import DataPointForm
from portal.enquiries.plan_models import Measure, MeasurePhase
from portal.extensions import db


def load_team(team_id: int, *, edit: bool = False, people: bool = True):
    """The team and its enquiry, or 404/403: members, link officers, facilitators and the admin only. Pages that
    show none of the team's people pass `people=False`: its members and facilitators come without them."""
    team, enquiry = queries.team_page(team_id, people=people)
    if team is None:
        abort(404)
    if not can_view_team(current_user, team) or (edit and not can_edit_team(current_user, team)):
        abort(403)
    return team, enquiry


def load_measure(enquiry, measure_id: int) -> Measure:
    """One of the enquiry's measures, or 404."""
    measure = get_or_404(Measure, measure_id)
    if measure.enquiry_id != enquiry.id:
        abort(404)
    return measure


_PHASES = (
    select(MeasurePhase)
    .where(MeasurePhase.measure_id.in_(bindparam("measure_ids", expanding=True)))
    .order_by(MeasurePhase.starts_on)
)


def phases_of(measure_ids: list[int]) -> dict[int, list[MeasurePhase]]:
    """Phase starts per measure, in date order: one query."""
    out: dict[int, list] = {m: [] for m in measure_ids}
    if measure_ids:
        for p in db.session.scalars(_PHASES, {"measure_ids": list(measure_ids)}):
            out[p.measure_id].append(p)
    return out


def chart(measure, points, phases=(), *, with_notes: bool = True, cycles=()) -> dict:
    """Everything a chart shows (pure runchart functions): phases, verdict, limits, reading and SVG geometry.
    Without `with_notes` the data points' notes stay off the chart (a summary read outside the team)."""
    dates, values = [p.on for p in points], [p.value for p in points]
    analysis = runchart.analyse(
        dates,
        values,
        starts=[(p.starts_on, p.label) for p in phases],
        better=measure.better or "",
        kind=measure.chart or "run",
    )
    notes = [(i, p.note) for i, p in enumerate(points) if p.note] if with_notes else []
    cycles = [c for c in cycles if c.measure_id == measure.id]
    return {
        "cycles": cycles,
        "verdict": runchart.judge(values),
        "analysis": analysis,
        "phases": list(phases),
        "geometry": runchart.geometry(
            values,
            dates=dates,
            baseline=measure.baseline_value,
            target=measure.target_value,
            analysis=analysis,
            notes=notes,
            spans=[(c.starts_on, c.ends_on, c.title) for c in cycles],
        ),
    }


def charted_measures(enquiry_id: int, *, with_notes: bool = True, cycles: list | None = None) -> list[tuple]:
    """Every measure with its points and (when quantitative) its chart: three queries (two when the caller has
    read the enquiry's cycles already)."""
    measures = queries.measures_with_points(enquiry_id)
    phases = phases_of([m.id for m, _ in measures])
    cycles = cycles_of(enquiry_id) if cycles is None else cycles
    return [
        (m, pts, chart(m, pts, phases[m.id], with_notes=with_notes, cycles=cycles) if m.quantitative else None)
        for m, pts in measures
    ]


def measure_page(team, enquiry, measure, form, status=200, **forms):
    """The measure page (or its data fragment): chart, data, and the forms a member uses on it."""
    points = next(pts for m, pts in queries.measures_with_points(enquiry.id) if m.id == measure.id)
    cycles = [c for c in cycles_of(enquiry.id) if c.measure_id == measure.id]
    forms.setdefault("settings_form", ChartSettingsForm(formdata=None, obj=measure))
    forms.setdefault("phase_form", PhaseForm(formdata=None))
    return render(
        "enquiries/measure.html",
        fragment="enquiries/_measure_data.html",
        target="measure-data",
        team=team,
        measure=measure,
        points=points,
        chart=chart(measure, points, phases_of([measure.id])[measure.id], cycles=cycles),
        cycles=cycles,
        correct=True,  # the points table offers edit and delete here
        history=corrections.history(enquiry.id, measure.id),
        form=form or DataPointForm(formdata=None),
        can_edit=can_edit_team(current_user, team),
        status=status,
        **forms,
    )
