"""What other domains add to an event page (e.g. practice: the accounts presented at a sharing event).

Events never import those domains: a domain registers `provider(event, user) -> EventExtra | None` in its
init_app, and the event page shows every extra a provider returns (one or two queries each).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class EventExtra:
    title: str
    links: list  # (label, url)


_providers: list[Callable] = []


def register_event_extra(provider: Callable) -> None:
    if provider not in _providers:
        _providers.append(provider)


def extras_for(event, user) -> list[EventExtra]:
    return [extra for provider in _providers if (extra := provider(event, user)) is not None]
