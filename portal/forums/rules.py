"""Pure calculations for forums: school years, the formal-meeting limit, agenda order and timing."""

from dataclasses import dataclass
from datetime import date, datetime

MAX_FORMAL_PER_YEAR = 3


def school_year(day: date | datetime) -> int:
    """The Scottish school year runs 1 August to 31 July; named by the year it starts in."""
    return day.year if day.month >= 8 else day.year - 1


def school_year_label(start_year: int) -> str:
    return f"{start_year}-{str(start_year + 1)[-2:]}"


def formal_limit_reached(formal_dates: list[date]) -> bool:
    """True when a forum already has the most formal meetings a school year allows."""
    return len(formal_dates) >= MAX_FORMAL_PER_YEAR


def move(order: list[int], item_id: int, direction: str) -> list[int]:
    """The order after moving `item_id` one place "up" or "down" (unchanged at either end)."""
    order = list(order)
    i = order.index(item_id)
    j = i - 1 if direction == "up" else i + 1
    if 0 <= j < len(order):
        order[i], order[j] = order[j], order[i]
    return order


@dataclass(frozen=True)
class Timing:
    allotted: int
    length: int

    @property
    def over(self) -> int:
        return max(0, self.allotted - self.length)

    @property
    def spare(self) -> int:
        return max(0, self.length - self.allotted)

    @property
    def summary(self) -> str:
        if self.over:
            return f"{self.allotted} of {self.length} minutes planned: {self.over} minutes over the meeting"
        return f"{self.allotted} of {self.length} minutes planned ({self.spare} minutes spare)"


def timing(allotted: list[int], length: int) -> Timing:
    return Timing(sum(allotted), length)


def tags_to_store(text: str) -> str:
    """Comma-separated tags in, ",a,b," out (lower case, unique, in order) so one LIKE matches a whole tag."""
    seen = []
    for raw in text.split(","):
        tag = " ".join(raw.strip().lower().split())[:40]
        if tag and tag not in seen:
            seen.append(tag)
    return f",{','.join(seen)}," if seen else ""


def carried_title(what: str, who: str, due: date | None) -> str:
    """The agenda item title for an open action carried forward from an earlier meeting."""
    parts = [p for p in (who, f"due {due.strftime('%-d %B %Y')}" if due else "") if p]
    extra = f" ({', '.join(parts)})" if parts else ""
    return f"Carried forward: {what}{extra}"[:200]
