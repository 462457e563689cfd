"""Event feedback pages: the form (give or correct), my feedback, and the organisers' and steering group's
aggregates per event and per programme."""

from flask import abort, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from portal.core.access import roles_required
from portal.core.forms import form_status, run_form
from portal.core.paging import paginate
from portal.core.privacy import MIN_GROUP
from portal.core.rendering import render
from portal.core.roles import Role
from portal.events.models import Event, local_now
from portal.feedback import bp, results, services
from portal.feedback.access import can_read_event_feedback, readable_events
from portal.feedback.forms import FeedbackForm
from portal.feedback.loading import event_or_404
from portal.reports.sources import ReportScope


@bp.route("/events/<int:event_id>", methods=["GET", "POST"])
@login_required
def give(event_id):
    event = event_or_404(event_id)
    now = local_now()
    where = services.state(event, current_user, now)
    if where == services.NOT_PRESENT:
        abort(403)
    given = services.feedback_of(event, current_user)
    form = FeedbackForm(obj=given, mode="correct") if request.method == "GET" and given else FeedbackForm()
    values = dict(
        rating=form.rating.data,
        do_differently=form.do_differently.data or "",
        confidence_before=form.confidence_before.data,
        confidence_after=form.confidence_after.data,
        actor=current_user,
        now=now,
    )
    correcting = form.mode.data == "correct" and given is not None
    done = run_form(
        form,
        lambda: (
            services.correct_feedback(given, event, **values) if correcting else services.give_feedback(event, **values)
        ),
        flash_message="Your feedback is saved. Thank you." if not correcting else "Your feedback is corrected.",
    )
    if done:
        return redirect(url_for("feedback.give", event_id=event.id), code=303)
    if given is not None:
        form.mode.data = "correct"  # sending again replaces the earlier answer with what is typed here
    return render(
        "feedback/give.html",
        event=event,
        form=form,
        mine=given,
        state=where,
        closes_on=services.closes_on(event),
        status=form_status(form),
    )


@bp.get("/mine")
@login_required
def mine():
    now = local_now()
    page = paginate(services.awaiting_query(current_user.id, now, services.window_start(now)))
    return render("feedback/mine.html", page=page, closes_on=services.closes_on)


@bp.get("/events")
@login_required
def organised():
    """Ended events whose feedback this person may read (those they organise; every one for the lead officer and
    researchers), with their feedback."""
    shown = select(Event.id, Event.title, Event.starts_at)  # what the list shows: rows, not events
    stmt = shown.where(Event.ends_at < local_now(), Event.cancelled.is_(False), readable_events(current_user))
    page = paginate(stmt.order_by(Event.ends_at.desc(), Event.id), rows=True)
    return render(
        "feedback/organised.html",
        page=page,
        summaries=results.for_events([e.id for e in page.items]),
        MIN_GROUP=MIN_GROUP,
    )


@bp.get("/events/<int:event_id>/results")
@login_required
def event_results(event_id):
    event = event_or_404(event_id)
    if not can_read_event_feedback(current_user, event):
        abort(403)
    summary = results.for_event(event.id)
    return render(
        "feedback/event_results.html",
        event=event,
        summary=summary,
        texts=results.texts_for_event(event.id, summary.n),
        closes_on=services.closes_on(event),
        MIN_GROUP=MIN_GROUP,
    )


@bp.get("/programmes")
@roles_required(Role.RESEARCHER)
def programmes():
    return render("feedback/programmes.html", rows=results.kept_by_programme(ReportScope()), MIN_GROUP=MIN_GROUP)
