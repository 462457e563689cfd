"""Construction, repair and iterated tabu search over unit moves and swaps.

Determinism: every random choice comes from one numpy Generator seeded by the caller, and the run
length is an iteration budget, so the same seed gives the same plan. The wall-clock deadline is
only a safety cap; if it cuts a run short the stats say so (`stopped: "time"`).
"""

from __future__ import annotations

import time

import numpy as np

from .state import State
from .units import Context

NEG = -np.inf


def construct(
    ctx: Context, rng: np.random.Generator, mode: str = "greedy", start: np.ndarray | None = None
) -> State:
    """Place pinned units, then the rest one by one: 'greedy' by similarity gain, 'random' at random."""
    m, teams = ctx.m, ctx.teams
    team = np.full(m, -1, dtype=int)
    load = np.zeros(teams, dtype=int)
    spare = int(ctx.size.sum() - ctx.lo.sum())  # places above the floor size, shared by all teams
    for u in np.flatnonzero(ctx.pinned >= 0):
        team[u] = ctx.pinned[u]
        load[team[u]] += ctx.size[u]
    spare -= int(np.maximum(load - ctx.lo, 0).sum())
    free = [int(u) for u in np.flatnonzero(ctx.pinned < 0)]
    if start is not None:
        kept = [u for u in free if start[u] >= 0 and load[start[u]] + ctx.size[u] <= ctx.hi[start[u]]]
        for u in kept:
            over = max(0, load[start[u]] + ctx.size[u] - ctx.lo[start[u]]) - max(
                0, load[start[u]] - ctx.lo[start[u]]
            )
            if over <= spare:
                team[u] = start[u]
                load[team[u]] += ctx.size[u]
                spare -= over
        free = [u for u in free if team[u] < 0]
    order = sorted(rng.permutation(free).tolist(), key=lambda u: -ctx.size[u]) if free else []
    placed = np.flatnonzero(team >= 0)
    gain = np.zeros((m, teams))
    for u in placed:
        gain[:, team[u]] += ctx.sim[:, u]
    la = np.zeros((teams, ctx.n_las), dtype=int)
    sec = np.zeros((teams, ctx.n_secs), dtype=int)
    for u in placed:
        for k, c in ctx.las[u]:
            la[team[u], k] += c
        for k, c in ctx.secs[u]:
            sec[team[u], k] += c
    for u in order:
        s = int(ctx.size[u])
        best, best_key = -1, None
        for t in range(teams):
            over = max(0, load[t] + s - ctx.lo[t]) - max(0, load[t] - ctx.lo[t])
            if load[t] + s > ctx.hi[t] or over > spare:
                continue
            # Heuristic cost: authority cap excess, apart clashes, and whether the room left can still
            # bring in the authorities and sectors the team lacks.
            cost = sum(max(0, la[t, k] + c - ctx.cap) for k, c in ctx.las[u])
            cost += sum(1 for v in ctx.adj[u] if team[v] == t)
            new_la = sum(1 for k, _ in ctx.las[u] if la[t, k] == 0)
            new_sec = sum(1 for k, _ in ctx.secs[u] if sec[t, k] == 0)
            room = ctx.lo[t] - load[t]
            need = max(ctx.min_las - int((la[t] > 0).sum()), ctx.min_secs - int((sec[t] > 0).sum()), 0)
            need_after = max(
                ctx.min_las - int((la[t] > 0).sum()) - new_la,
                ctx.min_secs - int((sec[t] > 0).sum()) - new_sec,
                0,
            )
            cost += max(0, need_after - (room - s)) - max(0, need - room)
            tie = rng.random() if mode == "random" else -gain[u, t]
            key = (cost, tie, load[t])
            if best_key is None or key < best_key:
                best, best_key = t, key
        if best < 0:  # no team has room (oversized units): overfill the emptiest; the checker reports it
            best = int(np.argmin(load))
        team[u] = best
        spare -= max(0, load[best] + s - ctx.lo[best]) - max(0, load[best] - ctx.lo[best])
        load[best] += s
        gain[:, best] += ctx.sim[:, u]
        for k, c in ctx.las[u]:
            la[best, k] += c
        for k, c in ctx.secs[u]:
            sec[best, k] += c
    # Widen the bounds the search keeps only where construction had to break them.
    ctx.hi = np.maximum(ctx.hi, load)
    ctx.lo = np.minimum(ctx.lo, load)
    return State(ctx, team)


