"""Pure recommendations: the weakest domains of an evaluation become priorities, each with its module."""

from dataclasses import dataclass

from portal.frameworks.scoring import SectionScore, weakest

ORDINALS = ("lowest", "second lowest", "third lowest")
MAX_PRIORITIES = 3


@dataclass(frozen=True)
class Recommendation:
    section_key: str
    title: str
    module: str | None
    mean: float
    reason: str


def recommend(scores: list[SectionScore], top: int, *, count: int = 2) -> list[Recommendation]:
    """The `count` weakest domains (up to three when more domains sit below the scale's middle), each with
    the reason in words, e.g. "Data and impact: 2.3 of 6, your lowest domain"."""
    below_middle = sum(1 for s in scores if s.mean is not None and s.mean <= top / 2)
    chosen = weakest(scores, min(MAX_PRIORITIES, max(count, below_middle)))
    return [
        Recommendation(
            s.key,
            s.title,
            s.module,
            round(s.mean, 1),
            f"{s.title}: {s.mean:.1f} of {top}, your {ORDINALS[n]} domain",
        )
        for n, s in enumerate(chosen)
    ]


@dataclass(frozen=True)
class ModuleReason:
    module: str
    recommended: bool
    reason: str


def _said(s: SectionScore, top: int, whose: str) -> str:
    return f"{whose} {s.title} {s.mean:.1f} of {top}"


def module_reasons(
    modules: list[str], leadership: list[SectionScore], capacity: list[SectionScore], top: int
) -> list[ModuleReason]:
    """Every module with the reason for it, naming the scores of the domains that map to it in both
    evaluations. A module is recommended when a domain mapped to it is among the weakest of its evaluation
    (and not already a strength) or sits at or below the scale's middle."""
    weak = {s.key for s in weakest(leadership, 2)} | {s.key for s in weakest(capacity, 2)}
    strong = top - top // 3 + 1  # a strength from here (5 and 6 on a six-point scale), as in scoring
    reasons = []
    for key in modules:
        related = [(s, "your leadership:") for s in leadership if s.module == key and s.mean is not None]
        related += [(s, "your school's capacity:") for s in capacity if s.module == key and s.mean is not None]
        low = [(s, whose) for s, whose in related if s.mean <= top / 2 or (s.key in weak and s.mean < strong)]
        if low:
            reason = "Recommended because " + "; ".join(_said(s, top, whose) for s, whose in low)
        elif related:
            reason = "Optional: " + "; ".join(_said(s, top, whose) for s, whose in related) + ", already a strength"
        else:
            reason = "Optional: no domain in your evaluations points to this module"
        reasons.append(ModuleReason(key, bool(low), reason + "."))
    return reasons


def capacity_actions(capacity: list[SectionScore], top: int, label) -> list[Recommendation]:
    """The school-capacity domains to act on (the two weakest, and any at or below the scale's middle), each
    with the module or support the framework maps it to; `label(key)` names that module or support."""
    below_middle = sum(1 for s in capacity if s.mean is not None and s.mean <= top / 2)
    chosen = weakest(capacity, min(MAX_PRIORITIES, max(2, below_middle)))
    return [
        Recommendation(
            s.key,
            s.title,
            s.module,
            round(s.mean, 1),
            f"School capacity, {s.title}: {s.mean:.1f} of {top}, your school's {ORDINALS[n]} domain"
            + (f". Action: {label(s.module)}" if label(s.module) else ""),
        )
        for n, s in enumerate(chosen)
    ]
