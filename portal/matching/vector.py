"""Score and rule-penalty deltas of every move and swap at once, with numpy.

Exact for single-establishment units; pairs involving a keep-together unit (several members) are flagged
`unsure` and the caller checks them with the exact per-step code in State.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .state import State

NEG = -np.inf


@dataclass
class Deltas:
    """Per candidate: score delta (-inf where not allowed by sizes or pins) and penalty delta."""

    move_ds: np.ndarray  # (m, T)
    move_dp: np.ndarray
    swap_ds: np.ndarray  # (m, m), upper triangle only
    swap_dp: np.ndarray
    unsure_rows: np.ndarray  # units whose penalty deltas here are not exact


def _cap(c: np.ndarray, cap: float) -> np.ndarray:
    return np.maximum(c - cap, 0)


def _short(d: np.ndarray, minimum: int) -> np.ndarray:
    return np.maximum(minimum - d, 0)


def _leave_join(counts: np.ndarray, label: np.ndarray, team: np.ndarray, minimum: int, cap: float):
    """Penalty parts for one attribute (authority or sector) with one label per unit.

    Returns (leave[u], join[u, t], swap_half[u, v]): the change in u's team when u leaves; in team t when
    u joins; and in u's team when u leaves and v arrives (the swap delta is swap_half + swap_half.T).
    """
    distinct = (counts > 0).sum(axis=1)
    own = counts[team, label]
    d_own = distinct[team]
    leave = _cap(own - 1, cap) - _cap(own, cap) + _short(d_own - (own == 1), minimum) - _short(d_own, minimum)
    c = counts[:, label].T  # c[u, t]: members of u's label in team t
    join = _cap(c + 1, cap) - _cap(c, cap) + _short(distinct[None, :] + (c == 0), minimum)
    join -= _short(distinct, minimum)[None, :]
    g = counts[team][:, label]  # g[u, v]: members of v's label in u's team
    d_after = d_own[:, None] - (own == 1)[:, None] + (g == 0)
    half = (_cap(own - 1, cap) - _cap(own, cap))[:, None] + _cap(g + 1, cap) - _cap(g, cap)
    half = half + _short(d_after, minimum) - _short(d_own, minimum)[:, None]
    half = np.where(label[:, None] == label[None, :], 0, half)
    return leave, join, half


def deltas(st: State) -> Deltas:
    """All move and swap deltas of the current state."""
    ctx, team = st.ctx, st.team
    m = ctx.m
    rows = np.arange(m)
    here = st.gain[rows, team]
    load = np.array(st.load)
    size = ctx.size
    free = ctx.pinned < 0
    move_ds = st.gain - here[:, None]
    can_leave = free & (load[team] - size >= ctx.lo[team])
    ok = can_leave[:, None] & (load[None, :] + size[:, None] <= ctx.hi[None, :])
    ok[rows, team] = False
    move_ds = np.where(ok, move_ds, NEG)
    cross = st.gain[:, team] - here[:, None]  # cross[u, v]: score change of u joining v's team
    swap_ds = cross + cross.T - 2 * ctx.sim
    bad = (team[:, None] == team[None, :]) | ~free[:, None] | ~free[None, :] | ctx.lower
    if ctx.multi.any():
        d = size[None, :] - size[:, None]  # load change of u's team when u and v swap
        new_a, new_b = load[team][:, None] + d, load[team][None, :] - d
        bad |= (new_a < ctx.lo[team][:, None]) | (new_a > ctx.hi[team][:, None])
        bad |= (new_b < ctx.lo[team][None, :]) | (new_b > ctx.hi[team][None, :])
    swap_ds = np.where(bad, NEG, swap_ds)
    move_dp = np.zeros((m, ctx.teams))
    swap_dp = np.zeros((m, m))
    for counts, label, minimum, cap in (
        (np.array(st.la), ctx.la1, ctx.min_las, ctx.cap),
        (np.array(st.sec), ctx.sec1, ctx.min_secs, np.inf),
    ):
        leave, join, half = _leave_join(counts, label, team, minimum, cap)
        move_dp += leave[:, None] + join
        swap_dp += half + half.T
    if ctx.adj_matrix is not None:
        onehot = np.zeros((m, ctx.teams))
        onehot[rows, team] = 1.0
        per_team = ctx.adj_matrix @ onehot  # apart partners of u in each team
        own = per_team[rows, team]
        move_dp += per_team - own[:, None]
        x = per_team[:, team] - own[:, None] - ctx.adj_matrix
        swap_dp += x + x.T
    return Deltas(move_ds, move_dp, swap_ds, swap_dp, ctx.multi)
