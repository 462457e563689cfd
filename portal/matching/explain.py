"""Plain-language team reports and one-line reasons for each establishment's placement."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from .problem import Problem
from .similarity import team_score


def _top(vector: np.ndarray, labels: Sequence[str], k: int) -> list[str]:
    # Ties break by first-seen interest order so reports are stable.
    order = sorted(np.flatnonzero(vector > 0), key=lambda c: (-vector[c], c))
    return [labels[c] for c in order[:k]]


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def shared_percent(score: float, pairs: float) -> int:
    """A score on a scale people read: the share (0-100) of the interests its pairs could possibly share.

    Each pair's similarity is the cosine of their ranked-interest vectors: 1 when they put the same interests
    in the same order, 0 when they share none; the mean over pairs is that share."""
    return round(100 * score / pairs) if pairs else 0


def plan_shared_percent(teams: Sequence[Sequence[object]], score: float) -> int:
    """shared_percent for a whole plan (pairs counted inside every team)."""
    return shared_percent(score, sum(len(m) * (len(m) - 1) / 2 for m in teams))


def team_reports(
    problem: Problem,
    teams: Sequence[Sequence[int]],
    vectors: np.ndarray,
    sim: np.ndarray,
    labels: Sequence[str],
) -> list[dict]:
    """Per team: its two dominant interests, authorities, sectors, size and mean pairwise similarity."""
    out = []
    for t, members in enumerate(teams):
        ests = [problem.establishments[i] for i in members]
        pairs = len(members) * (len(members) - 1) / 2
        total = vectors[list(members)].sum(axis=0) if members else np.zeros(len(labels))
        out.append(
            {
                "team": t,
                "size": len(members),
                "interests": _top(total, labels, 2),
                "authorities": dict(sorted(Counter(e.authority for e in ests).items())),
                "sectors": dict(sorted(Counter(e.sector for e in ests).items())),
                "score": round(team_score(sim, members), 6),
                "mean_similarity": round(team_score(sim, members) / pairs, 6) if pairs else 0.0,
                "shared_percent": shared_percent(team_score(sim, members), pairs),
            }
        )
    return out


def reasons(problem: Problem, teams: Sequence[Sequence[int]], vectors: np.ndarray, labels: Sequence[str]) -> dict:
    """One line per establishment: which of its top interests it shares, and with how many teammates."""
    out = {}
    for members in teams:
        for i in members:
            mates = [j for j in members if j != i]
            est_id = problem.establishments[i].id
            if not mates:
                out[est_id] = "only member of its team"
                continue
            if not vectors[i].any():
                out[est_id] = "no survey answers: placed by local authority and sector"
                continue
            own = [c for c in sorted(np.flatnonzero(vectors[i] > 0), key=lambda c: (-vectors[i, c], c))]
            held = vectors[mates] > 0
            shared = [c for c in own if held[:, c].any()][:2]
            if not shared:
                out[est_id] = f"shares none of its interests with its {len(mates)} teammates; placed for balance"
                continue
            count = int(held[:, shared].any(axis=1).sum())
            names = _join([labels[c] for c in shared])
            out[est_id] = f"shares {names} with {count} of {len(mates)}"
    return out
