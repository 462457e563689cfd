"""Calendar files (.ics): one event per booking, or a feed of many, built with the icalendar library.

What calendar clients (Outlook, Google, Apple) match an update on: the same UID, a higher SEQUENCE and a
later DTSTAMP; METHOD:REQUEST/CANCEL in e-mails (with an ORGANIZER), STATUS:CANCELLED to remove an entry.
Times are the portal's naive local time, written with TZID=Europe/London and its VTIMEZONE.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress

PRODID = "-//West Partnership//Collaborative Learning portal//EN"
LONDON = ZoneInfo("Europe/London")
METHODS = ("PUBLISH", "REQUEST", "CANCEL")  # a download or feed; an invitation or update; a cancellation


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


def london_timezone() -> Timezone:
    """Europe/London as a VTIMEZONE: BST from the last Sunday of March, GMT from the last Sunday of October."""
    tz = Timezone()
    tz.add("tzid", "Europe/London")
    for part, name, start, offsets, month in (
        (TimezoneDaylight(), "BST", datetime(1970, 3, 29, 1), ("+0000", "+0100"), 3),
        (TimezoneStandard(), "GMT", datetime(1970, 10, 25, 2), ("+0100", "+0000"), 10),
    ):
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        part.add("tzoffsetfrom", _offset(offsets[0]))
        part.add("tzoffsetto", _offset(offsets[1]))
        tz.add_component(part)
    return tz


def _offset(text: str) -> timedelta:
    return timedelta(hours=int(text[:3]), minutes=int(text[0] + text[3:]))


def _address(sender: str) -> vCalAddress:
    """ORGANIZER from a sender such as "West Partnership portal <no-reply@...>"."""
    display, address = parseaddr(sender)
    value = vCalAddress(f"mailto:{address}")
    if display:
        value.params["cn"] = display
    return value


def _local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=LONDON) if moment.tzinfo is None else moment.astimezone(LONDON)


def to_ics(
    items: list[CalendarItem],
    name: str = "West Partnership",
    *,
    method: str = "PUBLISH",
    organizer: str = "",
    stamp: datetime | None = None,
) -> bytes:
    """A VCALENDAR with one VEVENT per item. `method` REQUEST or CANCEL is for e-mail (give `organizer`, the
    sender, "Name <address>"); CANCEL marks every item cancelled. `stamp` (DTSTAMP) defaults to now, in UTC."""
    if method not in METHODS:
        raise ValueError(f"unknown METHOD {method}")
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    cal.add_component(london_timezone())
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", item.sequence)
        event.add("summary", item.title)
        event.add("dtstart", _local(item.start))
        event.add("dtend", _local(item.end))
        if organizer:
            event.add("organizer", _address(organizer))
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        event.add("status", "CANCELLED" if item.cancelled or method == "CANCEL" else "CONFIRMED")
        cal.add_component(event)
    return cal.to_ical()
