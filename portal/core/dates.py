"""One way to write dates for people, in pages, hints, errors and e-mails alike (the `long_date` filter)."""

from datetime import UTC, date, datetime


def utcnow() -> datetime:
    """Naive UTC now: every stored timestamp is naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def long_date(value: date | datetime | None) -> str:
    """e.g. 'Monday 14 March 2027'; empty for no date."""
    if value is None:
        return ""
    return f"{value:%A} {value.day} {value:%B %Y}"
