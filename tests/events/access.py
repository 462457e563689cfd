"""Access expectations for every events endpoint (partnership events: open to everyone signed in)."""

from datetime import timedelta

from portal.events.models import Booking, CalendarFeed, Event, local_now
from portal.extensions import db
from tests.support.access import Expect, only, public, signed_in

EXPECT = {
    "events.list_events": signed_in(),
    "events.show_event": signed_in(),
    "events.book_event": Expect(302, method="POST"),  # booked (or told why not), then back to the event
    "events.cancel_booking": Expect(302, method="POST", data={"confirmed": "yes"}),  # past the confirm step
    "events.download_ics": signed_in(),
    "events.my_bookings": signed_in(),
    "events.regenerate_feed": Expect(302, method="POST"),
    "events.calendar_feed": public(),  # the token is the key: calendar apps cannot sign in
    "events.create_event": only("admin"),
    "events.edit_event": only("admin"),  # admins and the event's organiser (none here)
    "events.create_series": only("admin"),
    "events.register": only("admin"),
    "events.record_attendance": only("admin", ok=302, method="POST", data={"attended": "yes"}),
    "events.attendance_report": only("admin"),
}


def setup(world):
    start = (local_now() + timedelta(days=5)).replace(hour=10, minute=0, second=0, microsecond=0)
    upcoming = Event(title="Matrix webinar", kind="webinar", starts_at=start, ends_at=start + timedelta(hours=1))
    past = Event(
        title="Matrix sharing event",
        kind="sharing_event",
        starts_at=start - timedelta(days=10),
        ends_at=start - timedelta(days=10) + timedelta(hours=2),
    )
    db.session.add_all([upcoming, past])
    db.session.flush()
    booking = Booking(event_id=past.id, user_id=world.users["practitioner"].id, status="booked")
    db.session.add_all([booking, CalendarFeed(user_id=world.users["practitioner"].id, token="matrix-token")])
    db.session.commit()
    for endpoint in ("show_event", "book_event", "cancel_booking", "download_ics", "edit_event"):
        world.args[f"events.{endpoint}"] = {"event_id": upcoming.id}
    world.args["events.register"] = {"event_id": past.id}
    world.args["events.record_attendance"] = {"event_id": past.id, "booking_id": booking.id}
    world.args["events.calendar_feed"] = {"token": "matrix-token"}
