"""Disclosure control, the one module every aggregate goes through.

Primary suppression: no figure about fewer than the threshold's people is shown (MIN_GROUP for the portal's
reports; the annual survey uses SURVEY_MIN_RESPONSES). Secondary suppression (`suppress_table`): where a table
shows row or column totals, a hidden cell that is the only hidden one in its row or column could be worked out
by subtraction, so a second cell in that line is hidden too (the smallest other non-zero one), until no line
has exactly one hidden cell; a line with no such partner hides its total instead.
"""

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

MIN_GROUP = 5
SURVEY_MIN_RESPONSES = 10


def shown(count: int, threshold: int = MIN_GROUP) -> bool:
    return count >= threshold


def suppress(value, count: int, threshold: int = MIN_GROUP):
    """`value` when it describes at least `threshold` people, otherwise None (templates say 'fewer than N')."""
    return value if shown(count, threshold) else None


@dataclass
class Suppression:
    """What to hide in a two-way table: cells by (row, column) key, and row / column totals by key."""

    cells: set = field(default_factory=set)
    row_totals: set = field(default_factory=set)
    column_totals: set = field(default_factory=set)

    def hides(self, row: Hashable, column: Hashable) -> bool:
        return (row, column) in self.cells


def suppress_table(counts: Mapping[tuple[Hashable, Hashable], int], threshold: int = MIN_GROUP) -> Suppression:
    """Primary and secondary suppression for a table of counts keyed by (row, column), shown with its totals.

    A cell of 0 is shown (it describes nobody); a cell of 1..threshold-1 is hidden; then, for every row and
    column left with exactly one hidden cell, the smallest other non-zero cell of that line is hidden as well
    (or, if there is none, the line's total), repeated until stable.
    """
    result = Suppression(cells={key for key, n in counts.items() if 0 < n < threshold})
    rows: dict = defaultdict(list)
    columns: dict = defaultdict(list)
    for key in counts:
        rows[key[0]].append(key)
        columns[key[1]].append(key)
    for line_key, keys in rows.items():
        if 0 < sum(counts[k] for k in keys) < threshold:
            result.row_totals.add(line_key)
    for line_key, keys in columns.items():
        if 0 < sum(counts[k] for k in keys) < threshold:
            result.column_totals.add(line_key)
    changed = True
    while changed:
        changed = False
        for lines, totals in ((rows, result.row_totals), (columns, result.column_totals)):
            for line_key, keys in lines.items():
                hidden = [k for k in keys if k in result.cells]
                if len(hidden) != 1 or line_key in totals:
                    continue
                partners = sorted((counts[k], k) for k in keys if k not in result.cells and counts[k] > 0)
                if partners:
                    result.cells.add(partners[0][1])
                else:
                    totals.add(line_key)
                changed = True
    return result
