"""The e-mails events send: a place offered from the waiting list, a reminder, a change or cancellation."""

from portal.core.mail import Attachment, send_mail
from portal.events.ics import event_ics, event_url
from portal.events.models import Booking, Event


def when(event: Event) -> str:
    return f"{event.starts_at:%A %-d %B %Y}, {event.starts_at:%H:%M} to {event.ends_at:%H:%M}"


def _details(event: Event) -> str:
    lines = [f"When: {when(event)}"]
    if event.location:
        lines.append(f"Where: {event.location}")
    if event.online_url:
        lines.append(f"Join online: {event.online_url}")
    lines.append(f"Details: {event_url(event)}")
    return "\n".join(lines)


def _send(booking: Booking, event: Event, subject: str, opening: str) -> None:
    user = booking.user
    body = (
        f"Hello {user.name},\n\n{opening}\n\n{_details(event)}\n\n"
        "The attached calendar file adds it to your calendar.\n"
    )
    ics = event_ics(event, method="CANCEL" if event.cancelled else "REQUEST")
    send_mail(user.email, subject, body, (Attachment("event.ics", ics, "text/calendar"),))


def place_offered(booking: Booking, event: Event) -> None:
    _send(
        booking,
        event,
        f"You have a place: {event.title}",
        f"A place has come up and you have been moved from the waiting list: you are now booked on "
        f"{event.title}. If you can no longer come, please cancel so the next person gets the place.",
    )


def reminder(booking: Booking, event: Event) -> None:
    _send(
        booking,
        event,
        f"Reminder: {event.title} is tomorrow",
        f"This is a reminder that {event.title} is tomorrow and you have a place.",
    )


def event_changed(booking: Booking, event: Event) -> None:
    if event.cancelled:
        _send(
            booking,
            event,
            f"Cancelled: {event.title}",
            f"{event.title} has been cancelled. The attached file removes it from your calendar.",
        )
    else:
        _send(
            booking,
            event,
            f"Changed: {event.title}",
            f"The details of {event.title} have changed. The attached file updates your calendar.",
        )
