"""Case-insensitive text matching in SQL, on both databases; filters read in the order of an index.

PostgreSQL: ILIKE on the bare column (its pg_trgm indexes answer it). SQLite: plain LIKE, which already ignores
the case of ASCII letters and only of them, as SQLite's lower() does: the same matches as SQLAlchemy's ILIKE
there (lower(column) LIKE lower(pattern)) without calling lower() on every row scanned.
"""

from sqlalchemy import any_, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

from portal.extensions import db


def ilike(column, pattern: str, *, escape: str | None = None):
    """`column ILIKE pattern` (see the module's note)."""
    if db.engine.dialect.name == "sqlite":
        return column.like(pattern, escape=escape)
    return column.ilike(pattern, escape=escape)


class _OneColumn(ColumnElement):
    """A column written differently per database; by default (and where not said otherwise) the bare column."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column):
        self.column = column
        self.type = column.type


def _bare(element, compiler, **kw):
    return compiler.process(element.column, **kw)


class in_order_walk(_OneColumn):  # noqa: N801 (used as a function)
    """`column`, as a filter of a list read in the order of an index that also holds `column`.

    SQLite answers `a = 1 OR b IN (...)` from the indexes of `a` and `b` when it can, gathering every match to sort
    it, even for one page of a long list. In a select with an ORDER BY this writes `+column` on SQLite (its way of
    saying "no index for this term"), so it walks the ORDER BY's index instead, checks the term on each entry and
    stops at the end of the page. In a select without one (the pager's count of the same list) it stays the bare
    column, which its own index counts best; PostgreSQL always gets the bare column. Use it only where an index
    gives the ORDER BY and holds the column (or the walk reads the table)."""

    inherit_cache = True  # declared by each class (SQLAlchemy reads it from the class itself)


compiles(in_order_walk)(_bare)


@compiles(in_order_walk, "sqlite")
def _walked_when_ordered(element, compiler, **kw):
    sql = compiler.process(element.column, **kw)
    ordered = bool(compiler.stack) and bool(compiler.stack[-1]["selectable"]._order_by_clauses)
    return f"+{sql}" if ordered else sql


class sorted_after_filter(_OneColumn):  # noqa: N801 (used as a function)
    """`column` as the ORDER BY of a search whose filter has its own index (the pg_trgm indexes of `ilike`).

    A page of a search counts every match beside its rows (`paginate(total_in_page=True)`), so it reads every match
    whatever the order; PostgreSQL still walks the whole btree of `column` in order, expecting to stop after one
    page, instead of finding the matches through the trigram indexes and sorting them. On PostgreSQL this writes
    `(column || '')`: the same order (the same collation), which no btree gives, so the filter's index is used.
    SQLite (no trigram index) gets the bare column and walks the index in order."""

    inherit_cache = True  # declared by each class (SQLAlchemy reads it from the class itself)


compiles(sorted_after_filter)(_bare)


@compiles(sorted_after_filter, "postgresql")
def _order_no_btree_gives(element, compiler, **kw):
    return f"({compiler.process(element.column, **kw)} || '')"


def in_list_of(column, select):
    """`column IN (select)`, for a term ORed with another: on PostgreSQL `column = ANY(ARRAY(select))`.

    PostgreSQL answers `a = 1 OR b IN (select)` by reading the whole table, checking `b` against the select's
    hashed rows (it cannot OR a subquery's matches from an index); with the select's rows as one array, known
    before the scan, it ORs the two columns' indexes instead (an LA's people counted: 5.6 ms against 2.6-2.9).
    SQLite gets the plain `IN`."""
    if db.engine.dialect.name == "postgresql":
        return column == any_(func.array(select.scalar_subquery()))
    return column.in_(select)
