"""Pure scoring of framework responses: per-section means, strengths and gaps, change between two responses.

Nothing here touches the database or Flask: callers pass plain shapes and ratings.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class SectionShape:
    key: str
    title: str
    module: str | None
    item_ids: tuple[int, ...]


@dataclass(frozen=True)
class SectionScore:
    key: str
    title: str
    module: str | None
    mean: float | None  # None until at least one statement is rated
    answered: int
    total: int

    @property
    def rounded(self) -> float | None:
        return None if self.mean is None else round(self.mean, 1)


@dataclass(frozen=True)
class Change:
    key: str
    title: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)


def section_scores(shapes: Iterable[SectionShape], ratings: Mapping[int, int | None]) -> list[SectionScore]:
    """Each section's mean rating over the statements rated so far (unrated statements do not count)."""
    scores = []
    for shape in shapes:
        given = [ratings[i] for i in shape.item_ids if ratings.get(i) is not None]
        mean = sum(given) / len(given) if given else None
        scores.append(SectionScore(shape.key, shape.title, shape.module, mean, len(given), len(shape.item_ids)))
    return scores


def weakest(scores: Iterable[SectionScore], count: int) -> list[SectionScore]:
    """The `count` lowest-scoring sections, lowest first (ties keep the framework's order)."""
    scored = [s for s in scores if s.mean is not None]
    return sorted(scored, key=lambda s: s.mean)[:count]


def strongest(scores: Iterable[SectionScore], count: int) -> list[SectionScore]:
    scored = [s for s in scores if s.mean is not None]
    return sorted(scored, key=lambda s: -s.mean)[:count]


def split_items(item_ratings: Mapping[int, int | None], top: int) -> tuple[list[int], list[int]]:
    """Statements that are strengths (rated in the top third of the scale) and areas for development
    (rated in the bottom half), by item id, in the order given."""
    strong_from = top - top // 3 + 1  # 5 and 6 on a six-point scale
    weak_to = top // 2  # 1 to 3 on a six-point scale
    strengths = [i for i, r in item_ratings.items() if r is not None and r >= strong_from]
    areas = [i for i, r in item_ratings.items() if r is not None and r <= weak_to]
    return strengths, areas


def compare(before: Iterable[SectionScore], after: Iterable[SectionScore]) -> list[Change]:
    """Change per section between two responses, matched by section key (so across versions too); sections
    only in one of them show with the other side empty."""
    earlier = {s.key: s for s in before}
    changes = []
    for s in after:
        old = earlier.pop(s.key, None)
        changes.append(Change(s.key, s.title, old.rounded if old else None, s.rounded))
    changes.extend(Change(s.key, s.title, s.rounded, None) for s in earlier.values())
    return changes


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 1) if values else None
