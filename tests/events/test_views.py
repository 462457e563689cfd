"""Events pages over HTTP: both renderings, booking with and without htmx, the register, forms, feeds."""

from datetime import timedelta

from portal.core.roles import Role
from portal.events.attendance import school_year_of
from portal.events.models import Booking, CalendarFeed, Event, EventSeries
from portal.extensions import db

HX = {"HX-Request": "true"}


def test_list_shows_upcoming_partnership_events_in_both_renderings(client, login, make_user, make_event, htmx_get):
    make_event(title="Launch webinar", capacity=10)
    make_event(title="Old event", days=-5)
    make_event(title="Cohort session", context_type="leadership_cohort", context_id=1)
    login(make_user())
    page = client.get("/events")
    assert page.status_code == 200 and "HX-Request" in page.headers["Vary"]
    html = page.get_data(as_text=True)
    assert "Launch webinar" in html and "10 of 10 left" in html
    assert "Old event" not in html and "Cohort session" not in html  # not the person's cohort
    assert "<html" in html
    fragment = htmx_get("/events?past=y", "event-results")
    assert fragment.get_data(as_text=True).lstrip().startswith('<div id="event-results"')
    assert "Old event" in fragment.get_data(as_text=True)
    assert "HX-Request" in fragment.headers["Vary"]


def test_book_and_cancel_without_javascript(client, login, make_user, make_event):
    event = make_event(capacity=1, online_url="https://meet.example/abc")
    person = login(make_user()) and make_user()
    login(person)
    assert "meet.example" not in client.get(f"/events/{event.id}").get_data(as_text=True)
    response = client.post(f"/events/{event.id}/book")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/events/{event.id}")
    html = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "You are booked" in html and "https://meet.example/abc" in html and "Cancel my booking" in html
    asked = client.post(f"/events/{event.id}/cancel")  # without JavaScript: the confirm page first
    assert asked.status_code == 200 and "Cancel your place at" in asked.text and 'value="yes"' in asked.text
    assert db.session.query(Booking).one().status == "booked"
    client.post(f"/events/{event.id}/cancel", data={"confirmed": "yes"})
    db.session.expire_all()
    assert db.session.query(Booking).one().status == "cancelled"


