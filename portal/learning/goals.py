"""What the record knows of a person's leadership plan goals, so a PRD target can link to one: a provider
registered by the leadership domain from its init_app (learning imports none of it).

`own(user)` lists the goals of the user's own plans; `by_ids(ids)` reads the named goals with their progress,
in one query whatever their number."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Goal:
    id: int
    owner_id: int
    plan_id: int
    plan_title: str
    what: str
    progress: str  # the latest progress status, in words
    updates: int  # how many progress updates
    last_update: date | None

    @property
    def label(self) -> str:
        return self.what if len(self.what) <= 90 else self.what[:89] + "…"


@dataclass(frozen=True)
class Provider:
    own: Callable[..., list[Goal]]
    by_ids: Callable[..., dict[int, Goal]]


PROVIDER: dict[str, Provider] = {}


def register_goals(own: Callable, by_ids: Callable) -> None:
    """Called by the leadership domain's init_app (idempotent)."""
    PROVIDER["goals"] = Provider(own, by_ids)


def own_goals(user) -> list[Goal]:
    found = PROVIDER.get("goals")
    return found.own(user) if found else []


def goals_by_id(ids) -> dict[int, Goal]:
    found, ids = PROVIDER.get("goals"), {i for i in ids if i}
    return found.by_ids(ids) if found and ids else {}
