"""Input model for team matching: establishments, rules and constraints, validated from plain data."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

SECTORS = ("ELC", "Primary", "Secondary", "ASN")
DEFAULT_TEAMS = 8
RULE_KEYS = {"teams", "max_per_authority", "min_authorities", "min_sectors", "weights"}


class MatchingInputError(ValueError):
    """Raised when matching input is malformed; the message names the problem."""


@dataclass(frozen=True)
class Establishment:
    """One establishment: its id, local authority, sector, each person's ranked interests (none when nobody
    answered the survey: then it is placed by authority and sector alone) and an optional display name."""

    id: str
    authority: str
    sector: str
    interests: tuple[tuple[str, ...], ...]
    name: str = ""


@dataclass(frozen=True)
class Rules:
    """Rule settings; `max_per_authority=None` means max(2, ceil(max team size / 4))."""

    teams: int = DEFAULT_TEAMS
    max_per_authority: int | None = None
    min_authorities: int = 3
    min_sectors: int = 2
    weights: tuple[float, ...] = (3.0, 2.0, 1.0)


@dataclass(frozen=True)
class Problem:
    """A validated matching problem; team indices are 0-based everywhere."""

    establishments: tuple[Establishment, ...]
    rules: Rules = field(default_factory=Rules)
    pinned: Mapping[str, int] = field(default_factory=dict)
    apart: tuple[tuple[str, str], ...] = ()
    together: tuple[tuple[str, str], ...] = ()

    @property
    def ids(self) -> list[str]:
        """Establishment ids in input order."""
        return [e.id for e in self.establishments]

    def name_of(self, est_id: str) -> str:
        """The establishment's display name (its id when none was given), for messages people read."""
        names = {e.id: e.name for e in self.establishments if e.name}
        return names.get(est_id, est_id)

    @property
    def size_bounds(self) -> tuple[int, int]:
        """Smallest and largest allowed team size: floor(n/T) and ceil(n/T)."""
        n, t = len(self.establishments), self.rules.teams
        return n // t, -(-n // t)

    @property
    def authority_cap(self) -> int:
        """Most establishments of one authority allowed in a team."""
        if self.rules.max_per_authority is not None:
            return self.rules.max_per_authority
        return max(2, math.ceil(self.size_bounds[1] / 4))


def _fail(message: str) -> None:
    raise MatchingInputError(message)


def _int(value: object, name: str, minimum: int) -> int:
    # bool is an int subclass; `true` in JSON is never a sensible count.
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        _fail(f"{name} must be an integer >= {minimum}, got {value!r}")
    return value


def parse_rules(raw: object, teams: object = None) -> Rules:
    """Build Rules from an overrides dict (unknown keys are errors); `teams` wins over rules['teams']."""
    raw = {} if raw is None else raw
    if not isinstance(raw, Mapping):
        _fail("rules must be an object")
    unknown = sorted(set(raw) - RULE_KEYS)
    if unknown:
        _fail(f"unknown rule(s): {', '.join(map(str, unknown))}; known: {', '.join(sorted(RULE_KEYS))}")
    count = teams if teams is not None else raw.get("teams", DEFAULT_TEAMS)
    cap = raw.get("max_per_authority")
    weights = raw.get("weights", (3.0, 2.0, 1.0))
    if (
        not isinstance(weights, Sequence)
        or not 1 <= len(weights) <= 3
        or not all(isinstance(w, int | float) and not isinstance(w, bool) and w >= 0 for w in weights)
    ):
        _fail("rules.weights must be a list of 1 to 3 non-negative numbers")
    return Rules(
        teams=_int(count, "teams", 1),
        max_per_authority=None if cap is None else _int(cap, "rules.max_per_authority", 1),
        min_authorities=_int(raw.get("min_authorities", 3), "rules.min_authorities", 0),
        min_sectors=_int(raw.get("min_sectors", 2), "rules.min_sectors", 0),
        weights=tuple(float(w) for w in weights),
    )


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        _fail(f"{name} must be a non-empty string")
    return value.strip()