def test_book_with_htmx_swaps_the_booking_panel(client, login, make_user, make_event, add_booking):
    event = make_event(capacity=1)
    add_booking(event, make_user())
    login(make_user())
    response = client.post(f"/events/{event.id}/book", headers={**HX, "HX-Target": "event-booking"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.lstrip().startswith('<section id="event-booking"')
    assert "on the waiting list" in html and "Leave the waiting list" in html
    response = client.post(  # the script asked in the page and added confirmed=yes
        f"/events/{event.id}/cancel", data={"confirmed": "yes"}, headers={**HX, "HX-Target": "event-booking"}
    )
    assert "Join the waiting list" in response.get_data(as_text=True)


def test_refused_booking_answers_422_to_htmx(client, login, make_user, make_event):
    event = make_event(days=-1, hours=48)  # running now: booking closed
    login(make_user())
    response = client.post(f"/events/{event.id}/book", headers={**HX, "HX-Target": "event-booking"})
    assert response.status_code == 422 and "already started" in response.get_data(as_text=True)


def test_events_of_other_contexts_are_not_found(client, login, make_user, make_event):
    event = make_event(context_type="leadership_cohort", context_id=9)
    login(make_user())
    assert client.get(f"/events/{event.id}").status_code == 404
    assert client.post(f"/events/{event.id}/book").status_code == 404
    assert client.get(f"/events/{event.id}/calendar.ics").status_code == 404
    assert client.get("/events/999999").status_code == 404


def test_ics_download_and_private_feed(client, login, make_user, make_event, add_booking):
    event = make_event(title="Drop-in", online_url="https://meet.example/x")
    person = make_user()
    add_booking(event, person)
    login(person)
    response = client.get(f"/events/{event.id}/calendar.ics")
    assert response.mimetype == "text/calendar" and "attachment" in response.headers["Content-Disposition"]
    assert b"SUMMARY:Drop-in" in response.data and b"meet.example" in response.data
    assert client.post("/events/mine/feed").status_code == 302
    token = db.session.query(CalendarFeed).one().token
    assert token in client.get("/events/mine").get_data(as_text=True)
    feed = client.get(f"/events/feed/{token}.ics")
    assert feed.status_code == 200 and event.uid.encode() in feed.data
    client.post("/events/mine/feed")
    assert client.get(f"/events/feed/{token}.ics").status_code == 404  # the old address stops working
    assert client.get("/events/feed/guess.ics").status_code == 404


def test_my_bookings_show_attendance(client, login, make_user, make_event, add_booking):
    person = make_user()
    add_booking(make_event(title="Was there", days=-3), person, attended=True)
    add_booking(make_event(title="Coming up"), person)
    login(person)
    assert "Coming up" in client.get("/events/mine").get_data(as_text=True)
    past = client.get("/events/mine?past=y").get_data(as_text=True)
    assert "Was there" in past and "Attended" in past


def test_register_works_as_a_plain_form_and_row_by_row(client, login, make_user, make_event, add_booking):
    admin = make_user(Role.ADMIN)
    event = make_event(days=-1)
    came, absent = make_user(name="Ann Came"), make_user(name="Bob Away")
    b1, b2 = add_booking(event, came), add_booking(event, absent)
    login(admin)
    page = client.get(f"/events/{event.id}/register").get_data(as_text=True)
    assert "Ann Came" in page and "Attendance of Bob Away" in page
    response = client.post(f"/events/{event.id}/register", data={f"attended-{b1.id}": "yes", f"attended-{b2.id}": "no"})
    assert response.status_code == 302
    db.session.expire_all()
    assert [b.attended for b in db.session.query(Booking).order_by(Booking.id)] == [True, False]
    page = client.get(f"/events/{event.id}/register").get_data(as_text=True)
    assert "Booked but did not attend" in page and "Bob Away (absent)" in page
    row = client.post(
        f"/events/{event.id}/register/{b2.id}",
        data={f"attended-{b2.id}": "yes"},
        headers={**HX, "HX-Target": f"attendance-{b2.id}"},
    )
    assert row.get_data(as_text=True).lstrip().startswith(f'<tr id="attendance-{b2.id}"') and "Saved" in row.get_data(
        as_text=True
    )
    db.session.expire_all()
    assert db.session.get(Booking, b2.id).attended is True


def test_register_is_for_organisers(client, login, make_user, make_event):
    organiser = make_user(Role.KEY_FACILITATOR)
    event = make_event(days=-1, organiser_id=organiser.id)
    login(make_user(Role.KEY_FACILITATOR))
    assert client.get(f"/events/{event.id}/register").status_code == 403
    login(organiser)
    assert client.get(f"/events/{event.id}/register").status_code == 200


def test_create_event_keeps_what_was_typed_on_error(client, login, make_user):
    login(make_user(Role.ADMIN))
    data = {
        "title": "Sharing event",
        "kind": "sharing_event",
        "day": "2031-06-10",
        "start_time": "15:00",
        "end_time": "14:00",
        "context_type": "partnership",
        "capacity": "80",
        "location": "City Chambers",
    }
    response = client.post("/events/new", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "must end after it starts" in html and "City Chambers" in html
    response = client.post("/events/new", data={**data, "end_time": "17:00"})
    assert response.status_code == 302
    event = db.session.query(Event).one()
    assert event.capacity == 80 and event.starts_at.hour == 15


def test_edit_event_raises_capacity_and_moves_the_waiting_list(
    client, login, make_user, make_event, add_booking, mailbox
):
    event = make_event(capacity=1, title="Busy webinar")
    add_booking(event, make_user())
    waiting = make_user()
    add_booking(event, waiting, status="waitlisted")
    login(make_user(Role.ADMIN))
    data = _edit_data(event, capacity="2")
    response = client.post(f"/events/{event.id}/edit", data=data, follow_redirects=True)
    assert "1 people moved from the waiting list" in response.get_data(as_text=True)
    assert mailbox.last_to(waiting.email)["Subject"] == "You have a place: Busy webinar"


def _edit_data(event, **changes) -> dict:
    """The edit form as posted for `event`, with `changes` (strings, as a browser sends them)."""
    return {
        "title": event.title,
        "kind": "webinar",
        "day": event.starts_at.date().isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
        "context_type": "partnership",
    } | changes


def test_create_series_makes_monthly_events(client, login, make_user):
    login(make_user(Role.ADMIN))
    response = client.post(
        "/events/series/new",
        data={
            "title": "Monthly drop-in",
            "kind": "drop_in",
            "first_date": "2031-09-09",
            "count": "4",
            "start_time": "16:00",
            "end_time": "17:00",
            "context_type": "partnership",
            "online_url": "https://m.example",
        },
    )
    assert response.status_code == 302
    assert db.session.query(EventSeries).count() == 1
    assert [e.starts_at.month for e in db.session.query(Event).order_by(Event.starts_at)] == [9, 10, 11, 12]


def test_attendance_report_for_admin(client, login, make_user, make_event, add_booking, htmx_get):
    event = make_event(days=-2, title="Past webinar")
    add_booking(event, make_user(), attended=True)
    add_booking(event, make_user(), attended=False)
    login(make_user(Role.ADMIN))
    year = school_year_of(event.starts_at)  # two days ago may be last school year (early August)
    html = client.get(f"/events/attendance?year={year}").get_data(as_text=True)
    assert "Partnership" in html and "50%" in html and "Past webinar" in html
    assert (
        htmx_get(f"/events/attendance?page=1&year={year}", "report-events")
        .get_data(as_text=True)
        .lstrip()
        .startswith('<div id="report-events"')
    )


def test_event_times_in_the_page(client, login, make_user, make_event):
    event = make_event(hours=1)
    login(make_user())
    expected = f"{event.starts_at:%H:%M} to {(event.starts_at + timedelta(hours=1)):%H:%M}"
    assert expected in client.get(f"/events/{event.id}").get_data(as_text=True)


def test_booking_without_csrf_token_is_refused(app, client, login, make_user, make_event):
    app.config["WTF_CSRF_ENABLED"] = True
    event = make_event()
    login(make_user())
    assert client.post(f"/events/{event.id}/book").status_code == 400
    assert db.session.query(Booking).count() == 0


def test_fewer_places_than_bookings_removes_nobody_and_says_so(client, login, make_user, make_event, add_booking):
    event = make_event(capacity=3)
    for _ in range(3):
        add_booking(event, make_user())
    login(make_user(Role.ADMIN))
    data = _edit_data(event, capacity="1")
    html = client.post(f"/events/{event.id}/edit", data=data, follow_redirects=True).get_data(as_text=True)
    assert "2 more people are booked than the new number of places; nobody was removed" in html
    assert db.session.query(Booking).filter_by(status="booked").count() == 3


def test_feed_and_download_carry_time_zone_sequence_and_cancellation(client, login, make_user, make_event, add_booking):
    from icalendar import Calendar

    live, called_off = make_event(title="Still on"), make_event(title="Called off", cancelled=True, sequence=3)
    person = make_user()
    add_booking(live, person)
    add_booking(called_off, person)
    login(person)
    download = Calendar.from_ical(client.get(f"/events/{live.id}/calendar.ics").data)
    assert str(download["method"]) == "PUBLISH" and download.walk("VTIMEZONE")
    client.post("/events/mine/feed")
    token = db.session.query(CalendarFeed).one().token
    feed = Calendar.from_ical(client.get(f"/events/feed/{token}.ics").data)
    events = {str(e["uid"]): e for e in feed.walk("VEVENT")}
    assert str(events[called_off.uid]["status"]) == "CANCELLED" and int(events[called_off.uid]["sequence"]) == 3
    assert str(events[live.uid]["status"]) == "CONFIRMED"
    assert all(e["dtstart"].params["TZID"] == "Europe/London" for e in events.values())


def test_editing_only_the_place_of_a_leadership_module_keeps_its_kind(app, client, login, make_user):
    """The editor offers every kind an event can have, so a browser posts the event's own kind back."""
    from datetime import date as day_type

    from portal.leadership import programme, sessions
    from tests.support.forms import browser_data

    admin = make_user(Role.ADMIN)
    first = day_type.today() + timedelta(days=14)
    year = programme.create_year(
        label="K", starts_on=first - timedelta(days=20), ends_on=first + timedelta(days=330), actor=admin
    )
    cohort = programme.create_cohort(year, name="K", actor=admin, first_day=first)
    module = next(e for e in sessions.cohort_sessions(cohort) if e.kind == sessions.module_kind("collaboration"))
    db.session.commit()
    login(admin)
    page = client.get(f"/events/{module.id}/edit").get_data(as_text=True)
    data = browser_data(page, f"/events/{module.id}/edit", location="The Lighthouse, Glasgow")
    done = client.post(f"/events/{module.id}/edit", data=data, follow_redirects=True)
    html = done.get_data(as_text=True)
    db.session.expire_all()
    assert (module.kind, module.location) == (sessions.module_kind("collaboration"), "The Lighthouse, Glasgow")
    assert "Module 2: Facilitating collaboration" in html and "Leadership-module" not in html


def test_an_unknown_kind_is_refused_and_saving_nothing_says_so(client, login, make_user, make_event):
    event = make_event()
    login(make_user(Role.ADMIN))
    refused = client.post(f"/events/{event.id}/edit", data=_edit_data(event, kind="made-up"))
    assert refused.status_code == 422
    page = client.get(f"/events/{event.id}/edit").get_data(as_text=True)
    from tests.support.forms import browser_data

    same = client.post(
        f"/events/{event.id}/edit", data=browser_data(page, f"/events/{event.id}/edit"), follow_redirects=True
    )
    assert "Nothing was changed" in same.get_data(as_text=True), same.get_data(as_text=True)[-3000:]
