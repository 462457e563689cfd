"""Public entry points: match a cohort into teams, re-optimise around pins, preview a manual move."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from .explain import reasons, team_reports
from .problem import MatchingInputError, Problem
from .rules import check_plan
from .search import construct, repair_only, tabu_search
from .similarity import cosine_matrix, interest_vectors, total_score, vocabulary
from .units import anchor, build_context, establishment_teams, unit_assignment

# Iterations per second of budget. Measured in CPU time on the dev machine: ~8000 it/s at 50 units,
# ~5800 at 100. Set below that so the budget, not the clock, ends a run and the result depends only on the
# seed. The time limit caps the CPU time the run spends (time.process_time), not the wall clock: on a machine
# busy with other work the run waits for a core without losing its budget; only a core far slower than this
# one cuts a run short (stats["stopped"] == "time").
ITERATIONS_PER_SECOND_AT_50 = 6000
# The stability penalty the portal uses when re-optimising: a move away must gain this much similarity
# (about a tenth of one good pair). Measured in tests/matching/test_stability.py: on realistic cohorts the
# stable plan moves a handful of establishments and stays within 1% of the unconstrained re-optimisation.
STAY = 0.1


@dataclass
class Plan:
    """A matching result: teams of ids (0-based team indices), score, rule violations and explanations."""

    teams: list[list[str]]
    score: float
    violations: list[dict]
    report: list[dict] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    moved: list[dict] = field(default_factory=list)
    stats: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Plain JSON-ready dict."""
        return asdict(self)


def iteration_budget(n_units: int, time_limit: float) -> int:
    """Deterministic iteration budget for a time limit; iterations slow down about as sqrt(units)."""
    rate = ITERATIONS_PER_SECOND_AT_50 * min(1.0, (50 / max(n_units, 1)) ** 0.5)
    return max(50, int(rate * time_limit))


def _analyse(problem: Problem):
    vectors = interest_vectors(problem)
    sim = cosine_matrix(vectors)
    return vectors, sim, vocabulary(problem)[1]


def _current_teams(problem: Problem, current: object) -> np.ndarray:
    """Team per establishment from `current` (lists of ids per team, or id -> team); -1 where absent."""
    index = {e: i for i, e in enumerate(problem.ids)}
    teams = problem.rules.teams
    if isinstance(current, Mapping):
        pairs = list(current.items())
    elif isinstance(current, Sequence) and not isinstance(current, str):
        if len(current) > teams:
            raise MatchingInputError(f"current has {len(current)} teams but only {teams} are allowed")
        pairs = [(e, t) for t, members in enumerate(current) for e in members]
    else:
        raise MatchingInputError("current must be a list of teams (lists of ids) or an id -> team object")
    out = np.full(len(index), -1, dtype=int)
    for est_id, t in pairs:
        if est_id not in index:
            raise MatchingInputError(f"current: unknown establishment id {est_id!r}")
        if isinstance(t, bool) or not isinstance(t, int) or not 0 <= t < teams:
            raise MatchingInputError(f"current: team index {t!r} for {est_id!r} is out of range 0..{teams - 1}")
        if out[index[est_id]] >= 0:
            raise MatchingInputError(f"current: {est_id!r} appears twice")
        out[index[est_id]] = t
    return out


def _plan(problem: Problem, est_team: np.ndarray, analysis, stats: dict, before: np.ndarray | None) -> Plan:
    vectors, sim, labels = analysis
    idx_teams = [[int(i) for i in np.flatnonzero(est_team == t)] for t in range(problem.rules.teams)]
    ids = problem.ids
    teams = [[ids[i] for i in members] for members in idx_teams]
    moved = []
    if before is not None:
        moved = [
            {"id": ids[i], "from": int(before[i]) if before[i] >= 0 else None, "to": int(est_team[i])}
            for i in range(len(ids))
            if before[i] != est_team[i]
        ]
    return Plan(
        teams=teams,
        score=total_score(sim, idx_teams),
        violations=check_plan(problem, teams),
        report=team_reports(problem, idx_teams, vectors, sim, labels),
        reasons=reasons(problem, idx_teams, vectors, labels),
        moved=moved,
        stats=stats,
    )


def relabel(est_team: np.ndarray, before: np.ndarray, fixed: set[int], teams: int) -> np.ndarray:
    """Renumber the teams of a plan to overlap the current plan most (teams named by a pin keep their number).

    Teams are interchangeable for the score, so a search may return team 3 as "team 5": to the room that
    looks like everyone moved. Greedy pairing by overlap is exact enough for eight teams."""
    overlap = np.zeros((teams, teams), dtype=int)
    placed = before >= 0
    np.add.at(overlap, (est_team[placed], before[placed]), 1)
    mapping = {t: t for t in fixed}
    free = [t for t in range(teams) if t not in fixed]
    pairs = sorted(((-overlap[a, b], a, b) for a in free for b in free), key=lambda x: x)
    taken = set()
    for _, new, old in pairs:
        if new not in mapping and old not in taken:
            mapping[new] = old
            taken.add(old)
    return np.array([mapping[int(t)] for t in est_team], dtype=int)


