"""The research partner's item-level file: one line per response, no free text, no establishment, no key, and
k-anonymous on the respondent columns it releases (version, sector, role group, years in post, LA): every
combination of them appears at least SURVEY_MIN_RESPONSES times. Small groups per column are not enough (a
Primary head teacher new in post in one LA can be alone while each of those values is common), so categories are
merged into "Other (merged)" one at a time, each time the merge that leaves the fewest people in small
combinations (the fewest people's answers changed on a tie); once few enough are left (at most SUPPRESS_SHARE of
the file), their lines are left out."""

import json
from collections import Counter

from portal.core.personal_data import csv_cell
from portal.core.privacy import SURVEY_MIN_RESPONSES
from portal.survey import queries
from portal.survey.models import ROLE_GROUPS, VERSIONS, YEARS_IN_POST

MERGED = "Other (merged)"
SUPPRESS_SHARE = 0.02  # lines that may be left out rather than merge a category for everyone


def k_anonymise(
    records: list[tuple], k: int = SURVEY_MIN_RESPONSES, max_suppressed: int | None = None
) -> list[tuple | None]:
    """Each record (a tuple of released values) as released: values merged into MERGED so that every released
    combination occurs at least `k` times, or None for a record left out (at most `max_suppressed` of them,
    default SUPPRESS_SHARE of the records; all of them when there are fewer than `k`). Greedy: merge the category
    (of any column) after which the fewest records are in combinations under `k`; on a tie, the smallest."""
    width = len(records[0]) if records else 0
    merged: list[set] = [set() for _ in range(width)]
    base = Counter(records)
    limit = int(len(records) * SUPPRESS_SHARE) if max_suppressed is None else max_suppressed

    def release(record: tuple) -> tuple:
        return tuple(MERGED if v in merged[i] else v for i, v in enumerate(record))

    def combinations() -> Counter:
        counts: Counter = Counter()
        for record, n in base.items():
            counts[release(record)] += n
        return counts

    def small(counts: Counter) -> int:
        return sum(n for n in counts.values() if n < k)

    current = combinations()
    while small(current) > limit:
        candidates = []
        for i in range(width):
            shown: Counter = Counter()
            for combination, n in current.items():
                if combination[i] != MERGED:
                    shown[combination[i]] += n
            for value, n in shown.items():
                merged[i].add(value)
                candidates.append((small(combinations()), n, i, str(value), value))
                merged[i].discard(value)
        if not candidates:
            break  # everything merged: fewer than k records in all, so none is released
        *_, i, _, value = min(candidates, key=lambda c: c[:4])
        merged[i].add(value)
        current = combinations()
    too_small = {combination for combination, n in current.items() if n < k}
    return [None if release(r) in too_small else release(r) for r in records]


def item_level_rows(survey) -> tuple[list[str], list[list]]:
    rows = queries.item_level(survey)
    names = queries.authority_names()
    keys = [i.key for i in queries.latest_version(survey).items]
    seen = {k for r in rows for k in json.loads(r.answers)}
    keys += sorted(seen - set(keys))
    released = k_anonymise(
        [
            (
                VERSIONS.get(r.version, r.version),
                r.sector,
                ROLE_GROUPS.get(r.role_group, r.role_group),
                YEARS_IN_POST.get(r.years_in_post, r.years_in_post),
                names.get(r.authority_id, ""),
            )
            for r in rows
        ]
    )
    header = ["school_year", "version", "sector", "role_group", "years_in_post", "local_authority", *keys]
    out = []
    for r, about in zip(rows, released, strict=True):
        if about is None:
            continue  # in a combination too small even after merging: left out
        answers = json.loads(r.answers)
        values = ["DK" if answers.get(k) == 0 else answers.get(k, "") for k in keys]
        out.append([survey.school_year, *(csv_cell(v) for v in about), *values])
    return header, out
