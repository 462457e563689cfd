"""Calendar files (.ics): one event per booking, or a feed of many, built with the icalendar library."""

from dataclasses import dataclass
from datetime import datetime

from icalendar import Calendar, Event

PRODID = "-//West Partnership//Collaborative Learning portal//EN"


@dataclass(frozen=True)
class CalendarItem:
    uid: str  # stable across updates, e.g. "event-42@westpartnership.example"
    title: str
    start: datetime
    end: datetime
    location: str = ""
    description: str = ""
    url: str = ""
    sequence: int = 0  # raise it when the item changes, so calendars update rather than duplicate
    cancelled: bool = False


def to_ics(items: list[CalendarItem], name: str = "West Partnership") -> bytes:
    """A VCALENDAR with one VEVENT per item (times are the portal's local time, Europe/London)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("method", "PUBLISH")
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("summary", item.title)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("dtstamp", datetime(2020, 1, 1))
        event.add("sequence", item.sequence)
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        if item.cancelled:
            event.add("status", "CANCELLED")
        cal.add_component(event)
    return cal.to_ical()
