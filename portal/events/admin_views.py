"""Organisers' pages: create and edit events and series, the register, the attendance report."""

from datetime import datetime

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user, login_required

from portal.accounts.models import User
from portal.accounts.services import find_by_email
from portal.core.access import roles_required
from portal.core.forms import ActionForm, ServiceError, attempt, form_status, run_form
from portal.core.rendering import render, wants_fragment
from portal.core.roles import Role
from portal.events import attendance, bp, queries, services
from portal.events.forms import EventForm, SeriesForm
from portal.events.models import Booking, Event
from portal.events.policies import can_organise
from portal.extensions import db

COMMON = ("title", "description", "kind", "location", "online_url", "capacity", "compulsory")


def _organiser(form) -> User | None:
    if not (form.organiser.data or "").strip():
        return None
    user = find_by_email(form.organiser.data)
    if user is None:
        raise ServiceError(("organiser", "Nobody in the portal has that e-mail address."))
    return user


def _fields(form) -> dict:
    values = {name: getattr(form, name).data for name in COMMON}
    return values | {name: values[name] or "" for name in ("description", "location", "online_url")}


def _times(form) -> dict:
    return {
        "starts_at": datetime.combine(form.day.data, form.start_time.data),
        "ends_at": datetime.combine(form.day.data, form.end_time.data),
    }


def _new_fields(form) -> dict:
    """What a new event and a new series both take: the common fields, organiser and owning context."""
    return {
        **_fields(form),
        "organiser": _organiser(form),
        "context_type": form.context_type.data,
        "context_id": form.context_id.data,
    }


@bp.route("/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def create_event():
    form = EventForm(data={"context_type": "partnership", "kind": "webinar"} if request.method == "GET" else None)
    done = run_form(
        form,
        lambda: services.create_event(actor=current_user, **_new_fields(form), **_times(form)),
        flash_message=lambda event: f"{event.title} is published.",
    )
    if done:
        return redirect(url_for("events.show_event", event_id=done.value.id))
    return render("events/edit.html", form=form, event=None, status=form_status(form))


def _organised_or_404(event_id: int) -> Event:
    event = queries.load_event(event_id)
    if event is None:
        abort(404)
    if not can_organise(current_user, event):
        abort(403)
    return event


@bp.route("/<int:event_id>/edit", methods=["GET", "POST"])
@login_required
def edit_event(event_id):
    event = _organised_or_404(event_id)
    form = EventForm(obj=event)
    if request.method == "GET":
        form.day.data, form.start_time.data = event.starts_at.date(), event.starts_at.time()
        form.end_time.data = event.ends_at.time()
        form.organiser.data = event.organiser.email if event.organiser else ""

    sequence = event.sequence

    def save():
        organiser = _organiser(form)
        return services.update_event(
            event,
            actor=current_user,
            **_fields(form),
            cancelled=form.cancelled.data,
            organiser_id=organiser.id if organiser else None,
            **_times(form),
        )

    if run_form(form, save, flash_message=lambda promoted: _saved_message(event, promoted, sequence)):
        return redirect(url_for("events.show_event", event_id=event.id))
    return render("events/edit.html", form=form, event=event, status=form_status(form))


def _saved_message(event: Event, promoted: list, sequence_before: int) -> str:
    if event.sequence == sequence_before:  # update_event raises the sequence on every real change
        return f"Nothing was changed: {event.title} already had these details."
    extra = f" {len(promoted)} people moved from the waiting list were e-mailed." if promoted else ""
    over = services.booked_count(event) - (event.capacity or 10**9)
    if over > 0:  # nobody loses a place they hold: the next cancellations absorb the difference
        extra += f" {over} more people are booked than the new number of places; nobody was removed."
    return f"Changes to {event.title} are saved.{extra}"


@bp.route("/series/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def create_series():
    form = SeriesForm(data={"context_type": "partnership", "kind": "drop_in"} if request.method == "GET" else None)
    done = run_form(
        form,
        lambda: services.create_series(
            actor=current_user,
            **_new_fields(form),
            dates=services.monthly_dates(form.first_date.data, form.count.data),
            start_time=form.start_time.data,
            end_time=form.end_time.data,
        ),
        flash_message=lambda series: f"{series.title}: {form.count.data} dates are published.",
    )
    if done:
        return redirect(url_for("events.list_events", kind=done.value.kind))
    return render("events/series.html", form=form, status=form_status(form))


def _parse_mark(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


@bp.route("/<int:event_id>/register", methods=["GET", "POST"])
@login_required
def register(event_id):
    """One control per booked person; the whole form posts without JavaScript, each row with htmx."""
    event = _organised_or_404(event_id)
    bookings = attendance.register_bookings(event)
    error = None
    if request.method == "POST":
        ActionForm().validate_on_submit() or abort(400)

        def mark_everyone():
            for booking in bookings:
                mark = _parse_mark(request.form.get(f"attended-{booking.id}"))
                if mark is not None and mark != booking.attended:
                    attendance.record_attendance(event, booking.user, mark, actor=current_user)

        done = attempt(mark_everyone)
        if done:
            flash("The register is saved.", "success")
            return redirect(url_for("events.register", event_id=event.id))
        error = done.error
    return render(
        "events/register.html",
        event=event,
        bookings=bookings,
        error=error,
        no_shows=[b for b in bookings if b.attended is False or (event.is_past() and b.attended is None)],
        status=422 if error else 200,
    )


@bp.post("/<int:event_id>/register/<int:booking_id>")
@login_required
def record_attendance(event_id, booking_id):
    """One row of the register (htmx); without JavaScript the same post returns to the register."""
    event = _organised_or_404(event_id)
    ActionForm().validate_on_submit() or abort(400)
    booking = db.session.get(Booking, booking_id)
    if booking is None or booking.event_id != event.id:
        abort(404)
    user = db.session.get(User, booking.user_id)
    mark = _parse_mark(request.form.get(f"attended-{booking.id}"))
    error = attempt(lambda: attendance.record_attendance(event, user, mark, actor=current_user)).error or None
    if wants_fragment(f"attendance-{booking.id}"):
        booking = db.session.get(Booking, booking_id)
        return render(
            "events/_register_row.html",
            booking=booking,
            user=user,
            event=event,
            error=error,
            saved=error is None,
            status=422 if error else 200,
        )
    flash(error or f"Attendance for {user.name} is saved.", "info" if error else "success")
    return redirect(url_for("events.register", event_id=event.id))


@bp.get("/attendance")
@roles_required(Role.ADMIN)
def attendance_report():
    """One school year at a time (this one unless `year` names another), so the grouped queries stay
    bounded however many years of events the portal holds."""
    years = attendance.report_years()
    year = request.args.get("year", type=int)
    year = year if year in years else years[0]
    since, until = attendance.school_year_bounds(year)
    contexts = attendance.labelled_contexts(since=since, until=until)
    page = attendance.past_events(since=since, until=until)
    per_event = attendance.attendance_summary(event_ids=[e.id for e in page.items]).per_event
    # The year filter swaps both tables (report-results); the pager only the events table (report-events).
    target = "report-results" if wants_fragment("report-results") else "report-events"
    return render(
        "events/report.html",
        fragment=f"events/_{target.replace('-', '_')}.html",
        target=target,
        contexts=contexts,
        page=page,
        per_event=per_event,
        year=year,
        years=years,
        school_year=attendance.school_year_label,
    )
