"""Construction, repair and iterated tabu search over unit moves and swaps.

Determinism: every random choice comes from one numpy Generator seeded by the caller, and the run
length is an iteration budget, so the same seed gives the same plan. The deadline, in the process's CPU
time (so other work on the machine does not move it), is only a safety cap; if it cuts a run short the
stats say so (`stopped: "time"`).
"""

from __future__ import annotations

import time

import numpy as np

from .state import State
from .units import Context
from .vector import deltas

NEG = -np.inf


def construct(ctx: Context, rng: np.random.Generator, mode: str = "greedy", start: np.ndarray | None = None) -> State:
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
            over = max(0, load[start[u]] + ctx.size[u] - ctx.lo[start[u]]) - max(0, load[start[u]] - ctx.lo[start[u]])
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


# Search settings, tuned on synthetic cohorts of 40-100 (see tests/bench): stall length before a kick
# (x units), tabu tenure range (units divided by these), and the largest kick (units divided by this).
STALL, TENURE_LO, TENURE_HI, KICK = 3, 10, 4, 6
W = 1000.0  # one rule-penalty point outweighs any possible score change of a single step


def _fast_pick(st: State, tabu: np.ndarray, it: int, best: tuple[int, float]):
    """With every rule met: the best-scoring allowed step that keeps them met (exact check per candidate).

    Only score deltas are computed for all candidates; rule checks run on the few best, which is far
    cheaper than the full penalty matrices when almost every top candidate is legal.
    """
    ctx, team = st.ctx, st.team
    m, teams = ctx.m, ctx.teams
    rows = np.arange(m)
    here = st.gain[rows, team]
    aspire = best[1] - st.score + 1e-9  # a tabu step is allowed if it gains more than this
    load = np.array(st.load)
    move_ds = st.gain - here[:, None]
    can_leave = (ctx.pinned < 0) & (load[team] - ctx.size >= ctx.lo[team])
    ok = can_leave[:, None] & (load[None, :] + ctx.size[:, None] <= ctx.hi[None, :])
    ok &= (tabu <= it) | (move_ds > aspire)
    ok[rows, team] = False
    move_key = np.where(ok, move_ds, NEG)
    cross = st.gain[:, team] - here[:, None]
    swap_ds = cross + cross.T - 2 * ctx.sim
    tabu_to = tabu[:, team] > it
    bad = (team[:, None] == team[None, :]) | ctx.no_swap
    bad |= (tabu_to | tabu_to.T) & (swap_ds <= aspire)
    if ctx.multi.any():
        d = ctx.size[None, :] - ctx.size[:, None]
        new_a, new_b = load[team][:, None] + d, load[team][None, :] - d
        bad |= (new_a < ctx.lo[team][:, None]) | (new_a > ctx.hi[team][:, None])
        bad |= (new_b < ctx.lo[team][None, :]) | (new_b > ctx.hi[team][None, :])
    swap_key = np.where(bad, NEG, swap_ds)
    for _ in range(8 * m):
        mu = int(np.argmax(move_key))
        sw = int(np.argmax(swap_key))
        mv, sv = move_key.flat[mu], swap_key.flat[sw]
        if mv == NEG and sv == NEG:
            return None
        if mv >= sv:
            u, b = divmod(mu, teams)
            dp = st.move_penalty(u, b)
            if dp <= 0:
                return "move", u, b, dp, float(mv)
            move_key.flat[mu] = NEG
        else:
            u, v = divmod(sw, m)
            dp = st.swap_penalty(u, v)
            if dp <= 0:
                return "swap", u, v, dp, float(sv)
            swap_key.flat[sw] = NEG
    return None


def _pick(st: State, tabu: np.ndarray, it: int, best: tuple[int, float], repair: bool = False):
    """Best allowed step: fewest new rule breaks first, then score; tabu unless it beats the best seen."""
    ctx, team = st.ctx, st.team
    m, teams = ctx.m, ctx.teams
    d = deltas(st)
    move_tabu = tabu > it
    swap_tabu = move_tabu[:, team]
    swap_tabu = swap_tabu | swap_tabu.T
    keys = []
    for ds, dp, is_tabu, unsure in (
        (d.move_ds, d.move_dp, move_tabu, np.broadcast_to(d.unsure_rows[:, None], move_tabu.shape)),
        (d.swap_ds, d.swap_dp, swap_tabu, d.unsure_rows[:, None] | d.unsure_rows[None, :]),
    ):
        new_pen = st.penalty + dp
        beats = (new_pen < best[0]) | ((new_pen == best[0]) & (st.score + ds > best[1] + 1e-9))
        ok = (dp < 0) if repair else (dp <= 0)
        ok = np.where(unsure, True, ok) & (~is_tabu | (beats & ~unsure))
        keys.append(np.where(ok, np.where(unsure, ds, ds - W * dp), NEG).ravel())
    key = np.concatenate(keys)
    split = m * teams
    for _ in range(4 * m):
        idx = int(np.argmax(key))
        if key[idx] == NEG:
            return None
        if idx < split:
            u, x = divmod(idx, teams)
            kind, ds, dp = "move", float(d.move_ds[u, x]), float(d.move_dp[u, x])
            if ctx.multi[u]:
                dp = st.move_penalty(u, x)
        else:
            u, x = divmod(idx - split, m)
            kind, ds, dp = "swap", float(d.swap_ds[u, x]), float(d.swap_dp[u, x])
            if ctx.multi[u] or ctx.multi[x]:
                dp = st.swap_penalty(u, x)
        if dp > 0 or (repair and dp == 0):
            key[idx] = NEG
            continue
        return kind, u, x, int(dp), ds
    return None


def _apply(st: State, step, tabu: np.ndarray, it: int, tenure: int) -> None:
    """Take a step and forbid the moved units from returning to their old teams for `tenure` steps."""
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
        step = _pick(st, tabu, 0, (st.penalty, st.score), repair=True) if st.penalty > 0 else None
        if step is None:
            return
        _apply(st, step, tabu, 0, 0)


def tabu_search(st: State, rng: np.random.Generator, iterations: int, deadline: float | None) -> tuple[State, dict]:
    """Iterated tabu search from `st`; returns the best state seen and run statistics."""
    ctx = st.ctx
    m = ctx.m
    tabu = np.zeros((m, ctx.teams), dtype=np.int64)
    best_team, best = st.team.copy(), (st.penalty, st.score)
    stall_limit = max(60, STALL * m)
    last_gain, stopped, it, kicks = 0, "budget", 0, 0
    lo_t, hi_t = max(2, m // TENURE_LO), max(3, m // TENURE_HI)
    while it < iterations:
        if deadline is not None and (it & 15) == 0 and time.process_time() > deadline:
            stopped = "time"
            break
        it += 1
        step = _pick(st, tabu, it, best) if st.penalty > 0 else _fast_pick(st, tabu, it, best)
        if step is not None:
            _apply(st, step, tabu, it, int(rng.integers(lo_t, hi_t + 1)))
        if (st.penalty, -st.score) < (best[0], -best[1] - 1e-9):
            best_team, best, last_gain = st.team.copy(), (st.penalty, st.score), it
        elif step is None or it - last_gain > stall_limit:
            st = State(ctx, best_team)
            _perturb(st, rng, int(rng.integers(2, max(3, m // KICK) + 1)))
            tabu[:] = 0
            last_gain, kicks = it, kicks + 1
    final = State(ctx, best_team)
    return final, {"iterations": it, "kicks": kicks, "stopped": stopped}
