"""The vectorised deltas agree with the exact per-step penalty and score code."""

import numpy as np
import pytest

from portal.matching import problem_from_json, similarity_matrix
from portal.matching.state import State
from portal.matching.synthetic import cohort
from portal.matching.units import build_context
from portal.matching.vector import deltas


@pytest.mark.parametrize("seed", range(3))
def test_vector_deltas_match_exact_deltas(seed):
    data = cohort(26, seed=seed, teams=4)  # sizes 6 and 7, so moves exist too
    data["apart"] = [["E000", "E001"], ["E002", "E003"], ["E000", "E004"]]
    problem = problem_from_json(data)
    ctx = build_context(problem, similarity_matrix(problem))
    rng = np.random.default_rng(seed)
    st = State(ctx, rng.permutation(np.arange(ctx.m) % ctx.teams))
    d = deltas(st)
    for u in range(ctx.m):
        for b in range(ctx.teams):
            if np.isfinite(d.move_ds[u, b]):
                assert d.move_dp[u, b] == st.move_penalty(u, b)
                assert d.move_ds[u, b] == pytest.approx(st.move_score(u, b))
        for v in range(u + 1, ctx.m):
            if np.isfinite(d.swap_ds[u, v]):
                assert d.swap_dp[u, v] == st.swap_penalty(u, v)
                assert d.swap_ds[u, v] == pytest.approx(st.swap_score(u, v))
    assert np.isfinite(d.move_ds).any() and np.isfinite(d.swap_ds).any()
    u, v = 0, int(np.flatnonzero(st.team != st.team[0])[0])
    st.swap(u, v, st.swap_penalty(u, v), st.swap_score(u, v))
    assert st.penalty == State(ctx, st.team).penalty
    assert st.score == pytest.approx(State(ctx, st.team).score)
