"""Static search context: keep-together groups merged into units, pins, size bounds and rule data."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .problem import Problem
from .rules import _together_groups


@dataclass
class Context:
    """Everything the search needs that does not change while it runs (indices, not ids)."""

    members: list[list[int]]  # establishment indices per unit
    size: np.ndarray  # establishments per unit
    sim: np.ndarray  # unit x unit summed similarity, zero diagonal
    inner: float  # similarity inside units: always scored, never changes
    pinned: np.ndarray  # team per unit, -1 when free
    las: list[tuple[tuple[int, int], ...]]  # (authority index, count) per unit
    secs: list[tuple[tuple[int, int], ...]]  # (sector index, count) per unit
    adj: list[list[int]]  # keep-apart partners per unit (with repeats)
    inner_apart: int  # apart pairs inside one unit: unavoidable
    n_las: int
    n_secs: int
    teams: int
    cap: int
    min_las: int
    min_secs: int
    lo: np.ndarray  # per-team size bounds the search keeps
    hi: np.ndarray
    la1: np.ndarray  # authority of each unit's first member (exact for single-member units)
    sec1: np.ndarray
    multi: np.ndarray  # units with several members: vectorised penalty deltas are not exact for them
    lower: np.ndarray  # lower triangle incl. diagonal: each unordered swap pair is listed once
    no_swap: np.ndarray  # lower triangle, or either unit pinned
    adj_matrix: np.ndarray | None  # keep-apart partner counts between units, None when there are none
    # Stability: bonus[u, t] is added to the score while unit u stays in t, its team in the current plan
    # (stay x its size), so a move away must gain more than that to be taken. Zeros: no current plan.
    bonus: np.ndarray | None = None

    @property
    def m(self) -> int:
        """Number of units."""
        return len(self.members)


def _split_groups(problem: Problem, hi: int) -> list[list[int]]:
    """Together groups, split where pins disagree or a group is larger than a team can be."""
    index = {e: i for i, e in enumerate(problem.ids)}
    groups: dict[int, list[int]] = {}
    for est_id, g in _together_groups(problem).items():
        groups.setdefault(g, []).append(index[est_id])
    units: list[list[int]] = []
    for members in groups.values():
        # Pins beat keep-together when they disagree; the checker reports the broken pair.
        by_pin: dict[int, list[int]] = {}
        for i in members:
            by_pin.setdefault(problem.pinned.get(problem.ids[i], -1), []).append(i)
        pinned_teams = sorted(t for t in by_pin if t >= 0)
        if pinned_teams and -1 in by_pin:
            by_pin[pinned_teams[0]].extend(by_pin.pop(-1))
        for part in by_pin.values():
            units.extend(part[k : k + hi] for k in range(0, len(part), hi))
    return units


def build_context(problem: Problem, sim: np.ndarray) -> Context:
    """Merge together groups into units and precompute unit-level data."""
    lo_size, hi_size = problem.size_bounds
    units = _split_groups(problem, hi_size)
    m, teams = len(units), problem.rules.teams
    unit_of = np.empty(len(problem.ids), dtype=int)
    for u, members in enumerate(units):
        unit_of[members] = u
    onehot = np.zeros((len(problem.ids), m))
    onehot[np.arange(len(problem.ids)), unit_of] = 1.0
    usim = onehot.T @ sim @ onehot
    inner = float(np.trace(usim) / 2.0)
    np.fill_diagonal(usim, 0.0)
    la_index: dict[str, int] = {}
    sec_index: dict[str, int] = {}
    las, secs = [], []
    for members in units:
        la_c: dict[int, int] = {}
        sec_c: dict[int, int] = {}
        for i in members:
            est = problem.establishments[i]
            a = la_index.setdefault(est.authority, len(la_index))
            s = sec_index.setdefault(est.sector, len(sec_index))
            la_c[a] = la_c.get(a, 0) + 1
            sec_c[s] = sec_c.get(s, 0) + 1
        las.append(tuple(la_c.items()))
        secs.append(tuple(sec_c.items()))
    index = {e: i for i, e in enumerate(problem.ids)}
    adj: list[list[int]] = [[] for _ in range(m)]
    inner_apart = 0
    for a, b in problem.apart:
        ua, ub = unit_of[index[a]], unit_of[index[b]]
        if ua == ub:
            inner_apart += 1
        else:
            adj[ua].append(int(ub))
            adj[ub].append(int(ua))
    pinned = np.full(m, -1, dtype=int)
    for u, members in enumerate(units):
        for i in members:
            pinned[u] = problem.pinned.get(problem.ids[i], pinned[u])
    size = np.array([len(x) for x in units], dtype=int)
    adj_matrix = None
    if any(adj):
        adj_matrix = np.zeros((m, m))
        for u, partners in enumerate(adj):
            for v in partners:
                adj_matrix[u, v] += 1
    forced = np.zeros(teams, dtype=int)
    np.add.at(forced, pinned[pinned >= 0], size[pinned >= 0])
    return Context(
        members=units,
        size=size,
        sim=usim,
        inner=inner,
        pinned=pinned,
        las=las,
        secs=secs,
        adj=adj,
        inner_apart=inner_apart,
        n_las=len(la_index),
        n_secs=len(sec_index),
        teams=teams,
        cap=problem.authority_cap,
        min_las=problem.rules.min_authorities,
        min_secs=problem.rules.min_sectors,
        lo=np.full(teams, lo_size, dtype=int),
        hi=np.maximum(np.full(teams, hi_size, dtype=int), forced),
        la1=np.array([rows[0][0] for rows in las], dtype=int),
        sec1=np.array([rows[0][0] for rows in secs], dtype=int),
        multi=size > 1,
        lower=np.tri(m, dtype=bool),
        no_swap=np.tri(m, dtype=bool) | (pinned >= 0)[:, None] | (pinned >= 0)[None, :],
        adj_matrix=adj_matrix,
    )


def anchor(ctx: Context, start: np.ndarray, stay: float) -> None:
    """Make leaving the current team (`start`, team per unit, -1 for none) cost `stay` per establishment."""
    ctx.bonus = np.zeros((ctx.m, ctx.teams))
    placed = np.flatnonzero(start >= 0)
    ctx.bonus[placed, start[placed]] = stay * ctx.size[placed]


def unit_assignment(ctx: Context, est_team: np.ndarray) -> np.ndarray:
    """Team per unit from a team per establishment (a unit follows its first member)."""
    return np.array([est_team[members[0]] for members in ctx.members], dtype=int)


def establishment_teams(ctx: Context, unit_team: np.ndarray, n: int) -> np.ndarray:
    """Team per establishment from a team per unit."""
    out = np.empty(n, dtype=int)
    for u, members in enumerate(ctx.members):
        out[members] = unit_team[u]
    return out
