"""Ranked partner suggestions: a pure calculation over precomputed vectors (no Flask, no database).

Each visible profile becomes one row of an Index (unit interest vector, hashed unit hunch vector, stage bits,
way of working, availability, authority). A request scores every row with two matrix-vector products and a
few vector comparisons, then keeps the top k with argpartition: constant work per row, no Python loop.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import chain

import numpy as np

from portal.matching.similarity import unit_rows

from .vocabulary import INTERESTS, MODES, SECTORS, STAGES

TEXT_DIMS = 256
# Outwards outweighs nothing but a tie: at equal interest, a partner in another LA comes first (the seed's design).
WEIGHTS = {"interests": 0.45, "hunch": 0.2, "stages": 0.1, "practical": 0.1, "outwards": 0.15}
SIMILAR_HUNCH = 0.2
_INTEREST_COLUMN = {key: c for c, key in enumerate(INTERESTS)}
_STAGE_BIT = {key: 1 << b for b, key in enumerate(STAGES)}
_MODE = {key: c for c, key in enumerate(MODES)}  # online 0, in_person 1, either 2
_SECTOR = {name: c + 1 for c, name in enumerate(SECTORS)}
_OPEN_END = date.max.toordinal()
_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset(
    (
        "the",
        "and",
        "for",
        "with",
        "that",
        "this",
        "are",
        "our",
        "how",
        "can",
        "what",
        "will",
        "from",
        "more",
        "into",
        "their",
        "they",
        "them",
        "have",
        "has",
        "was",
        "were",
        "who",
        "which",
        "when",
        "where",
        "your",
        "you",
        "about",
        "been",
        "also",
        "than",
        "then",
        "very",
        "much",
        "many",
        "some",
        "such",
        "each",
        "other",
        "only",
        "over",
        "just",
        "like",
        "want",
        "would",
        "could",
        "should",
        "does",
        "doing",
        "make",
        "get",
        "use",
        "using",
        "all",
        "any",
        "its",
        "not",
        "but",
        "out",
        "one",
        "two",
        "way",
        "ways",
        "help",
    )
)


@dataclass(frozen=True)
class ProfileData:
    """What ranking needs of one profile (the loader copies it from the database)."""

    id: int
    owner_id: int
    authority_id: int | None = None
    sector: str = ""
    interests: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    hunch: str = ""
    mode: str = "either"
    available_from: date | None = None
    available_until: date | None = None
    kind: str = "person"
    status: str = "active"
    open_to_contact: bool = True

    @property
    def visible(self) -> bool:
        """Only published profiles open to contact are ever suggested (paused and withdrawn never)."""
        return self.status == "active" and self.open_to_contact


@dataclass(frozen=True)
class Filters:
    authority_id: int | None = None
    sector: str = ""
    stage: str = ""
    interest: str = ""
    kind: str = ""


@dataclass(frozen=True)
class Suggestion:
    profile_id: int
    score: float
    reason: str


def _stem(word: str) -> str:
    for ending in ("ing", "ies", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=65536)
def _bucket(word: str) -> int:
    """A content word's bucket: its stem hashed into TEXT_DIMS (stable across runs and processes)."""
    return -1 if word in _STOP else zlib.crc32(_stem(word).encode()) % TEXT_DIMS


def _buckets(text: str) -> list[int]:
    """The buckets of the text's distinct content words."""
    return [b for b in {_bucket(w) for w in _WORD.findall(text.lower())} if b >= 0]


def _matrix(rows: list[list[int]], width: int) -> np.ndarray:
    """Unit rows from column lists, stored column by column: a query reads only the columns it uses."""
    matrix = np.zeros((len(rows), width), dtype=np.float32)
    lengths = np.fromiter((len(r) for r in rows), dtype=np.intp, count=len(rows))
    columns = np.fromiter(chain.from_iterable(rows), dtype=np.intp, count=int(lengths.sum()))
    np.add.at(matrix, (np.repeat(np.arange(len(rows)), lengths), columns), 1.0)
    return np.asfortranarray(unit_rows(matrix), dtype=np.float32)


