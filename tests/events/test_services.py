"""Booking services without HTTP: places, the waiting list, promotion by e-mail, changes, series."""

from datetime import date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.events import queries, services
from portal.events.models import BOOKED, CANCELLED, WAITLISTED, Booking, Event
from portal.extensions import db
from tests.support.smtp import Mailbox


def test_booking_until_full_then_waiting_list(app, make_user, make_event):
    event = make_event(capacity=2)
    a, b, c = (make_user(Role.PRACTITIONER) for _ in range(3))
    assert services.book(event, a, actor=a).status == BOOKED
    assert services.book(event, b, actor=b).status == BOOKED
    assert services.book(event, c, actor=c).status == WAITLISTED
    assert services.places_left(event) == 0
    assert services.book(event, a, actor=a).status == BOOKED  # booking twice changes nothing
    assert db.session.query(Booking).count() == 3


def test_cancel_promotes_the_longest_waiting_and_emails_them_with_the_ics(app, make_user, make_event, mailbox):
    event = make_event(capacity=1, title="Launch webinar")
    a, b, c = (make_user(Role.PRACTITIONER) for _ in range(3))
    first = services.book(event, a, actor=a)
    services.book(event, b, actor=b)
    services.book(event, c, actor=c)
    with app.test_request_context():
        promoted = services.cancel(first, actor=a)
    db.session.commit()
    assert [p.user_id for p in promoted] == [b.id]
    assert services.booking_of(event, b).status == BOOKED
    assert services.booking_of(event, c).status == WAITLISTED
    assert first.status == CANCELLED
    message = mailbox.last_to(b.email)
    assert "You have a place: Launch webinar" in message["Subject"]
    assert f"/events/{event.id}" in Mailbox.link(message, "/events/")
    ics = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    assert (
        ics
        and b"BEGIN:VEVENT" in ics[0].get_payload(decode=True)
        and event.uid.encode() in ics[0].get_payload(decode=True)
    )
    assert not mailbox.to(c.email)


def test_leaving_the_waiting_list_promotes_nobody(app, make_user, make_event, mailbox):
    event = make_event(capacity=1)
    a, b = make_user(), make_user()
    services.book(event, a, actor=a)
    waiting = services.book(event, b, actor=b)
    assert services.cancel(waiting, actor=b) == []
    assert not mailbox.messages


def test_rebooking_after_cancelling_joins_the_back_of_the_queue(app, make_user, make_event):
    event = make_event(capacity=1)
    a, b, c = make_user(), make_user(), make_user()
    services.book(event, a, actor=a)
    mine = services.book(event, b, actor=b)
    services.book(event, c, actor=c)
    with app.test_request_context():
        services.cancel(mine, actor=b)
        assert services.book(event, b, actor=b).status == WAITLISTED
        services.cancel(services.booking_of(event, a), actor=a)
    assert services.booking_of(event, c).status == BOOKED
    assert services.booking_of(event, b).status == WAITLISTED


def test_someone_else_cannot_cancel_my_booking_but_an_organiser_can(app, make_user, make_event):
    event = make_event(capacity=5)
    mine, other, admin = make_user(), make_user(), make_user(Role.ADMIN)
    booking = services.book(event, mine, actor=mine)
    with pytest.raises(ServiceError):
        services.cancel(booking, actor=other)
    with pytest.raises(ServiceError):
        services.book(event, other, actor=mine)
    services.cancel(booking, actor=admin)
    assert booking.status == CANCELLED


def test_no_booking_for_past_or_cancelled_or_closed_events(app, make_user, make_event):
    user = make_user()
    with pytest.raises(ServiceError, match="already started"):
        services.book(make_event(days=-1), user, actor=user)
    with pytest.raises(ServiceError, match="cancelled"):
        services.book(make_event(cancelled=True), user, actor=user)
    with pytest.raises(ServiceError, match="not open to you"):
        services.book(make_event(context_type="leadership_cohort", context_id=1), user, actor=user)


def test_more_places_promote_the_waiting_list_and_fewer_bump_nobody(app, make_user, make_event, mailbox):
    admin = make_user(Role.ADMIN)
    event = make_event(capacity=2)
    people = [make_user() for _ in range(5)]
    for person in people:
        services.book(event, person, actor=person)
    with app.test_request_context():
        promoted = services.update_event(event, actor=admin, capacity=3)
        assert [p.user_id for p in promoted] == [people[2].id]
        assert services.update_event(event, actor=admin, capacity=1) == []
    assert services.booked_count(event) == 3  # people already booked keep their places
    assert services.places_left(event) == 0
    with app.test_request_context():
        promoted = services.update_event(event, actor=admin, capacity=None)
    assert {p.user_id for p in promoted} == {people[3].id, people[4].id}
    assert len(mailbox.messages) == 3


def test_changing_time_raises_sequence_and_tells_booked_people(app, make_user, make_event, mailbox):
    admin, person = make_user(Role.ADMIN), make_user()
    event = make_event()
    services.book(event, person, actor=person)
    with app.test_request_context():
        services.update_event(
            event,
            actor=admin,
            starts_at=event.starts_at + timedelta(hours=1),
            ends_at=event.ends_at + timedelta(hours=1),
        )
        assert event.sequence == 1
        services.update_event(event, actor=admin, title=event.title)  # no change: nothing happens
        assert event.sequence == 1
        services.update_event(event, actor=admin, cancelled=True)
    assert [m["Subject"].split(":")[0] for m in mailbox.to(person.email)] == ["Changed", "Cancelled"]
    assert b"STATUS:CANCELLED" in next(mailbox.last_to(person.email).iter_attachments()).get_payload(decode=True)


