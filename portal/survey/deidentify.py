"""The research partner's item-level file: one line per response, no free text, no establishment, no key,
and every category with fewer than SURVEY_MIN_RESPONSES responses merged into "Other (merged)"."""

import json
from collections import Counter

from portal.core.personal_data import csv_cell
from portal.core.privacy import SURVEY_MIN_RESPONSES
from portal.survey import queries
from portal.survey.models import ROLE_GROUPS, VERSIONS, YEARS_IN_POST

MERGED = "Other (merged)"


def merge_small(values: list[str], threshold: int = SURVEY_MIN_RESPONSES) -> list[str]:
    """Each value, or MERGED where fewer than `threshold` share it (if the merged group is itself small, the
    smallest shown category joins it, so no group of the file is under the threshold)."""
    counts = Counter(values)
    small = {v for v, n in counts.items() if n < threshold}
    merged_n = sum(counts[v] for v in small)
    while small and merged_n < threshold and len(small) < len(counts):
        extra = min((n, v) for v, n in counts.items() if v not in small)[1]
        small.add(extra)
        merged_n += counts[extra]
    return [MERGED if v in small else v for v in values]


def item_level_rows(survey) -> tuple[list[str], list[list]]:
    rows = queries.item_level(survey)
    names = queries.authority_names()
    keys = [i.key for i in queries.latest_version(survey).items]
    seen = {k for r in rows for k in json.loads(r.answers)}
    keys += sorted(seen - set(keys))
    columns = {
        "version": merge_small([VERSIONS.get(r.version, r.version) for r in rows]),
        "sector": merge_small([r.sector for r in rows]),
        "role": merge_small([ROLE_GROUPS.get(r.role_group, r.role_group) for r in rows]),
        "years": merge_small([YEARS_IN_POST.get(r.years_in_post, r.years_in_post) for r in rows]),
        "authority": merge_small([names.get(r.authority_id, "") for r in rows]),
    }
    header = ["school_year", "version", "sector", "role_group", "years_in_post", "local_authority", *keys]
    out = []
    for i, r in enumerate(rows):
        answers = json.loads(r.answers)
        values = ["DK" if answers.get(k) == 0 else answers.get(k, "") for k in keys]
        out.append(
            [survey.school_year]
            + [csv_cell(columns[c][i]) for c in ("version", "sector", "role", "years", "authority")]
            + values
        )
    return header, out
