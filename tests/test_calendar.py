"""Calendar files as clients read them: parsed back with icalendar, checking what a client matches on."""

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from portal.core.calendar import CalendarItem, to_ics

SUMMER = CalendarItem(
    "event-1@westpartnership.example", "Launch", datetime(2026, 6, 3, 16), datetime(2026, 6, 3, 17), sequence=2
)
WINTER = CalendarItem(
    "event-2@westpartnership.example", "Drop-in", datetime(2026, 12, 1, 16), datetime(2026, 12, 1, 17), cancelled=True
)


def parse(data: bytes):
    cal = Calendar.from_ical(data)
    return cal, {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_times_carry_europe_london_with_its_vtimezone_so_summer_and_winter_are_right():
    cal, events = parse(to_ics([SUMMER, WINTER]))
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    summer = events[SUMMER.uid]["dtstart"]
    assert summer.params["TZID"] == "Europe/London"
    assert summer.dt.astimezone(UTC) == datetime(2026, 6, 3, 15, tzinfo=UTC)  # BST
    assert events[WINTER.uid]["dtstart"].dt.astimezone(UTC) == datetime(2026, 12, 1, 16, tzinfo=UTC)  # GMT
    assert b"DTSTART;TZID=Europe/London:20260603T160000" in to_ics([SUMMER])


def test_dtstamp_is_the_moment_of_writing_in_utc():
    before = datetime.now(UTC).replace(microsecond=0)
    _, events = parse(to_ics([SUMMER]))
    stamp = events[SUMMER.uid]["dtstamp"].dt
    assert stamp.tzinfo is not None and before <= stamp <= datetime.now(UTC) + timedelta(seconds=1)
    fixed = datetime(2026, 11, 30, 12, tzinfo=UTC)
    assert parse(to_ics([SUMMER], stamp=fixed))[1][SUMMER.uid]["dtstamp"].dt == fixed


def test_uid_sequence_and_status_are_what_a_client_matches_an_update_on():
    cal, events = parse(to_ics([SUMMER, WINTER]))
    assert str(cal["method"]) == "PUBLISH"
    assert int(events[SUMMER.uid]["sequence"]) == 2 and str(events[SUMMER.uid]["status"]) == "CONFIRMED"
    assert str(events[WINTER.uid]["status"]) == "CANCELLED"


def test_e_mail_methods_name_the_organizer_and_cancel_cancels():
    sender = "West Partnership portal <no-reply@westpartnership.example>"
    cal, events = parse(to_ics([SUMMER], method="REQUEST", organizer=sender))
    assert str(cal["method"]) == "REQUEST"
    organizer = events[SUMMER.uid]["organizer"]
    assert str(organizer) == "mailto:no-reply@westpartnership.example"
    assert organizer.params["CN"] == "West Partnership portal"
    cal, events = parse(to_ics([SUMMER], method="CANCEL", organizer=sender))
    assert str(cal["method"]) == "CANCEL" and str(events[SUMMER.uid]["status"]) == "CANCELLED"
    with pytest.raises(ValueError):
        to_ics([SUMMER], method="REPLY")
