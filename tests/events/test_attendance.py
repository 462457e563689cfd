"""Attendance, no-shows, rates in grouped queries, and reminders that are sent once only."""

from datetime import timedelta

import pytest

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.events import attendance, services
from portal.events.models import local_now
from portal.events.reminders import send_reminders
from portal.extensions import db


def test_organiser_records_attendance_and_sees_no_shows(app, make_user, make_event, add_booking):
    organiser = make_user(Role.KEY_FACILITATOR)
    event = make_event(days=-2, organiser_id=organiser.id)
    came, absent, unknown = make_user(name="A Came"), make_user(name="B Absent"), make_user(name="C Unknown")
    for person in (came, absent, unknown):
        add_booking(event, person)
    attendance.record_attendance(event, came, True, actor=organiser)
    attendance.record_attendance(event, absent, False, actor=organiser)
    assert [b.user.name for b in attendance.booked_not_attended(event)] == ["B Absent", "C Unknown"]
    with pytest.raises(ServiceError):
        attendance.record_attendance(event, came, False, actor=make_user())
    with pytest.raises(ServiceError, match="no place"):
        attendance.record_attendance(event, make_user(), True, actor=organiser)
    with pytest.raises(ServiceError, match="day of the event"):
        attendance.record_attendance(make_event(days=3, organiser_id=organiser.id), came, True, actor=organiser)


def test_rates_per_event_and_per_context(app, make_user, make_event, add_booking):
    people = [make_user() for _ in range(4)]
    one = make_event(days=-10, context_type="theme", context_id=5)
    two = make_event(days=-3, context_type="theme", context_id=5)
    other = make_event(days=-3)
    for person, mark in zip(people, (True, True, False, None), strict=True):
        add_booking(one, person, attended=mark)
    add_booking(two, people[0], attended=True)
    add_booking(two, people[1], attended=False)
    add_booking(two, people[2], status="cancelled", attended=None)
    add_booking(other, people[3], attended=True)
    summary = attendance.attendance_summary(context_type="theme")
    assert summary.per_event[one.id].booked == 4 and summary.per_event[one.id].rate == pytest.approx(2 / 3)
    assert summary.per_event[one.id].unrecorded == 1
    assert summary.per_event[two.id].booked == 2 and summary.per_event[two.id].rate == 0.5
    theme = summary.per_context[("theme", 5)]
    assert (theme.booked, theme.attended, theme.absent) == (6, 3, 2)
    assert other.id not in summary.per_event
    everything = attendance.context_summary()
    assert everything[("partnership", None)].rate == 1.0
    assert everything[("theme", 5)] == theme


def test_reminders_go_once_to_people_booked_for_tomorrow(app, make_user, make_event, add_booking, mailbox):
    now = local_now().replace(hour=8)
    tomorrow, later = make_event(days=1, title="Drop-in tomorrow"), make_event(days=3)
    booked, waiting, cancelled = make_user(), make_user(), make_user()
    add_booking(tomorrow, booked)
    add_booking(tomorrow, waiting, status="waitlisted")
    add_booking(tomorrow, cancelled, status="cancelled")
    add_booking(later, booked)
    with app.test_request_context():
        assert send_reminders(now, after_each=db.session.commit) == 1
        assert send_reminders(now) == 0
        assert send_reminders(now + timedelta(hours=6)) == 0
    message = mailbox.last_to(booked.email)
    assert message["Subject"] == "Reminder: Drop-in tomorrow is tomorrow"
    assert len(mailbox.messages) == 1


def test_reminder_command_is_idempotent(app, make_user, make_event, add_booking, mailbox):
    person = make_user()
    add_booking(make_event(days=1), person)
    runner = app.test_cli_runner()
    assert "1 reminders sent" in runner.invoke(args=["events", "send-reminders"]).output
    assert "0 reminders sent" in runner.invoke(args=["events", "send-reminders"]).output
    assert "http://127.0.0.1:5000/events/" in mailbox.last_to(person.email).get_body().get_content()


def test_cancelled_places_do_not_count(app, make_user, make_event):
    event = make_event(capacity=1)
    a, b = make_user(), make_user()
    booking = services.book(event, a, actor=a)
    with app.test_request_context():
        services.cancel(booking, actor=a)
    assert services.book(event, b, actor=b).status == "booked"
