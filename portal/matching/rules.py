"""Independent check of a finished plan against every hard rule, with messages saying where and why.

`team` in a violation is the 0-based team index; the `detail` text says "Team N" with N = index + 1,
the label people see on the page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .problem import Problem


def _violation(rule: str, team: int | None, detail: str) -> dict:
    return {"rule": rule, "team": team, "detail": detail}


def _label(team: int) -> str:
    return f"Team {team + 1}"


def _together_groups(problem: Problem) -> dict[str, int]:
    """Map id -> together-group number (transitive closure of keep-together pairs)."""
    parent = {i: i for i in problem.ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in problem.together:
        parent[find(a)] = find(b)
    roots: dict[str, int] = {}
    return {i: roots.setdefault(find(i), len(roots)) for i in problem.ids}


def check_size(problem: Problem, teams: Sequence[Sequence[str]]) -> list[dict]:
    """Team sizes must be floor(n/T) or ceil(n/T)."""
    lo, hi = problem.size_bounds
    out = []
    for t, members in enumerate(teams):
        if not lo <= len(members) <= hi:
            allowed = f"{lo}" if lo == hi else f"{lo} or {hi}"
            pinned = sum(1 for m in members if problem.pinned.get(m) == t)
            why = f" ({pinned} are pinned there)" if pinned > hi else ""
            out.append(
                _violation(
                    "team_size",
                    t,
                    f"{_label(t)} has {len(members)} establishments; sizes must be {allowed}{why}",
                )
            )
    return out


def check_mix(problem: Problem, teams: Sequence[Sequence[str]]) -> list[dict]:
    """Authority cap, minimum distinct authorities and minimum sectors per team."""
    est = {e.id: e for e in problem.establishments}
    cap, rules = problem.authority_cap, problem.rules
    cohort_las = {e.authority for e in problem.establishments}
    cohort_sectors = Counter(e.sector for e in problem.establishments)
    out = []
    for t, members in enumerate(teams):
        las = Counter(est[m].authority for m in members)
        for la, count in sorted(las.items()):
            if count > cap:
                detail = f"{_label(t)} has {count} establishments from {la} (at most {cap} allowed)"
                out.append(_violation("authority_cap", t, detail))
        if len(las) < rules.min_authorities:
            if len(cohort_las) < rules.min_authorities:
                why = f"the cohort has only {len(cohort_las)} authorities"
            elif len(members) < rules.min_authorities:
                why = f"the team has only {len(members)} member{'s' if len(members) != 1 else ''}"
            else:
                why = "no legal rearrangement was found"
            detail = f"{_label(t)} cannot reach {rules.min_authorities} authorities ({len(las)}): {why}"
            out.append(_violation("min_authorities", t, detail))
        sectors = sorted({est[m].sector for m in members})
        if len(sectors) < rules.min_sectors:
            only = " and ".join(sectors) or "no"
            if len(cohort_sectors) < rules.min_sectors:
                why = f"the cohort has only {', '.join(sorted(cohort_sectors))} establishments"
            else:
                top, top_count = cohort_sectors.most_common(1)[0]
                others = len(problem.establishments) - top_count
                why = (
                    f"only {others} establishments outside {top} for {len(teams)} teams"
                    if others < len(teams)
                    else "no legal rearrangement was found"
                )
            detail = f"{_label(t)} cannot reach {rules.min_sectors} sectors: only {only} establishments ({why})"
            out.append(_violation("min_sectors", t, detail))
    return out


def check_links(problem: Problem, teams: Sequence[Sequence[str]]) -> list[dict]:
    """Pins, keep-apart and keep-together pairs."""
    where = {m: t for t, members in enumerate(teams) for m in members}
    groups = _together_groups(problem)
    group_size = Counter(groups.values())
    hi = problem.size_bounds[1]
    name = problem.name_of
    out = []
    for est_id, team in sorted(problem.pinned.items()):
        if where.get(est_id) != team:
            detail = f"{name(est_id)} is pinned to {_label(team)} but placed in {_label(where[est_id])}"
            out.append(_violation("pinned", where[est_id], detail))
    for a, b in problem.apart:
        if where[a] == where[b]:
            t = where[a]
            if problem.pinned.get(a) == t and problem.pinned.get(b) == t:
                detail = (
                    f"pinned establishments {name(a)} and {name(b)} are also kept apart (both pinned to {_label(t)})"
                )
            elif groups[a] == groups[b]:
                detail = f"{name(a)} and {name(b)} are kept both together and apart ({_label(t)})"
            else:
                detail = f"{name(a)} and {name(b)} are kept apart but both placed in {_label(t)}"
            out.append(_violation("apart", t, detail))
    for a, b in problem.together:
        if where[a] != where[b]:
            pa, pb = problem.pinned.get(a), problem.pinned.get(b)
            if pa is not None and pb is not None and pa != pb:
                detail = f"{name(a)} and {name(b)} are kept together but pinned to {_label(pa)} and {_label(pb)}"
            elif group_size[groups[a]] > hi:
                detail = (
                    f"{name(a)} and {name(b)} are kept together, but their keep-together group has "
                    f"{group_size[groups[a]]} establishments and a team holds at most {hi}"
                )
            else:
                placed = f"{_label(where[a])} and {_label(where[b])}"
                detail = f"{name(a)} and {name(b)} are kept together but placed in {placed}"
            out.append(_violation("together", where[a], detail))
    return out


def check_plan(problem: Problem, teams: Sequence[Sequence[str]]) -> list[dict]:
    """Every hard-rule violation in a plan given as lists of ids per team; [] means all rules hold."""
    return check_size(problem, teams) + check_mix(problem, teams) + check_links(problem, teams)
