"""Mutable assignment state with incremental score and rule-penalty deltas for moves and swaps."""

from __future__ import annotations

import numpy as np

from .units import Context


class State:
    """Units placed in teams, with per-team counts kept in step so deltas cost O(unit size)."""

    def __init__(self, ctx: Context, team: np.ndarray):
        self.ctx = ctx
        self.team = np.array(team, dtype=int)
        t = ctx.teams
        self.load = [0] * t
        self.la = [[0] * ctx.n_las for _ in range(t)]
        self.sec = [[0] * ctx.n_secs for _ in range(t)]
        self.la_n = [0] * t
        self.sec_n = [0] * t
        onehot = np.zeros((ctx.m, t))
        onehot[np.arange(ctx.m), self.team] = 1.0
        # gain[u, t]: similarity of unit u to team t's units, plus the stay bonus (see Context.bonus), so
        # every move and swap delta below includes the cost of moving people away from their current team.
        similar = ctx.sim @ onehot
        rows = np.arange(ctx.m)
        self.gain = similar if ctx.bonus is None else similar + ctx.bonus
        for u in range(ctx.m):
            self._add(u, int(self.team[u]), 1)
        self.score = ctx.inner + float(similar[rows, self.team].sum() / 2.0)
        if ctx.bonus is not None:
            self.score += float(ctx.bonus[rows, self.team].sum())
        self.penalty = self._full_penalty()

    def _add(self, u: int, t: int, sign: int) -> None:
        ctx = self.ctx
        self.load[t] += sign * int(ctx.size[u])
        for rows, counts, distinct in (
            (ctx.las[u], self.la[t], self.la_n),
            (ctx.secs[u], self.sec[t], self.sec_n),
        ):
            for k, c in rows:
                before = counts[k]
                counts[k] = before + sign * c
                distinct[t] += (counts[k] > 0) - (before > 0)

    def _team_penalty(self, t: int) -> int:
        ctx = self.ctx
        over = sum(max(0, c - ctx.cap) for c in self.la[t])
        return over + max(0, ctx.min_las - self.la_n[t]) + max(0, ctx.min_secs - self.sec_n[t])

    def _full_penalty(self) -> int:
        ctx = self.ctx
        apart = sum(1 for u in range(ctx.m) for v in ctx.adj[u] if self.team[v] == self.team[u]) // 2
        return sum(self._team_penalty(t) for t in range(ctx.teams)) + apart + ctx.inner_apart

    def _mix_delta(self, t: int, out_u: int, in_u: int) -> int:
        """Penalty change of team t when unit out_u leaves (-1: none) and in_u joins (-1: none)."""
        ctx = self.ctx
        if not ((out_u >= 0 and ctx.size[out_u] > 1) or (in_u >= 0 and ctx.size[in_u] > 1)):
            return self._single_delta(t, out_u, in_u)
        dp = 0
        for rows_of, counts, distinct, minimum, capped in (
            (ctx.las, self.la[t], self.la_n[t], ctx.min_las, True),
            (ctx.secs, self.sec[t], self.sec_n[t], ctx.min_secs, False),
        ):
            change: dict[int, int] = {}
            if out_u >= 0:
                for k, c in rows_of[out_u]:
                    change[k] = change.get(k, 0) - c
            if in_u >= 0:
                for k, c in rows_of[in_u]:
                    change[k] = change.get(k, 0) + c
            new_distinct = distinct
            for k, d in change.items():
                if d:
                    old = counts[k]
                    new = old + d
                    new_distinct += (new > 0) - (old > 0)
                    if capped:
                        dp += max(0, new - ctx.cap) - max(0, old - ctx.cap)
            dp += max(0, minimum - new_distinct) - max(0, minimum - distinct)
        return dp

    def _single_delta(self, t: int, out_u: int, in_u: int) -> int:
        """_mix_delta for single-establishment units: the hot path of the search, kept branch-light."""
        ctx = self.ctx
        dp = 0
        for labels, counts, distinct, minimum, cap in (
            (ctx.la1, self.la[t], self.la_n[t], ctx.min_las, ctx.cap),
            (ctx.sec1, self.sec[t], self.sec_n[t], ctx.min_secs, None),
        ):
            k_out = labels[out_u] if out_u >= 0 else -1
            k_in = labels[in_u] if in_u >= 0 else -1
            if k_out == k_in:
                continue
            new_distinct = distinct
            if k_out >= 0:
                c = counts[k_out]
                new_distinct -= c == 1
                if cap is not None and c > cap:
                    dp -= 1
            if k_in >= 0:
                c = counts[k_in]
                new_distinct += c == 0
                if cap is not None and c >= cap:
                    dp += 1
            if new_distinct != distinct:
                dp += max(0, minimum - new_distinct) - max(0, minimum - distinct)
        return dp

    def _apart_count(self, u: int, t: int, skip: int) -> int:
        team = self.team
        return sum(1 for v in self.ctx.adj[u] if v != skip and team[v] == t)

    def move_penalty(self, u: int, b: int) -> int:
        """Penalty change if unit u moves to team b."""
        a = int(self.team[u])
        dp = self._mix_delta(a, u, -1) + self._mix_delta(b, -1, u)
        if self.ctx.adj[u]:
            dp += self._apart_count(u, b, -1) - self._apart_count(u, a, u)
        return dp

    def swap_penalty(self, u: int, v: int) -> int:
        """Penalty change if units u and v (in different teams) swap teams."""
        a, b = int(self.team[u]), int(self.team[v])
        dp = self._mix_delta(a, u, v) + self._mix_delta(b, v, u)
        if self.ctx.adj[u]:
            dp += self._apart_count(u, b, v) - self._apart_count(u, a, u)
        if self.ctx.adj[v]:
            dp += self._apart_count(v, a, u) - self._apart_count(v, b, v)
        return dp

    def move_score(self, u: int, b: int) -> float:
        """Score change if unit u moves to team b."""
        return float(self.gain[u, b] - self.gain[u, self.team[u]])

    def swap_score(self, u: int, v: int) -> float:
        """Score change if units u and v swap teams."""
        a, b = self.team[u], self.team[v]
        sim = self.ctx.sim
        return float(self.gain[u, b] - self.gain[u, a] + self.gain[v, a] - self.gain[v, b] - 2 * sim[u, v])

    def move(self, u: int, b: int, dp: int, ds: float) -> None:
        """Move unit u to team b, given its already computed penalty and score deltas."""
        a = int(self.team[u])
        self._add(u, a, -1)
        self._add(u, b, 1)
        col = self.ctx.sim[:, u]
        self.gain[:, a] -= col
        self.gain[:, b] += col
        self.team[u] = b
        self.penalty += dp
        self.score += ds

    def swap(self, u: int, v: int, dp: int, ds: float) -> None:
        """Swap units u and v between their teams."""
        a, b = int(self.team[u]), int(self.team[v])
        self.move(u, b, 0, 0.0)
        self.move(v, a, 0, 0.0)
        self.penalty += dp
        self.score += ds

    def size_ok_move(self, u: int, b: int) -> bool:
        """Would moving u to b keep both teams within their size bounds?"""
        ctx, a, s = self.ctx, int(self.team[u]), int(self.ctx.size[u])
        return self.load[a] - s >= ctx.lo[a] and self.load[b] + s <= ctx.hi[b]

    def size_ok_swap(self, u: int, v: int) -> bool:
        """Would swapping u and v keep both teams within their size bounds?"""
        ctx = self.ctx
        d = int(ctx.size[v] - ctx.size[u])
        a, b = int(self.team[u]), int(self.team[v])
        return ctx.lo[a] <= self.load[a] + d <= ctx.hi[a] and ctx.lo[b] <= self.load[b] - d <= ctx.hi[b]