def text_vector(text: str) -> np.ndarray:
    return _matrix([_buckets(text)], TEXT_DIMS)[0]


def _interest_columns(keys) -> list[int]:
    return [_INTEREST_COLUMN[k] for k in set(keys) if k in _INTEREST_COLUMN]


def interest_vector(keys) -> np.ndarray:
    return _matrix([_interest_columns(keys)], len(_INTEREST_COLUMN))[0]


def _similarity(matrix: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Cosine similarity of every row with a sparse unit query, reading only the query's non-zero columns."""
    used = np.flatnonzero(query)
    if not len(used):
        return np.zeros(matrix.shape[0], dtype=np.float32)
    return matrix[:, used] @ query[used]


def stage_bits(keys) -> int:
    return sum(_STAGE_BIT.get(k, 0) for k in set(keys))


def _near(bits: int) -> int:
    return (bits << 1) | (bits >> 1)


@dataclass
class Index:
    """Rows of every profile ever loaded; `live` is false for those no longer visible (kept to avoid reshaping)."""

    ids: np.ndarray
    owners: np.ndarray
    authority: np.ndarray
    sector: np.ndarray
    kind: np.ndarray  # 0 person, 1 establishment
    stages: np.ndarray
    mode: np.ndarray
    start: np.ndarray
    end: np.ndarray
    interests: np.ndarray
    hunch: np.ndarray
    live: np.ndarray
    row_of: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return int(self.live.sum())


def _columns(profiles: list[ProfileData]) -> dict:
    return {
        "ids": np.array([p.id for p in profiles], dtype=np.int64),
        "owners": np.array([p.owner_id for p in profiles], dtype=np.int64),
        "authority": np.array([p.authority_id or 0 for p in profiles], dtype=np.int32),
        "sector": np.array([_SECTOR.get(p.sector, 0) for p in profiles], dtype=np.int8),
        "kind": np.array([p.kind == "establishment" for p in profiles], dtype=np.int8),
        "stages": np.array([stage_bits(p.stages) for p in profiles], dtype=np.int16),
        "mode": np.array([_MODE.get(p.mode, 2) for p in profiles], dtype=np.int8),
        "start": np.array([p.available_from.toordinal() if p.available_from else 0 for p in profiles], dtype=np.int64),
        "end": np.array(
            [p.available_until.toordinal() if p.available_until else _OPEN_END for p in profiles], dtype=np.int64
        ),
        "interests": _matrix([_interest_columns(p.interests) for p in profiles], len(_INTEREST_COLUMN)),
        "hunch": _matrix([_buckets(p.hunch) for p in profiles], TEXT_DIMS),
        "live": np.array([p.visible for p in profiles], dtype=bool),
    }


def build_index(profiles) -> Index:
    """Vectors for every profile, computed once; ranking then only multiplies."""
    profiles = list(profiles)
    index = Index(**_columns(profiles))
    index.row_of = {int(i): r for r, i in enumerate(index.ids)}
    return index


def updated(index: Index, changed) -> Index:
    """The index with `changed` profiles rewritten in place or appended (a profile saved since the last build)."""
    changed = list(changed)
    fresh = [p for p in changed if p.id not in index.row_of]
    known = [p for p in changed if p.id in index.row_of]
    if known:  # the rows rewritten in place, all at once (the vectors of each computed together)
        rows = np.fromiter((index.row_of[p.id] for p in known), dtype=np.intp, count=len(known))
        for name, values in _columns(known).items():
            getattr(index, name)[rows] = values
    if fresh:
        more = _columns(fresh)
        start = len(index.ids)
        index = replace(index, **{name: _append(getattr(index, name), values) for name, values in more.items()})
        index.row_of.update({p.id: start + k for k, p in enumerate(fresh)})
    return index


def _append(old: np.ndarray, new: np.ndarray) -> np.ndarray:
    both = np.concatenate([old, new])
    return np.asfortranarray(both) if both.ndim == 2 else both


def _mask(index: Index, seeker: ProfileData, exclude_owners, filters: Filters) -> np.ndarray:
    mask = index.live & (index.owners != seeker.owner_id)
    if exclude_owners:
        mask &= ~np.isin(index.owners, np.fromiter(exclude_owners, dtype=np.int64))
    if filters.authority_id:
        mask &= index.authority == filters.authority_id
    if filters.sector:
        mask &= index.sector == _SECTOR.get(filters.sector, -1)
    if filters.stage:
        mask &= (index.stages & _STAGE_BIT.get(filters.stage, 0)) != 0
    if filters.interest:
        column = _INTEREST_COLUMN.get(filters.interest)
        mask &= index.interests[:, column] > 0 if column is not None else False
    if filters.kind:
        mask &= index.kind == (filters.kind == "establishment")
    return mask


def _parts(index: Index, seeker: ProfileData) -> dict[str, np.ndarray]:
    """Each criterion's score in [0, 1] for every row."""
    bits, mode = stage_bits(seeker.stages), _MODE.get(seeker.mode, 2)
    if bits:  # 1 for a shared stage, 0.5 for a neighbouring one (or none given), 0 otherwise
        stages = 0.5 * ((index.stages & bits) != 0) + 0.5 * ((index.stages & (bits | _near(bits))) != 0)
        stages = np.where(index.stages == 0, np.float32(0.5), stages.astype(np.float32))
    else:
        stages = np.full(len(index.ids), 0.5, dtype=np.float32)
    same_way = (index.mode == 2) | (index.mode == mode) | (mode == 2)
    start = seeker.available_from.toordinal() if seeker.available_from else 0
    end = seeker.available_until.toordinal() if seeker.available_until else _OPEN_END
    overlap = (index.start <= end) & (index.end >= start)
    return {
        "interests": _similarity(index.interests, interest_vector(seeker.interests)),
        "hunch": _similarity(index.hunch, text_vector(seeker.hunch)),
        "stages": stages,
        "practical": np.float32(0.5) * same_way + np.float32(0.5) * overlap,
        "outwards": (index.authority != (seeker.authority_id or 0)).astype(np.float32),
    }


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _reason(index: Index, row: int, seeker: ProfileData, parts: dict) -> str:
    """One line saying why: shared interests, a similar hunch, stages, practical fit, another LA."""
    keys = list(INTERESTS)
    shared = [INTERESTS[keys[c]] for c in np.flatnonzero(index.interests[row] > 0) if keys[c] in seeker.interests]
    bits = []
    if shared:
        bits.append(f"shares {_join(shared[:2])}" + (f" and {len(shared) - 2} more" if len(shared) > 2 else ""))
    if parts["hunch"][row] >= SIMILAR_HUNCH:
        bits.append("a similar hunch")
    if parts["stages"][row] == 1.0 and seeker.stages:
        bits.append("the same stages")
    if parts["outwards"][row]:
        bits.append("another local authority")
    elif parts["practical"][row] == 1.0:
        bits.append("can work the way you want")
    if not bits:
        return "A possible partner: no interests in common yet."
    return (bits[0][0].upper() + _join(bits)[1:]) + "."


def suggest(
    index: Index, seeker: ProfileData, *, exclude_owners=frozenset(), filters: Filters = Filters(), k: int = 10
) -> list[Suggestion]:
    """The k best visible profiles for `seeker` (never their own, never `exclude_owners`), best first."""
    if not len(index.ids):
        return []
    parts = _parts(index, seeker)
    score = sum(np.float32(WEIGHTS[name]) * values for name, values in parts.items())
    score = np.where(_mask(index, seeker, exclude_owners, filters), score, np.float32(-np.inf))
    count = int(np.isfinite(score).sum())
    if not count:
        return []
    k = min(k, count)
    top = np.argpartition(-score, k - 1)[:k]
    top = sorted(top, key=lambda r: (-score[r], int(index.ids[r])))
    return [Suggestion(int(index.ids[r]), round(float(score[r]), 4), _reason(index, r, seeker, parts)) for r in top]
