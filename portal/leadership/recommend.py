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
