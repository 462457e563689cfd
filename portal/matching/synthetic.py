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
