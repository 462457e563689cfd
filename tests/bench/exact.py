"""Exact reference optimum for benchmark cohorts: a clique-partitioning MILP solved by HiGHS (dev-only).

Model (no team labels, so no team symmetry): w[i,j] binary = "i and j share a team", for i < j.
  triangle inequalities w_ij + w_jk - w_ik <= 1 (all three orientations) make "same team" transitive;
  sum_j w_ij = lo - 1 + d_i with d_i binary and sum_i d_i = r * hi (r = n mod T teams of size hi = ceil,
  the rest of size lo = floor), which forces exactly T teams of the allowed sizes;
  authority cap: sum_{j same authority as i} w_ij <= cap - 1;
  >= k authorities: a[i,l] <= [l is i's authority] + sum_{j in l} w_ij, a <= 1, sum_l a[i,l] >= k;
  >= k sectors likewise. Maximise sum S_ij w_ij. Pins, apart and together are not modelled:
  benchmark cohorts have none.
"""

from __future__ import annotations

import itertools

import highspy
import numpy as np
from scipy.sparse import coo_matrix

from portal.matching.problem import Problem
from portal.matching.similarity import similarity_matrix


def solve_exact(problem: Problem, time_limit: float = 300.0, incumbent: list[list[str]] | None = None) -> dict:
    """Optimum (or best found plus proven upper bound) under the default hard rules.

    `incumbent` (teams of ids, e.g. the engine's plan) is handed to HiGHS as a starting solution: it only
    lets branch-and-bound prune earlier; the bound and optimality proof are HiGHS's own.
    """
    sim = similarity_matrix(problem)
    ests = problem.establishments
    n, T = len(ests), problem.rules.teams
    lo, hi = problem.size_bounds
    r_big = n - lo * T
    pairs = list(itertools.combinations(range(n), 2))
    pid = {q: p for p, q in enumerate(pairs)}
    las = sorted({e.authority for e in ests})
    secs = sorted({e.sector for e in ests})
    npair = len(pairs)
    d0 = npair
    a0 = d0 + n
    s0 = a0 + n * len(las)
    nvar = s0 + n * len(secs)

    def w(i, j):
        return pid[(i, j) if i < j else (j, i)]

    rows, cols, vals, lb, ub = [], [], [], [], []
    count = 0

    def row(entries, low, high):
        nonlocal count
        for c, v in entries:
            rows.append(count)
            cols.append(c)
            vals.append(v)
        lb.append(low)
        ub.append(high)
        count += 1

    for i, j, k in itertools.combinations(range(n), 3):
        ij, ik, jk = pid[i, j], pid[i, k], pid[j, k]
        row([(ij, 1), (jk, 1), (ik, -1)], -np.inf, 1)
        row([(ij, 1), (ik, 1), (jk, -1)], -np.inf, 1)
        row([(ik, 1), (jk, 1), (ij, -1)], -np.inf, 1)
    for i in range(n):
        row([(w(i, j), 1) for j in range(n) if j != i] + [(d0 + i, -1)], lo - 1, lo - 1)
    row([(d0 + i, 1) for i in range(n)], r_big * hi, r_big * hi)
    cap, rules = problem.authority_cap, problem.rules
    for groups, attr, base, minimum in (
        (las, "authority", a0, rules.min_authorities),
        (secs, "sector", s0, rules.min_sectors),
    ):
        for i in range(n):
            own = getattr(ests[i], attr)
            for k, g in enumerate(groups):
                mates = [j for j in range(n) if j != i and getattr(ests[j], attr) == g]
                if attr == "authority" and g == own:
                    row([(w(i, j), 1) for j in mates], -np.inf, cap - 1)
                row([(base + i * len(groups) + k, 1)] + [(w(i, j), -1) for j in mates], -np.inf, int(g == own))
            row([(base + i * len(groups) + k, 1) for k in range(len(groups))], minimum, np.inf)
    c = np.zeros(nvar)
    for p, (i, j) in enumerate(pairs):
        c[p] = -sim[i, j]
    a = coo_matrix((vals, (rows, cols)), shape=(count, nvar)).tocsr()
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 1e-6)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = nvar, count
    lp.col_cost_, lp.col_lower_, lp.col_upper_ = c, np.zeros(nvar), np.ones(nvar)
    lp.row_lower_, lp.row_upper_ = np.array(lb, dtype=float), np.array(ub, dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_, lp.a_matrix_.index_, lp.a_matrix_.value_ = a.indptr, a.indices, a.data
    lp.integrality_ = [highspy.HighsVarType.kInteger] * a0 + [highspy.HighsVarType.kContinuous] * (nvar - a0)
    h.passModel(lp)
    if incumbent:
        x0 = np.zeros(nvar)
        index = {e.id: i for i, e in enumerate(ests)}
        for members in incumbent:
            idx = [index[m] for m in members]
            for i in idx:
                x0[d0 + i] = len(idx) - lo
                for k, g in enumerate(las):
                    x0[a0 + i * len(las) + k] = any(ests[j].authority == g for j in idx)
                for k, g in enumerate(secs):
                    x0[s0 + i * len(secs) + k] = any(ests[j].sector == g for j in idx)
            for i, j in itertools.combinations(sorted(idx), 2):
                x0[pid[i, j]] = 1
        start = highspy.HighsSolution()
        start.col_value = list(x0)
        h.setSolution(start)
    h.run()
    status = h.getModelStatus()
    info = h.getInfo()
    solution = h.getSolution()
    have = info.primal_solution_status > 0
    x = np.array(solution.col_value) if have else None
    best = -float(info.objective_function_value) if have else None
    bound = -float(info.mip_dual_bound)
    optimal = status == highspy.HighsModelStatus.kOptimal
    teams = None
    if x is not None:
        same = x[:npair] > 0.5
        team_of = list(range(n))
        for p, (i, j) in enumerate(pairs):
            if same[p]:
                team_of[j] = min(team_of[j], team_of[i])
        groups: dict[int, list[str]] = {}
        for i in range(n):
            groups.setdefault(team_of[i], []).append(ests[i].id)
        teams = list(groups.values())
    return {
        "optimal": optimal,
        "message": h.modelStatusToString(status),
        "best": best,
        "bound": bound,
        "gap": None if best is None or bound is None else (bound - best) / max(abs(best), 1e-9),
        "teams": teams,
    }
