"""Interest vectors, the cosine similarity matrix and the team score."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .problem import Problem, interest_key


def vocabulary(problem: Problem) -> tuple[list[str], list[str]]:
    """Interest keys in first-seen order, and the label first used for each."""
    keys: dict[str, str] = {}
    for est in problem.establishments:
        for ranked in est.interests:
            for label in ranked:
                keys.setdefault(interest_key(label), label)
    return list(keys), list(keys.values())


def interest_vectors(problem: Problem) -> np.ndarray:
    """One row per establishment: summed rank weights (3/2/1 by default) of its people's interests."""
    keys, _ = vocabulary(problem)
    column = {k: c for c, k in enumerate(keys)}
    weights = problem.rules.weights
    vectors = np.zeros((len(problem.establishments), len(keys)))
    for row, est in enumerate(problem.establishments):
        for ranked in est.interests:
            for rank, label in enumerate(ranked[: len(weights)]):
                vectors[row, column[interest_key(label)]] += weights[rank]
    return vectors


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Each row scaled to length 1 (zero rows stay zero), so a dot product is the cosine similarity."""
    norms = np.linalg.norm(vectors, axis=1)
    safe = np.where(norms > 0, norms, 1.0)
    return vectors / safe[:, None]


def cosine_matrix(vectors: np.ndarray) -> np.ndarray:
    """Pairwise cosine similarity with a zero diagonal (a zero vector is similar to nothing)."""
    unit = unit_rows(vectors)
    sim = unit @ unit.T
    np.fill_diagonal(sim, 0.0)
    return sim


def similarity_matrix(problem: Problem) -> np.ndarray:
    """Cosine similarity between every pair of establishments, in input order."""
    return cosine_matrix(interest_vectors(problem))


def team_score(sim: np.ndarray, members: Sequence[int]) -> float:
    """Sum of similarity over unordered pairs within one team."""
    idx = np.asarray(members, dtype=int)
    return float(sim[np.ix_(idx, idx)].sum() / 2.0) if len(idx) > 1 else 0.0


def total_score(sim: np.ndarray, teams: Sequence[Sequence[int]]) -> float:
    """Objective: summed within-team pairwise similarity over all teams."""
    return sum(team_score(sim, members) for members in teams)
