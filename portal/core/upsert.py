"""INSERT ... ON CONFLICT for the database in use (SQLite and PostgreSQL both have it, each through its dialect)."""

from portal.extensions import db


def upsert(table):
    """An `insert(table)` that offers `on_conflict_do_update` / `on_conflict_do_nothing`."""
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)
