"""Helpers for matching tests: compact establishment records and brute-force optima."""

from __future__ import annotations

import itertools

from portal.matching import check_plan, similarity_matrix, total_score


def est(est_id, authority="LA1", sector="Primary", *people):
    """One establishment record in the JSON shape; people default to one person with three interests."""
    return {
        "id": est_id,
        "authority": authority,
        "sector": sector,
        "interests": [list(p) for p in people] or [["numeracy", "literacy", "wellbeing"]],
    }


def partitions(items, sizes):
    """Every way to split items into ordered teams of the given sizes."""
    if not sizes:
        yield []
        return
    for first in itertools.combinations(items, sizes[0]):
        rest = [i for i in items if i not in first]
        for tail in partitions(rest, sizes[1:]):
            yield [list(first), *tail]


def brute_force(problem):
    """Best legal score over all partitions (sizes floor/ceil in every order); None if none is legal."""
    sim = similarity_matrix(problem)
    ids = problem.ids
    lo, hi = problem.size_bounds
    big = len(ids) - lo * problem.rules.teams
    best = None
    for pattern in set(itertools.permutations([hi] * big + [lo] * (problem.rules.teams - big))):
        for teams in partitions(list(range(len(ids))), list(pattern)):
            named = [[ids[i] for i in t] for t in teams]
            if check_plan(problem, named):
                continue
            score = total_score(sim, teams)
            best = score if best is None else max(best, score)
    return best
