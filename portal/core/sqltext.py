"""Case-insensitive text matching in SQL, on both databases.

PostgreSQL: ILIKE on the bare column (its pg_trgm indexes answer it). SQLite: plain LIKE, which already ignores
the case of ASCII letters and only of them, as SQLite's lower() does: the same matches as SQLAlchemy's ILIKE
there (lower(column) LIKE lower(pattern)) without calling lower() on every row scanned.
"""

from portal.extensions import db


def ilike(column, pattern: str, *, escape: str | None = None):
    """`column ILIKE pattern` (see the module's note)."""
    if db.engine.dialect.name == "sqlite":
        return column.like(pattern, escape=escape)
    return column.ilike(pattern, escape=escape)