def test_only_organisers_change_events_and_bad_values_are_refused(app, make_user, make_event):
    event = make_event()
    with pytest.raises(ServiceError):
        services.update_event(event, actor=make_user(), title="Mine now")
    admin = make_user(Role.ADMIN)
    with pytest.raises(ServiceError) as error:
        services.update_event(event, actor=admin, ends_at=event.starts_at, capacity=0, online_url="javascript:x")
    assert {field for field, _ in error.value.errors} == {"ends_at", "capacity", "online_url"}
    organiser = make_user(Role.KEY_FACILITATOR)
    event.organiser_id = organiser.id
    services.update_event(event, actor=organiser, location="Room 2")
    assert event.location == "Room 2"


def test_create_event_needs_an_organiser_under_the_policy(app, make_user):
    start = datetime(2031, 3, 4, 10)
    with pytest.raises(ServiceError):
        services.create_event(
            actor=make_user(),
            title="Mine",
            kind="webinar",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        )
    event = services.create_event(
        actor=make_user(Role.ADMIN),
        title="Launch",
        kind="launch_webinar",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        context_type="theme",
        context_id=5,
        capacity=40,
    )
    assert db.session.get(Event, event.id).context_id == 5


def test_monthly_dates_keep_the_weekday_of_the_month():
    dates = services.monthly_dates(date(2030, 1, 8), 4)  # the 2nd Tuesday
    assert dates == [date(2030, 1, 8), date(2030, 2, 12), date(2030, 3, 12), date(2030, 4, 9)]
    assert all(d.weekday() == 1 for d in dates)
    fifth = services.monthly_dates(date(2030, 1, 29), 2)  # 5th Tuesday: February has none
    assert fifth[1] == date(2030, 2, 26)
    assert services.monthly_dates(date(2030, 11, 5), 3)[-1].year == 2031


def test_series_creates_one_event_per_date(app, make_user):
    admin = make_user(Role.ADMIN)
    dates = services.monthly_dates(date(2031, 9, 10), 6)
    series = services.create_series(
        actor=admin,
        title="Drop-in",
        kind="drop_in",
        dates=dates,
        start_time=time(16),
        end_time=time(17),
        online_url="https://meet.example/x",
        capacity=20,
    )
    events = db.session.query(Event).filter_by(series_id=series.id).order_by(Event.starts_at).all()
    assert [e.starts_at.date() for e in events] == dates
    assert all(e.capacity == 20 and e.ends_at.hour == 17 for e in events)
    with pytest.raises(ServiceError):
        services.create_series(actor=admin, title="x", kind="drop_in", dates=[], start_time=time(16), end_time=time(17))


def test_owning_domains_book_a_group_and_list_their_events(app, make_user, make_event, mailbox):
    admin = make_user(Role.ADMIN)
    session = make_event(capacity=2, context_type="leadership_cohort", context_id=3, compulsory=True)
    make_event(context_type="leadership_cohort", context_id=4)
    people = [make_user() for _ in range(3)]
    assert [b.status for b in services.book_many(session, people, actor=admin)] == [
        BOOKED,
        BOOKED,
        WAITLISTED,
    ]
    assert [e.id for e in queries.context_events("leadership_cohort", 3)] == [session.id]
    # Outside any request (a CLI or another domain's job) the e-mail still carries a full link.
    services.cancel(services.booking_of(session, people[0]), actor=admin)
    assert "http://127.0.0.1:5000/events/" in Mailbox.body(mailbox.last_to(people[2].email))


def _calendar_of(message):
    part = next(p for p in message.iter_attachments() if p.get_content_type() == "text/calendar")
    cal = Calendar.from_ical(part.get_payload(decode=True))
    return cal, cal.walk("VEVENT")[0]


def test_changes_and_cancellation_reach_calendars_as_updates_of_the_same_entry(app, make_user, make_event, mailbox):
    """The same UID, a rising SEQUENCE, METHOD:REQUEST then METHOD:CANCEL with STATUS:CANCELLED."""
    organiser = make_user(Role.ADMIN)
    event = make_event(title="Network meeting", location="Room 1")
    person = make_user(Role.PRACTITIONER)
    services.book(event, person, actor=person)
    db.session.commit()
    with app.test_request_context():
        services.update_event(event, actor=organiser, location="Room 2")
        db.session.commit()
        changed_cal, changed = _calendar_of(mailbox.last_to(person.email))
        services.update_event(event, actor=organiser, cancelled=True)
        db.session.commit()
        cancelled_cal, cancelled = _calendar_of(mailbox.last_to(person.email))
    assert str(changed["uid"]) == str(cancelled["uid"]) == event.uid
    assert str(changed_cal["method"]) == "REQUEST" and str(changed["location"]) == "Room 2"
    assert int(changed["sequence"]) == 1 and int(cancelled["sequence"]) == 2 == event.sequence
    assert str(cancelled_cal["method"]) == "CANCEL" and str(cancelled["status"]) == "CANCELLED"
    assert changed["dtstart"].params["TZID"] == "Europe/London" and changed_cal.walk("VTIMEZONE")
    assert cancelled["dtstamp"].dt >= changed["dtstamp"].dt
    assert "mailto:" in str(changed["organizer"])
