"""Cancelling a booking or leaving the waiting list confirms first: a page without JavaScript, a dialog with it."""

from portal.events.models import Booking
from portal.extensions import db


def test_cancelling_asks_first_and_only_the_confirmed_post_cancels(client, login, make_user, make_event, add_booking):
    event = make_event(capacity=1)
    add_booking(event, make_user())
    person = make_user()
    login(person)
    client.post(f"/events/{event.id}/book")  # full: the waiting list
    page = client.get(f"/events/{event.id}").text
    assert 'data-confirm="Leave the waiting list for this event?"' in page
    asked = client.post(f"/events/{event.id}/cancel")
    assert asked.status_code == 200 and "Leave the waiting list for" in asked.text
    assert f'action="/events/{event.id}/cancel"' in asked.text and f'href="/events/{event.id}"' in asked.text
    mine = db.session.scalar(db.select(Booking).where(Booking.user_id == person.id))
    assert mine.status == "waitlisted"
    assert client.post(f"/events/{event.id}/cancel", data={"confirmed": "yes"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Booking, mine.id).status == "cancelled"
