"""Events pages for everyone: the list, one event with booking, my bookings, calendar files."""

from flask import abort, current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required

from portal.core.confirm import confirm_page, confirmed
from portal.core.dates import long_date
from portal.core.forms import ActionForm, attempt, run_action
from portal.core.paging import paginate
from portal.core.rendering import render, wants_fragment
from portal.core.uploads import content_disposition
from portal.events import bp, ics, notices, queries, services
from portal.events.extras import extras_for
from portal.events.forms import EventFilterForm, kind_label
from portal.events.models import BOOKED, WAITLISTED, local_now
from portal.events.policies import can_organise


@bp.app_template_filter("event_kind")
def _kind(kind: str) -> str:
    return kind_label(kind)


@bp.app_template_filter("event_when")
def _when(event) -> str:
    return notices.when(event)


def _visible_event_or_404(event_id: int):
    """The event and the person's booking; 404 for events they have no business seeing."""
    event = queries.load_event(event_id)
    booking = services.booking_of(event, current_user) if event else None
    if event is None or not queries.can_view_event(current_user, event, booking):
        abort(404)
    return event, booking


@bp.get("")
@login_required
def list_events():
    form = EventFilterForm(request.args)
    filters = queries.EventFilter.from_form(form)
    page = queries.events_page(current_user, filters, local_now())
    ids = [e.id for e in page.items]
    return render(
        "events/list.html",
        fragment="events/_results.html",
        target="event-results",
        form=form,
        filters=filters,
        page=page,
        counts=queries.booking_counts(ids),
        mine=queries.bookings_of(current_user, ids),
    )


def _booking_context(event, booking):
    booked, waiting = queries.booking_counts([event.id]).get(event.id, (0, 0))
    return dict(
        event=event,
        booking=booking,
        booked=booked,
        waiting=waiting,
        now=local_now(),
        can_organise=can_organise(current_user, event),
    )


@bp.get("/<int:event_id>")
@login_required
def show_event(event_id):
    return _event_page(event_id)


def _event_page(event_id: int, *, status: int = 200, **notice):
    """The event page, or only its booking panel when htmx aims at it; `notice`: message= or error=."""
    event, booking = _visible_event_or_404(event_id)
    return render(
        "events/show.html",
        fragment="events/_booking.html",
        target="event-booking",
        status=status,
        extras=extras_for(event, current_user),
        **notice,
        **_booking_context(event, booking),
    )


def _answer(event_id: int, *, message: str | None = None, error: str | None = None):
    """htmx gets the booking panel back (422 with an error); a plain form post is redirected to the event page."""
    if wants_fragment("event-booking"):
        return _event_page(event_id, status=422 if error else 200, message=message, error=error)
    if error or message:
        flash(error or message, "info" if error else "success")
    return redirect(url_for("events.show_event", event_id=event_id))


@bp.post("/<int:event_id>/book")
@login_required
def book_event(event_id):
    ActionForm().validate_on_submit() or abort(400)
    event, _ = _visible_event_or_404(event_id)
    done = attempt(lambda: services.book(event, current_user, actor=current_user))
    if not done:
        return _answer(event_id, error=done.error)
    message = (
        "You are booked."
        if done.value.status == BOOKED
        else "The event is full: you are on the waiting list and will be e-mailed if a place comes up."
    )
    return _answer(event_id, message=message)


@bp.post("/<int:event_id>/cancel")
@login_required
def cancel_booking(event_id):
    ActionForm().validate_on_submit() or abort(400)
    event, booking = _visible_event_or_404(event_id)
    if booking is None:
        return _answer(event_id)
    if not confirmed() and booking.status in (BOOKED, WAITLISTED):
        booked = booking.status == BOOKED
        return confirm_page(
            f"{'Cancel your place at' if booked else 'Leave the waiting list for'} {event.title} on "
            f"{long_date(event.starts_at)}?",
            details=["Your place goes to the next person waiting, if there is one."] if booked else (),
            action_label="Cancel my booking" if booked else "Leave the waiting list",
            back_url=url_for("events.show_event", event_id=event_id),
        )
    was_booked = booking.status == BOOKED
    done = attempt(lambda: services.cancel(booking, actor=current_user))
    if not done:
        return _answer(event_id, error=done.error)
    return _answer(event_id, message="Your booking is cancelled." if was_booked else "You have left the waiting list.")


@bp.get("/<int:event_id>/calendar.ics")
@login_required
def download_ics(event_id):
    event, booking = _visible_event_or_404(event_id)
    booked = (booking is not None and booking.status == BOOKED) or can_organise(current_user, event)
    response = current_app.response_class(ics.event_ics(event, booked=booked), mimetype="text/calendar")
    response.headers["Content-Disposition"] = content_disposition(f"event-{event.id}.ics")
    return response


@bp.get("/mine")
@login_required
def my_bookings():
    past = request.args.get("past") == "y"
    page = paginate(queries.my_bookings_query(current_user, local_now(), past))
    token = ics.feed_token(current_user, create=False)
    return render(
        "events/mine.html",
        fragment="events/_mine_results.html",
        target="my-bookings",
        page=page,
        past=past,
        feed_url=url_for("events.calendar_feed", token=token, _external=True) if token else None,
    )


@bp.post("/mine/feed")
@login_required
def regenerate_feed():
    ActionForm().validate_on_submit() or abort(400)
    run_action(
        lambda: ics.regenerate_feed_token(current_user, actor=current_user),
        done="Your private calendar address is ready. Any earlier address no longer works.",
    )
    return redirect(url_for("events.my_bookings"))


@bp.get("/feed/<token>.ics")
def calendar_feed(token):
    """No sign-in: calendar apps cannot sign in. The unguessable token is the key."""
    body = ics.feed_for_token(token)
    if body is None:
        abort(404)
    response = current_app.response_class(body, mimetype="text/calendar")
    response.headers["Cache-Control"] = "private, max-age=900"
    response.headers["X-Robots-Tag"] = "noindex"
    return response
