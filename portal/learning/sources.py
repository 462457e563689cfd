"""What other domains offer the learning record: a small registry of portal activities a person took part in
(a module completed, a team's enquiry stage reached, an account of practice published ...). Each domain
registers its own finder from its init_app, so learning imports none of them.

A finder is called with (user, limit) and returns Activity rows for that user only; `one(user, source_id)`
returns the same row for one id, or None when it is not that user's (the check before adding it)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Activity:
    source: str  # the registered source name, e.g. "leadership_module"
    source_id: int
    kind: str  # a learning entry kind (portal.learning.models.KINDS)
    title: str
    started_on: date
    hours: Decimal = Decimal("0")
    booking_id: int | None = None  # an attended booking this activity stands for (not suggested twice)


@dataclass(frozen=True)
class Source:
    label: str  # how the record's suggestion list names this kind of activity
    find: Callable[..., list[Activity]]
    one: Callable[..., Activity | None]


SOURCES: dict[str, Source] = {}


def register_source(name: str, label: str, find: Callable, one: Callable) -> None:
    """Called by the owning domain's init_app (idempotent)."""
    SOURCES[name] = Source(label, find, one)
