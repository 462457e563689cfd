"""My learning record: list, add, edit, remove, suggestions from the portal, shared entries, the PU pack."""

from datetime import date

from flask import redirect, render_template, request, url_for
from flask_login import current_user, login_required

from portal.core.forms import form_status, run_action, run_form
from portal.core.paging import paginate
from portal.core.pdf import pdf_response
from portal.core.rendering import render
from portal.learning import bp, queries, services, settings
from portal.learning.forms import EntryForm, PeriodForm
from portal.learning.goals import goals_by_id
from portal.learning.loading import load_entry
from portal.learning.models import KIND_LABELS, SECTION_LABELS, STANDARD_LABELS
from portal.learning.pack import five_years_to, hours_by_standard, paste_text, school_year
from portal.learning.sources import SOURCES

LABELS = {"KIND_LABELS": KIND_LABELS, "STANDARD_LABELS": STANDARD_LABELS, "SECTION_LABELS": SECTION_LABELS}


@bp.get("/")
@login_required
def my_record():
    activities, covered = queries.activity_suggestions(current_user)
    prd = queries.my_targets(current_user)
    return render(
        "learning/record.html",
        fragment="learning/_entries.html",
        target="learning-entries",
        page=paginate(queries.my_entries(current_user)),
        suggestions=_booking_suggestions(covered),
        activities=activities,
        source_labels={name: source.label for name, source in SOURCES.items()},
        target_rows=[(t, None) for t in prd],
        goals=goals_by_id(t.goal_id for t in prd),
        **LABELS,
    )


def _save(form, entry):
    return services.save_entry(
        entry,
        actor=current_user,
        fields={k: getattr(form, k).data for k in form.FIELDS},
        reviewer_email=form.reviewer_email.data or "",
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def add_entry():
    form = EntryForm()
    if run_form(form, lambda: _save(form, None), flash_message="The entry is added to your record."):
        return redirect(url_for("learning.my_record"), code=303)
    return render("learning/edit.html", form=form, entry=None, status=form_status(form))


@bp.route("/<int:entry_id>/edit", methods=["GET", "POST"])
@login_required
def edit_entry(entry_id):
    entry = load_entry(entry_id, edit=True)
    form = (
        EntryForm(obj=entry, sections=entry.section_keys, reviewer_email=queries.reviewer_email(entry))
        if request.method == "GET"
        else EntryForm()
    )
    if run_form(form, lambda: _save(form, entry), flash_message="The entry is saved."):
        return redirect(url_for("learning.show_entry", entry_id=entry.id), code=303)
    return render("learning/edit.html", form=form, entry=entry, status=form_status(form))


@bp.get("/<int:entry_id>")
@login_required
def show_entry(entry_id):
    entry = load_entry(entry_id)
    return render(
        "learning/entry.html",
        entry=entry,
        mine=entry.user_id == current_user.id,
        history=services.revisions(entry) if entry.user_id == current_user.id else [],
        text=paste_text(entry, kind_labels=KIND_LABELS, standard_labels=STANDARD_LABELS, section_labels=SECTION_LABELS),
        **LABELS,
    )


@bp.route("/<int:entry_id>/remove", methods=["GET", "POST"])
@login_required
def remove_entry(entry_id):
    entry = load_entry(entry_id, edit=True)
    if request.method == "GET":
        return render("learning/remove.html", entry=entry)
    run_action(lambda: services.delete_entry(entry, actor=current_user), done="The entry is removed.")
    return redirect(url_for("learning.my_record"), code=303)


@bp.post("/suggestions/<int:booking_id>")
@login_required
def add_suggestion(booking_id):
    done = run_action(
        lambda: services.add_from_booking(booking_id, actor=current_user),
        done="The event is in your record: add your reflection and the standard it relates to.",
    )
    if not done:
        return redirect(url_for("learning.my_record"), code=303)
    return redirect(url_for("learning.edit_entry", entry_id=done.value.id), code=303)


@bp.post("/activities/<source>/<int:source_id>")
@login_required
def add_activity(source, source_id):
    done = run_action(
        lambda: services.add_from_activity(source, source_id, actor=current_user),
        done="The activity is in your record: add your reflection and the standard it relates to.",
    )
    if not done:
        return redirect(url_for("learning.my_record"), code=303)
    return redirect(url_for("learning.edit_entry", entry_id=done.value.id), code=303)


def _booking_suggestions(covered: set[int]):
    """Attended events not in the record, less those a registered activity already stands for."""
    return [(booking_id, event) for booking_id, event in queries.suggestions(current_user) if booking_id not in covered]


@bp.get("/shared")
@login_required
def shared_with_me():
    prd = queries.targets_shared_with(current_user)
    return render(
        "learning/shared.html",
        page=paginate(queries.shared_with(current_user), rows=True),
        target_rows=prd,
        goals=goals_by_id(t.goal_id for t, _ in prd),
        **LABELS,
    )


def _pack_context():
    form = PeriodForm(request.args)
    form.validate()
    signoff = settings.signoff_of(current_user)
    if signoff is not None and request.args.get("period") == "signoff":
        start, end = five_years_to(signoff)
    else:
        start, end = services.period(form.start.data, form.end.data, date.today())
    entries = queries.entries_in(current_user, start, end)
    prd = queries.targets_in(current_user, school_year(start)[0].year, school_year(end)[0].year)
    texts = {
        e.id: paste_text(e, kind_labels=KIND_LABELS, standard_labels=STANDARD_LABELS, section_labels=SECTION_LABELS)
        for e in entries
    }
    return dict(
        form=form,
        start=start,
        end=end,
        entries=entries,
        texts=texts,
        person=current_user,
        hours=hours_by_standard(entries, STANDARD_LABELS),
        total=sum(e.hours for e in entries),
        signoff=signoff,
        targets=prd,
        goals=goals_by_id(t.goal_id for t in prd),
        **LABELS,
    )


@bp.get("/pack")
@login_required
def pack():
    return render("learning/pack.html", **_pack_context())


@bp.get("/pack.pdf")
@login_required
def pack_pdf():
    context = _pack_context()
    html = render_template("learning/pack_print.html", **context)
    return pdf_response(html, f"professional-update-{context['start']:%Y-%m-%d}-{context['end']:%Y-%m-%d}.pdf")
