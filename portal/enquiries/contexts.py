"""What a network team's enquiry pages show about the cohort it was matched in (label, question, team space).

Enquiries never import cohorts: the cohorts domain registers one provider, `provider(team_ids) ->
{team_id: NetworkContext}` (one query for any number of teams), and these pages call `for_teams`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import g


@dataclass(frozen=True)
class NetworkContext:
    label: str  # e.g. "Collaborative Learning Network cohort 2026-27 A, Team 3"
    question: str  # the enquiry question, kept (once) in the cohort's team space
    space_url: str  # the cohort team space: members, question, observation plan, support meetings


_providers: list[Callable] = []


def register_network_provider(provider: Callable) -> None:
    if provider not in _providers:
        _providers.append(provider)


def for_teams(team_ids) -> dict[int, NetworkContext]:
    ids = [i for i in team_ids if i is not None]
    found: dict[int, NetworkContext] = {}
    for provider in _providers if ids else []:
        found |= provider(ids)
    return found


def for_team(team) -> NetworkContext | None:
    """The context of one network team (None for themed teams), looked up once per request."""
    if team is None or team.kind != "network":
        return None
    cache = g.setdefault("network_contexts", {})
    if team.id not in cache:
        cache[team.id] = for_teams([team.id]).get(team.id)
    return cache[team.id]
