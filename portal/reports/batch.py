"""Small grouped reads gathered into one statement: a page adds each read under a tag, then reads them all at once.

A report page asks for a few dozen small grouped results (per-year counts, per-cohort facts, the headline figures
of two periods); each is cheap, but a round trip each would make the page's statements grow with what it shows.
`Batch.add(tag, stmt)` only records a SELECT; the first `rows(tag)` runs every read still waiting as one
UNION ALL and hands each back its own rows, as tuples in its own column order. Reads added after that run in the
next statement, so a builder used alone (one table's CSV, a test) costs one statement as before.

The branches of a UNION must agree column by column, so each read's columns go into typed slots: integers,
texts, timestamps and floats (a read's `func.avg` or ratio must say `cast(..., Float)`: its type is not known
otherwise). Integers and floats are cast to the slot's type, so a PostgreSQL sum comes back an int, not a
Decimal. A slot a read does not use holds a NULL of the slot's type. Rows of a read come back in no particular
order: a read that needs one sorts in Python.
"""

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    Integer,
    Numeric,
    String,
    cast,
    literal,
    null,
    union_all,
)

from portal.extensions import db

SLOT_TYPES = {"i": BigInteger, "t": String, "d": DateTime, "f": Float}


def _kind(column) -> str:
    kind = column.type
    if isinstance(kind, Boolean):
        raise TypeError(f"{column}: booleans are not batched (count them)")
    if isinstance(kind, Integer):
        return "i"
    if isinstance(kind, (Numeric, Float)):  # Double too: returned as float
        return "f"
    if isinstance(kind, String):
        return "t"
    if isinstance(kind, DateTime):
        return "d"
    raise TypeError(f"{column}: a batched column needs a known type (cast it), not {kind!r}")


class Batch:
    """Reads recorded by tag, run together as one statement the first time any of them is read."""

    def __init__(self):
        self._waiting: dict[str, object] = {}
        self._rows: dict[str, list[tuple]] = {}

    def __contains__(self, tag: str) -> bool:
        """Whether `tag` is waiting or read (a builder then need not build its statement again)."""
        return tag in self._waiting or tag in self._rows

    def add(self, tag: str, stmt) -> None:
        """Record a SELECT to read with the others (a tag already read or waiting keeps its first statement)."""
        if tag not in self._rows and tag not in self._waiting:
            self._waiting[tag] = stmt

    def rows(self, tag: str) -> list[tuple]:
        if tag in self._waiting:
            self.run()
        return self._rows[tag]

    def run(self) -> None:
        waiting, self._waiting = self._waiting, {}
        if not waiting:
            return
        statement, read = _compose(waiting)
        for tag in waiting:
            self._rows[tag] = []
        for row in db.session.execute(statement):
            self._rows[row[0]].append(read(row))


def _compose(reads: dict):
    """The UNION ALL of `reads` ({tag: SELECT}) in typed slots, and a function giving a row back its read's shape."""
    layouts = {}  # tag -> [(kind, index among that kind's slots)], in the read's column order
    widths = dict.fromkeys(SLOT_TYPES, 0)
    for tag, stmt in reads.items():
        seen = dict.fromkeys(SLOT_TYPES, 0)
        layout = []
        for column in stmt.selected_columns:
            kind = _kind(column)
            layout.append((kind, seen[kind]))
            seen[kind] += 1
        layouts[tag] = layout
        widths = {k: max(widths[k], seen[k]) for k in SLOT_TYPES}
    offsets, at = {}, 1  # column 0 is the tag
    for kind in SLOT_TYPES:
        offsets[kind], at = at, at + widths[kind]
    branches = []
    for tag, stmt in reads.items():
        slots = {k: [cast(null(), t)] * widths[k] for k, t in SLOT_TYPES.items()}
        for column, (kind, i) in zip(stmt.selected_columns, layouts[tag], strict=True):
            slots[kind][i] = cast(column, SLOT_TYPES[kind]) if kind in "if" else column
        # the read's own FROM, WHERE and GROUP BY with its columns in their slots (no subquery to build)
        columns = [literal(tag).label("tag"), *[c for k in SLOT_TYPES for c in slots[k]]]
        branches.append(stmt.with_only_columns(*columns, maintain_column_froms=True))
    statement = branches[0] if len(branches) == 1 else union_all(*branches)
    return statement, lambda row: tuple(row[offsets[kind] + i] for kind, i in layouts[row[0]])
