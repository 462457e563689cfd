"""The enquiry plan: sections edited together (version checks, autosaved drafts), status, measures."""

from dataclasses import dataclass
from datetime import datetime

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.access import get_or_404
from portal.core.forms import ServiceError, attempt, run_action, run_form
from portal.core.rendering import is_htmx, render
from portal.enquiries import bp, corrections, cycles, links, plans, queries, steps
from portal.enquiries.access import can_edit_team
from portal.enquiries.drivers import diagram
from portal.enquiries.forms import MeasureForm, SectionForm, StatusForm
from portal.enquiries.loading import load_team
from portal.enquiries.plan_models import STATUSES, Measure, PlanSection
from portal.enquiries.sections import ALL_SECTIONS, MAX_TEXT, PLAN_SECTIONS, REFLECTION_SECTIONS, Section, is_known
from portal.extensions import db


@dataclass
class SectionView:
    """What one section's editor shows: the text in the box, the version it is based on, any conflict."""

    spec: Section
    saved: PlanSection | None
    text: str
    version: int
    theirs: PlanSection | None = None
    draft_at: datetime | None = None
    message: str = ""
    error: str = ""


def section_view(spec, saved, draft=None) -> SectionView:
    view = SectionView(spec, saved, saved.text if saved else "", saved.version if saved else 0)
    if draft is not None and draft.text != view.text:
        view.text, view.version, view.draft_at = draft.text, draft.base_version, draft.saved_at
        if saved and draft.base_version != saved.version:
            view.theirs, view.version = saved, saved.version  # restored draft is older than the saved text
    return view


def _spec(key: str, team) -> Section:
    if not is_known(key):
        abort(404)
    if key in ALL_SECTIONS:
        return ALL_SECTIONS[key]
    found = [q for q in links.challenge_questions(team.theme_id) if q.key == key] if team.theme_id else []
    return found[0] if found else abort(404)


def _plan_page(team, enquiry, override: SectionView | None = None, status=200):
    """The guided enquiry: six steps, each with its state; one open (the one asked for, the one needing
    attention, or the next suggested); each step holds its plan sections (saved as before) and records."""
    sections, drafts = plans.plan_state(enquiry, current_user)

    def views(specs):
        out = [section_view(s, sections.get(s.key), drafts.get(s.key)) for s in specs]
        return [override if override and v.spec.key == override.spec.key else v for v in out]

    challenge = views(links.challenge_questions(team.theme_id)) if team.theme_id else []
    measures = queries.measures_with_points(enquiry.id)
    cycle_list = cycles.cycles_of(enquiry.id)
    boxes = cycles.drivers(enquiry.id)
    have = {k for k, s in sections.items() if s.text.strip()}
    have |= {"aim"} if enquiry.has_aim else set()
    have |= {"drivers"} if boxes else set()
    have |= {"measure"} if measures else set()
    have |= {"cycle"} if cycle_list else set()
    have |= {"cycle decided"} if any(c.decision for c in cycle_list) else set()
    have |= {"challenge answered"} if any(v.text for v in challenge) else set()
    step_states = steps.states(have)
    by_key = {s.key: s for s in PLAN_SECTIONS + REFLECTION_SECTIONS}
    step_sections = {st.step.key: views([by_key[k] for k in st.step.sections]) for st in step_states}
    next_step = steps.suggested(step_states)
    asked = request.args.get("step", "")
    open_step = (
        next((k for k, vs in step_sections.items() if override and any(v is override for v in vs)), None)
        or ("challenge" if override and any(v is override for v in challenge) else None)
        or (asked if asked in step_sections else None)
        or (next_step.step.key if next_step else None)  # all done: the titles alone, none open
    )
    return render(
        "enquiries/plan.html",
        team=team,
        enquiry=enquiry,
        steps=step_states,
        step_sections=step_sections,
        next_step=next_step,
        open_step=open_step,
        challenge_sections=challenge,
        measures=measures,
        cycles=cycle_list,
        diagram=diagram(boxes, enquiry.aim_what) if boxes else None,
        can_edit=can_edit_team(current_user, team),
        statuses=STATUSES,
        status=status,
        max_text=MAX_TEXT,
    )


@bp.get("/teams/<int:team_id>/plan")
@login_required
def show_plan(team_id):
    return _plan_page(*load_team(team_id, people=False))


