"""One way to write dates for people, in pages, hints, errors and e-mails alike (the `long_date` filter)."""

from datetime import date, datetime


def long_date(value: date | datetime | None) -> str:
    """e.g. 'Monday 14 March 2027'; empty for no date."""
    if value is None:
        return ""
    return f"{value:%A} {value.day} {value:%B %Y}"
