"""Seeded synthetic cohorts with planted interest communities, for tests, demos and benchmarks."""

from __future__ import annotations

import random

from .problem import SECTORS

INTERESTS = (
    "numeracy", "literacy", "outdoor learning", "digital skills", "wellbeing", "parental engagement",
    "play pedagogy", "assessment", "equity", "STEM", "inclusion", "transitions", "feedback",
    "questioning", "leadership", "attendance", "creativity", "languages", "nurture", "sustainability",
)  # fmt: skip
AUTHORITIES = (
    "East Dunbartonshire", "East Renfrewshire", "Glasgow City", "Inverclyde",
    "North Lanarkshire", "Renfrewshire", "South Lanarkshire", "West Dunbartonshire",
)  # fmt: skip


def cohort(n: int, *, seed: int = 0, communities: int = 8, noise: float = 0.25, teams: int = 8) -> dict:
    """A JSON-shaped cohort of n establishments; each leans towards one of `communities` interest sets."""
    rng = random.Random(seed)
    pools = [rng.sample(INTERESTS, 4) for _ in range(communities)]
    establishments = []
    for i in range(n):
        pool = pools[rng.randrange(communities)]
        people = []
        for _ in range(rng.choice((1, 2, 2, 2))):
            ranked: list[str] = []
            while len(ranked) < 3:
                source = INTERESTS if rng.random() < noise else pool
                pick = rng.choice(source)
                if pick not in ranked:
                    ranked.append(pick)
            people.append(ranked)
        establishments.append(
            {
                "id": f"E{i:03d}",
                "authority": AUTHORITIES[rng.randrange(len(AUTHORITIES))],
                "sector": rng.choices(SECTORS, weights=(2, 5, 3, 1))[0],
                "interests": people,
            }
        )
    return {"teams": teams, "establishments": establishments}


# How many pairs a matching event keeps together and apart, per 50 establishments: a room of about 50 usually
# has a couple of establishments that work as one (a shared campus, a federation: together) and a few that must
# not share a team (a head who leads both, a pair in dispute, an LA's wish to spread its schools: apart).
PAIRS_PER_50 = {"together": 2, "apart": 3}


def pairs(ids: list, *, rng: random.Random, team_of: dict | None = None) -> dict[str, list[tuple]]:
    """Keep-together and keep-apart pairs among `ids` at PAIRS_PER_50's density, no establishment in two pairs
    (so no pair contradicts another). With `team_of` (id -> team), the pairs agree with those teams: together
    within a team, apart across two, as a published plan that honoured them would."""
    free = list(ids)
    rng.shuffle(free)
    found: dict[str, list[tuple]] = {"together": [], "apart": []}
    for kind, per_50 in PAIRS_PER_50.items():
        wanted = max(1, round(per_50 * len(ids) / 50)) if len(ids) >= 10 else 0
        while len(found[kind]) < wanted and len(free) >= 2:
            first = free.pop()
            fits = [
                o for o in free if team_of is None or (team_of.get(o) == team_of.get(first)) == (kind == "together")
            ]
            if not fits:
                continue
            second = fits[0]
            free.remove(second)
            found[kind].append((first, second))
    return found