def _candidates(st: State) -> tuple[np.ndarray, np.ndarray]:
    """Score deltas of all moves (m*T) and swaps (m*m), with -inf where not allowed."""
    ctx, team = st.ctx, st.team
    m = ctx.m
    here = st.gain[np.arange(m), team]
    moves = st.gain - here[:, None]
    load = np.array(st.load)
    size = ctx.size
    ok_from = (load[team] - size >= ctx.lo[team]) & (ctx.pinned < 0)
    ok_to = load[None, :] + size[:, None] <= ctx.hi[None, :]
    moves = np.where(ok_from[:, None] & ok_to, moves, NEG)
    moves[np.arange(m), team] = NEG
    cross = st.gain[:, team] - here[:, None]  # cross[u, v]: score change of u joining v's team
    swaps = cross + cross.T - 2 * ctx.sim
    bad = (team[:, None] == team[None, :]) | (ctx.pinned[:, None] >= 0) | (ctx.pinned[None, :] >= 0)
    if (size > 1).any():
        d = size[None, :] - size[:, None]  # load change of u's team when u and v swap
        la_, lb = load[team][:, None] + d, load[team][None, :] - d
        bad |= (la_ < ctx.lo[team][:, None]) | (la_ > ctx.hi[team][:, None])
        bad |= (lb < ctx.lo[team][None, :]) | (lb > ctx.hi[team][None, :])
    bad |= np.tri(m, dtype=bool)  # each unordered pair once
    swaps = np.where(bad, NEG, swaps)
    return moves.ravel(), swaps.ravel()


def _full_scan(st: State, tabu: np.ndarray, it: int, best: tuple[int, float]):
    """Best allowed step by (penalty delta, -score delta); used while rules are still broken."""
    ctx, team = st.ctx, st.team
    m, teams = ctx.m, ctx.teams
    pick, pick_key = None, None
    for u in range(m):
        if ctx.pinned[u] >= 0:
            continue
        for b in range(teams):
            if b == team[u] or not st.size_ok_move(u, b):
                continue
            dp, ds = st.move_penalty(u, b), st.move_score(u, b)
            is_tabu = tabu[u, b] > it and (st.penalty + dp, -(st.score + ds)) >= (best[0], -best[1])
            key = (dp, -ds)
            if not is_tabu and (pick_key is None or key < pick_key):
                pick, pick_key = ("move", u, b, dp, ds), key
        for v in range(u + 1, m):
            if ctx.pinned[v] >= 0 or team[v] == team[u] or not st.size_ok_swap(u, v):
                continue
            dp, ds = st.swap_penalty(u, v), st.swap_score(u, v)
            is_tabu = (tabu[u, team[v]] > it or tabu[v, team[u]] > it) and (
                st.penalty + dp,
                -(st.score + ds),
            ) >= (
                best[0],
                -best[1],
            )
            key = (dp, -ds)
            if not is_tabu and (pick_key is None or key < pick_key):
                pick, pick_key = ("swap", u, v, dp, ds), key
    return pick


def _fast_pick(st: State, tabu: np.ndarray, it: int, best: tuple[int, float], top: int = 48):
    """Best-scoring allowed step that does not break more rules, scanning candidates by score delta."""
    ctx, team = st.ctx, st.team
    m, teams = ctx.m, ctx.teams
    moves, swaps = _candidates(st)
    allv = np.concatenate([moves, swaps])
    finite = int(np.isfinite(allv).sum())
    if finite == 0:
        return None
    k = min(top, finite)
    order = np.argpartition(-allv, k - 1)[:k]
    order = order[np.argsort(-allv[order], kind="stable")]
    for attempt in (order, None):
        if attempt is None:
            if finite <= k:
                return None
            attempt = np.argsort(-allv, kind="stable")[k:finite]
        for idx in attempt.tolist():
            ds = float(allv[idx])
            if idx < m * teams:
                u, b = divmod(idx, teams)
                dp = st.move_penalty(u, b)
                is_tabu = tabu[u, b] > it
                step = ("move", u, b, dp, ds)
            else:
                u, v = divmod(idx - m * teams, m)
                dp = st.swap_penalty(u, v)
                is_tabu = tabu[u, team[v]] > it or tabu[v, team[u]] > it
                step = ("swap", u, v, dp, ds)
            if dp > 0:
                continue
            if dp < 0 or not is_tabu or (st.penalty + dp, -(st.score + ds)) < (best[0], -best[1] - 1e-9):
                return step
    return None


