"""What events tell people: a place offered from the waiting list and a change or cancellation go through the
notification service (portal and e-mail, per preference); the day-before reminder is an e-mail."""

from portal.core.mail import Attachment, send_template
from portal.events.ics import event_ics, event_url
from portal.events.models import Booking, Event
from portal.notifications.services import notify, portal_path


def when(event: Event) -> str:
    return f"{event.starts_at:%A %-d %B %Y}, {event.starts_at:%H:%M} to {event.ends_at:%H:%M}"


def _send(booking: Booking, event: Event, kind: str) -> None:
    """One notice (templates/email/event_notice.*), with the event's calendar file attached."""
    user = booking.user
    send_template(
        user.email,
        "event_notice",
        (Attachment("event.ics", _ics(event), "text/calendar"),),
        kind=kind,
        name=user.name,
        event=event,
        when=when(event),
        link=event_url(event),
        link_label="See the event",
        reason=f"you have a place on {event.title}",
    )


def _ics(event: Event) -> bytes:
    """The calendar file an e-mail carries: a request (add or update), or a cancellation (remove)."""
    return event_ics(event, method="CANCEL" if event.cancelled else "REQUEST")


def _details(event: Event) -> str:
    lines = [f"When: {when(event)}"]
    if event.location:
        lines.append(f"Where: {event.location}")
    if event.online_url:
        lines.append(f"Join online: {event.online_url}")
    lines.append(f"Details: {event_url(event)}")
    return "\n".join(lines)


def _notify(booking: Booking, event: Event, kind: str, subject: str, opening: str) -> None:
    """One message per person: in the portal, and by e-mail (with the .ics) as they chose."""
    notify(
        [booking.user],
        kind,
        subject,
        f"{opening}\n\n{_details(event)}",
        portal_path("events.show_event", event_id=event.id),
        attachments=(Attachment("event.ics", _ics(event), "text/calendar"),),
    )


def place_offered(booking: Booking, event: Event) -> None:
    _notify(
        booking,
        event,
        "place_offered",
        f"You have a place: {event.title}",
        f"A place has come up and you have been moved from the waiting list: you are now booked on "
        f"{event.title}. If you can no longer come, please cancel so the next person gets the place.",
    )


def reminder(booking: Booking, event: Event) -> None:
    _send(booking, event, "reminder")


def event_changed(booking: Booking, event: Event) -> None:
    if event.cancelled:
        _notify(
            booking,
            event,
            "event_changed",
            f"Cancelled: {event.title}",
            f"{event.title} has been cancelled. The attached file removes it from your calendar.",
        )
    else:
        _notify(
            booking,
            event,
            "event_changed",
            f"Changed: {event.title}",
            f"The details of {event.title} have changed. The attached file updates your calendar.",
        )