@bp.post("/teams/<int:team_id>/plan/<key>")
@login_required
def save_section(team_id, key):
    team, enquiry = load_team(team_id, edit=True)
    spec = _spec(key, team)
    form = SectionForm()
    text = form.text.data or ""
    if not form.validate_on_submit():  # too long, or a version that is not a number: say so, keep the text
        return _section_or_page(
            team,
            enquiry,
            SectionView(spec, None, text, form.version.data or 0, error=f"Not saved. {_refusal(form, text)}"),
            422,
        )
    try:
        saved = plans.save_section(enquiry, key, text, base_version=form.version.data or 0, actor=current_user)
    except plans.SectionConflict as conflict:
        db.session.rollback()
        view = SectionView(
            spec, conflict.theirs, text, conflict.theirs.version, theirs=conflict.theirs, error=str(conflict)
        )
        return _section_or_page(team, enquiry, view, 422)
    except ServiceError as error:
        db.session.rollback()
        return _section_or_page(
            team, enquiry, SectionView(spec, None, text, form.version.data or 0, error=str(error)), 422
        )
    db.session.commit()
    view = section_view(spec, saved)
    view.message = "Saved."
    if is_htmx():
        return _section_or_page(team, enquiry, view, 200)
    flash(f"'{spec.title}' is saved.", "success")
    return redirect(url_for("enquiries.show_plan", team_id=team.id, _anchor=f"section-{key}"), code=303)


def _section_or_page(team, enquiry, view, status):
    """The section alone for htmx; the whole plan (with this section as it stands) otherwise."""
    from portal.core.rendering import wants_fragment

    if wants_fragment(f"section-{view.spec.key}"):
        return render("enquiries/_section.html", view=view, team=team, can_edit=True, status=status, max_text=MAX_TEXT)
    return _plan_page(team, enquiry, override=view, status=status)


def _refusal(form, text: str) -> str:
    if len(text) > MAX_TEXT:
        return f"This text has {len(text):,} characters; a section holds up to {MAX_TEXT:,}: shorten it."
    return "This page was out of date: save your text again."


@bp.post("/teams/<int:team_id>/plan/<key>/draft")
@login_required
def autosave_section(team_id, key):
    team, enquiry = load_team(team_id, edit=True)
    _spec(key, team)
    form = SectionForm()
    if not form.validate_on_submit():
        return render(
            "enquiries/_draft_status.html", draft_key=key, error=_refusal(form, form.text.data or ""), status=422
        )
    drafted = attempt(
        lambda: plans.save_draft(
            enquiry, key, form.text.data or "", base_version=form.version.data or 0, actor=current_user
        )
    )
    if not drafted:
        return render("enquiries/_draft_status.html", draft_key=key, error=drafted.error, status=422)
    draft = drafted.value
    if not is_htmx():
        flash("Your draft is kept. Save it to share it with your team.", "info")
        return redirect(url_for("enquiries.show_plan", team_id=team.id, _anchor=f"section-{key}"), code=303)
    return render(
        "enquiries/_draft_status.html",
        draft_key=key,
        saved_at=draft.saved_at if draft else None,
        unchanged=draft is None,
    )


@bp.post("/teams/<int:team_id>/status")
@login_required
def set_status(team_id):
    team, enquiry = load_team(team_id, edit=True)
    form = StatusForm()
    form.validate_on_submit() or abort(400)
    run_action(
        lambda: plans.set_status(enquiry, form.status.data, actor=current_user),
        done=lambda _: f"The enquiry is now at the {enquiry.status} stage.",
    )
    return redirect(url_for("enquiries.show_plan", team_id=team.id), code=303)


@bp.route("/teams/<int:team_id>/measures/new", methods=["GET", "POST"])
@login_required
def new_measure(team_id):
    return _measure_form(*load_team(team_id, edit=True), None)


@bp.route("/teams/<int:team_id>/measures/<int:measure_id>/edit", methods=["GET", "POST"])
@login_required
def edit_measure(team_id, measure_id):
    team, enquiry = load_team(team_id, edit=True)
    measure = get_or_404(Measure, measure_id)
    if measure.enquiry_id != enquiry.id:
        abort(404)
    return _measure_form(team, enquiry, measure)


def _measure_form(team, enquiry, measure):
    form = MeasureForm(obj=measure)

    def save():
        old = corrections.measure_values(measure) if measure else None
        saved = plans.save_measure(
            enquiry,
            measure,
            actor=current_user,
            **{
                f: getattr(form, f).data or ""
                for f in ("name", "kind", "shows", "baseline", "target", "how_collected", "when_collected", "unit")
            },
        )
        if old is not None:
            corrections.keep_measure_edit(enquiry, saved, old, actor=current_user)

    if run_form(form, save, flash_message="The data collection plan is saved."):
        return redirect(url_for("enquiries.show_plan", team_id=team.id, step="measures", _anchor="measures"), code=303)
    return render(
        "enquiries/measure_form.html", form=form, team=team, measure=measure, status=422 if form.is_submitted() else 200
    )