def _apply(st: State, step, tabu: np.ndarray, it: int, tenure: int) -> None:
    kind, u, x, dp, ds = step
    if kind == "move":
        tabu[u, st.team[u]] = it + tenure
        st.move(u, x, dp, ds)
    else:
        tabu[u, st.team[u]] = it + tenure
        tabu[x, st.team[x]] = it + tenure
        st.swap(u, x, dp, ds)


def _perturb(st: State, rng: np.random.Generator, strength: int) -> None:
    """Random swaps and moves that keep sizes and do not break more rules: a kick out of a local optimum."""
    ctx = st.ctx
    free = np.flatnonzero(ctx.pinned < 0)
    if len(free) < 2:
        return
    done = tries = 0
    while done < strength and tries < strength * 20:
        tries += 1
        u, v = (int(x) for x in rng.choice(free, 2, replace=False))
        if st.team[u] == st.team[v]:
            continue
        if st.size_ok_swap(u, v):
            dp = st.swap_penalty(u, v)
            if dp <= 0:
                st.swap(u, v, dp, st.swap_score(u, v))
                done += 1
        elif st.size_ok_move(u, int(st.team[v])):
            dp = st.move_penalty(u, int(st.team[v]))
            if dp <= 0:
                st.move(u, int(st.team[v]), dp, st.move_score(u, int(st.team[v])))
                done += 1


def repair_only(st: State) -> None:
    """Take rule-repairing steps only (best first) until no step reduces the penalty."""
    tabu = np.zeros((st.ctx.m, st.ctx.teams), dtype=np.int64)
    for _ in range(10 * st.ctx.m):
        step = _full_scan(st, tabu, 0, (0, 0.0)) if st.penalty > 0 else None
        if step is None or step[3] >= 0:
            return
        _apply(st, step, tabu, 0, 0)


def tabu_search(
    st: State, rng: np.random.Generator, iterations: int, deadline: float | None
) -> tuple[State, dict]:
    """Iterated tabu search from `st`; returns the best state seen and run statistics."""
    ctx = st.ctx
    m = ctx.m
    tabu = np.zeros((m, ctx.teams), dtype=np.int64)
    best_team, best = st.team.copy(), (st.penalty, st.score)
    stall_limit = max(60, 3 * m)
    last_gain, stuck_repair, stopped, it, kicks = 0, 0, "budget", 0, 0
    lo_t, hi_t = max(2, m // 12), max(3, m // 5)
    while it < iterations:
        if deadline is not None and (it & 15) == 0 and time.perf_counter() > deadline:
            stopped = "time"
            break
        it += 1
        repairing = st.penalty > 0 and stuck_repair < 2 * m
        step = _full_scan(st, tabu, it, best) if repairing else _fast_pick(st, tabu, it, best)
        if repairing:
            stuck_repair = 0 if step and step[3] < 0 else stuck_repair + 1
        if step is not None:
            _apply(st, step, tabu, it, int(rng.integers(lo_t, hi_t + 1)))
        if (st.penalty, -st.score) < (best[0], -best[1] - 1e-9):
            best_team, best, last_gain = st.team.copy(), (st.penalty, st.score), it
        elif step is None or it - last_gain > stall_limit:
            st = State(ctx, best_team)
            _perturb(st, rng, int(rng.integers(2, max(3, m // 6) + 1)))
            tabu[:] = 0
            last_gain, kicks = it, kicks + 1
    final = State(ctx, best_team)
    return final, {"iterations": it, "kicks": kicks, "stopped": stopped}
