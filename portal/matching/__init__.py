"""Team matching for Collaborative Learning Network cohorts: a pure calculation with no Flask."""

from .engine import Plan, baseline, iteration_budget, match, preview_move
from .problem import (
    SECTORS,
    Establishment,
    MatchingInputError,
    Problem,
    Rules,
    build_problem,
    problem_from_json,
)
from .rules import check_plan
from .similarity import interest_vectors, similarity_matrix, total_score

__all__ = [
    "SECTORS",
    "Establishment",
    "MatchingInputError",
    "Plan",
    "Problem",
    "Rules",
    "baseline",
    "build_problem",
    "check_plan",
    "interest_vectors",
    "iteration_budget",
    "match",
    "preview_move",
    "problem_from_json",
    "similarity_matrix",
    "total_score",
]
