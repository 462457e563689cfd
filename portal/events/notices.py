"""The e-mails events send: a place offered from the waiting list, a reminder, a change or cancellation."""

from portal.core.mail import Attachment, send_template
from portal.events.ics import event_ics, event_url
from portal.events.models import Booking, Event


def when(event: Event) -> str:
    return f"{event.starts_at:%A %-d %B %Y}, {event.starts_at:%H:%M} to {event.ends_at:%H:%M}"


def _send(booking: Booking, event: Event, kind: str) -> None:
    """One notice (templates/email/event_notice.*), with the event's calendar file attached."""
    user = booking.user
    send_template(user.email, "event_notice", (Attachment("event.ics", event_ics(event), "text/calendar"),),
                  kind=kind, name=user.name, event=event, when=when(event), link=event_url(event),
                  link_label="See the event", reason=f"you have a place on {event.title}")


def place_offered(booking: Booking, event: Event) -> None:
    _send(booking, event, "offered")


def reminder(booking: Booking, event: Event) -> None:
    _send(booking, event, "reminder")


def event_changed(booking: Booking, event: Event) -> None:
    _send(booking, event, "cancelled" if event.cancelled else "changed")