def parse_establishment(raw: object, index: int) -> Establishment:
    """Validate one establishment record."""
    if not isinstance(raw, Mapping):
        _fail(f"establishments[{index}] must be an object")
    est_id = _text(raw.get("id"), f"establishments[{index}].id")
    where = f"establishment {est_id!r}"
    authority = _text(raw.get("authority"), f"{where}: authority")
    sector = _text(raw.get("sector"), f"{where}: sector")
    if sector not in SECTORS:
        _fail(f"{where}: unknown sector {sector!r}; expected one of {', '.join(SECTORS)}")
    people = raw.get("interests")
    if not isinstance(people, list) or not len(people) <= 2:
        _fail(f"{where}: interests must be a list of 0 to 2 people's ranked interest lists")
    parsed = []
    for p, ranked in enumerate(people):
        if not isinstance(ranked, list) or not 1 <= len(ranked) <= 3:
            _fail(f"{where}: interests[{p}] must be a list of 1 to 3 ranked interests")
        labels = tuple(_text(item, f"{where}: interests[{p}] item") for item in ranked)
        if len({interest_key(label) for label in labels}) != len(labels):
            _fail(f"{where}: interests[{p}] repeats an interest")
        parsed.append(labels)
    name = raw.get("name", "")
    if not isinstance(name, str):
        _fail(f"{where}: name must be a string")
    return Establishment(est_id, authority, sector, tuple(parsed), name.strip())


def interest_key(label: str) -> str:
    """Normalise an interest label so 'Outdoor  Learning' and 'outdoor learning' match."""
    return " ".join(label.lower().split())


def _pairs(raw: object, name: str, known: set[str]) -> tuple[tuple[str, str], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        _fail(f"{name} must be a list of [id, id] pairs")
    pairs = []
    for item in raw:
        if not isinstance(item, list | tuple) or len(item) != 2 or not all(isinstance(x, str) for x in item):
            _fail(f"{name}: each entry must be a pair of ids, got {item!r}")
        a, b = item
        for x in (a, b):
            if x not in known:
                _fail(f"{name}: unknown establishment id {x!r}")
        if a == b:
            _fail(f"{name}: pair names {a!r} twice")
        pairs.append((a, b))
    return tuple(pairs)


def build_problem(
    establishments: object,
    *,
    teams: object = None,
    rules: object = None,
    pinned: object = None,
    apart: object = None,
    together: object = None,
) -> Problem:
    """Validate raw input (as decoded from JSON) into a Problem, raising MatchingInputError."""
    if not isinstance(establishments, list) or not establishments:
        _fail("establishments must be a non-empty list")
    parsed = tuple(parse_establishment(raw, i) for i, raw in enumerate(establishments))
    seen: set[str] = set()
    for est in parsed:
        if est.id in seen:
            _fail(f"duplicate establishment id {est.id!r}")
        seen.add(est.id)
    rule_set = parse_rules(rules, teams)
    if rule_set.teams > len(parsed):
        _fail(f"{rule_set.teams} teams requested but only {len(parsed)} establishments")
    pins = {} if pinned is None else pinned
    if not isinstance(pins, Mapping):
        _fail("pinned must be an object mapping id to team index")
    for est_id, team in pins.items():
        if est_id not in seen:
            _fail(f"pinned: unknown establishment id {est_id!r}")
        if isinstance(team, bool) or not isinstance(team, int) or not 0 <= team < rule_set.teams:
            _fail(f"pinned: team index {team!r} for {est_id!r} is out of range 0..{rule_set.teams - 1}")
    return Problem(
        establishments=parsed,
        rules=rule_set,
        pinned=dict(pins),
        apart=_pairs(apart, "apart", seen),
        together=_pairs(together, "together", seen),
    )


def problem_from_json(data: object) -> Problem:
    """Build a Problem from the CLI/JSON document shape."""
    if not isinstance(data, Mapping):
        _fail("input must be a JSON object")
    known = {"teams", "rules", "establishments", "pinned", "apart", "together", "current", "stay"}
    unknown = sorted(set(data) - known)
    if unknown:
        _fail(f"unknown top-level key(s): {', '.join(map(str, unknown))}")
    return build_problem(
        data.get("establishments"),
        teams=data.get("teams"),
        rules=data.get("rules"),
        pinned=data.get("pinned"),
        apart=data.get("apart"),
        together=data.get("together"),
    )