def _search(problem, analysis, start_est, seed, iterations, deadline, stay=0.0):
    ctx = build_context(problem, analysis[1])
    rng = np.random.default_rng(seed)
    start = None if start_est is None else unit_assignment(ctx, start_est)
    state = construct(ctx, rng, "greedy", start)
    state, stats = tabu_search(state, rng, iterations, deadline)
    return ctx, state, stats


def match(
    problem: Problem,
    *,
    time_limit: float | None = 1.0,
    seed: int = 0,
    current: object = None,
    max_iterations: int | None = None,
    stay: float = 0.0,
) -> Plan:
    """Best plan found within the budget; `current` re-optimises from an existing plan (pins kept).

    With `current`, `stay` (>= 0) is the score an establishment's move away from its current team must gain
    to be taken, so a re-optimisation in the room does not reshuffle everyone for a sliver (see STAY): the
    search first improves freely, then walks back every move that is not worth its `stay`."""
    if isinstance(stay, bool) or not isinstance(stay, int | float) or not 0 <= stay < 100:
        raise MatchingInputError(f"stay must be a number from 0 to 100, got {stay!r}")
    started, cpu_started = time.perf_counter(), time.process_time()
    analysis = _analyse(problem)
    before = None if current is None else _current_teams(problem, current)
    if max_iterations is None:
        max_iterations = iteration_budget(len(problem.ids), time_limit or 1.0)
    deadline = None if time_limit is None else cpu_started + time_limit
    ctx, state, stats = _search(problem, analysis, before, seed, max_iterations, deadline)
    est_team = establishment_teams(ctx, state.team, len(problem.ids))
    if before is not None:
        est_team = relabel(est_team, before, set(problem.pinned.values()), problem.rules.teams)
        if stay > 0:
            ctx = build_context(problem, analysis[1])
            anchor(ctx, unit_assignment(ctx, before), float(stay))
            rng = np.random.default_rng(seed + 1)
            state = construct(ctx, rng, "greedy", unit_assignment(ctx, est_team))
            state, second = tabu_search(state, rng, max(50, max_iterations // 2), deadline)
            est_team = establishment_teams(ctx, state.team, len(problem.ids))
            stats["iterations"] += second["iterations"]
            stats["stay"] = stay
    stats["seconds"] = round(time.perf_counter() - started, 4)
    stats["cpu_seconds"] = round(time.process_time() - cpu_started, 4)
    stats["seed"] = seed
    return _plan(problem, est_team, analysis, stats, before)


def baseline(problem: Problem, *, mode: str = "greedy", seed: int = 0) -> Plan:
    """Benchmark baselines: 'greedy' (construction only) or 'random' (legal, not optimised)."""
    started = time.perf_counter()
    analysis = _analyse(problem)
    ctx = build_context(problem, analysis[1])
    state = construct(ctx, np.random.default_rng(seed), mode)
    repair_only(state)  # no score-driven steps, so the baseline stays naive but legal
    stats = {"seconds": round(time.perf_counter() - started, 4), "mode": mode}
    return _plan(problem, establishment_teams(ctx, state.team, len(problem.ids)), analysis, stats, None)


def preview_move(problem: Problem, teams: Sequence[Sequence[str]], est_id: str, to_team: int) -> dict:
    """Score change and rule violations that moving one establishment to `to_team` would cause."""
    if isinstance(to_team, bool) or not isinstance(to_team, int) or not 0 <= to_team < problem.rules.teams:
        raise MatchingInputError(f"team index {to_team!r} is out of range 0..{problem.rules.teams - 1}")
    where = _current_teams(problem, [list(m) for m in teams])
    index = {e: i for i, e in enumerate(problem.ids)}
    if est_id not in index:
        raise MatchingInputError(f"unknown establishment id {est_id!r}")
    if where[index[est_id]] < 0:
        raise MatchingInputError(f"{est_id!r} is not in any team")
    sim = cosine_matrix(interest_vectors(problem))
    as_idx = [[index[e] for e in members] for members in teams]
    after = [[e for e in members if e != est_id] for members in teams]
    after += [[] for _ in range(problem.rules.teams - len(after))]
    after[to_team].append(est_id)
    after_idx = [[index[e] for e in members] for members in after]
    old, new = check_plan(problem, teams), check_plan(problem, after)
    caused = [v for v in new if v not in old]
    return {
        "id": est_id,
        "from": int(where[index[est_id]]),
        "to": to_team,
        "score_delta": total_score(sim, after_idx) - total_score(sim, as_idx),
        "violations": caused,
        "resolved": [v for v in old if v not in new],
        "violations_after": new,
    }
