"""People search by any part of a name or e-mail address, answered from an index on both databases.

PostgreSQL: ILIKE on the columns, answered by their pg_trgm indexes. SQLite has no trigram index of its own: an
FTS5 table with the trigram tokenizer (`models.SQLITE_SEARCH_INDEX`) answers "contains these three or more
characters" without reading every person. Both ignore case, in every alphabet.
"""

from sqlalchemy import literal_column, or_, select, table

from portal.accounts.models import SEARCH_TABLE, User
from portal.core.sqltext import ilike
from portal.extensions import db


def name_or_email_contains(text: str):
    """A filter: people whose name or e-mail address contains `text`, in any case."""
    if db.engine.dialect.name == "sqlite" and len(text) >= 3:  # a trigram index needs three characters
        phrase = '{name email}: "' + text.replace('"', '""') + '"'
        matches = select(literal_column("rowid")).select_from(table(SEARCH_TABLE))
        return User.id.in_(matches.where(literal_column(SEARCH_TABLE).match(phrase)))
    like = f"%{text}%"
    # ILIKE on the bare columns: PostgreSQL answers it from the trigram indexes (lower(name) would not).
    return or_(ilike(User.name, like), ilike(User.email, like))


def forget_erased_text() -> None:
    """Merge SQLite's index into one segment, so the words of a name or address just erased are gone from it (a
    change first records "deleted" beside the old entry, which stays until a merge)."""
    if db.engine.dialect.name == "sqlite":
        db.session.connection().exec_driver_sql(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('optimize')")
