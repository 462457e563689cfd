"""People search by any part of a name or e-mail address, answered from an index on both databases.

PostgreSQL: ILIKE on the columns, answered by their pg_trgm indexes. SQLite: `models.PEOPLE_INDEX`, an FTS5 table
with the trigram tokenizer (core.textindex). Both ignore case.
"""

from sqlalchemy import or_

from portal.accounts.models import PEOPLE_INDEX, User
from portal.core.sqltext import ilike
from portal.core.textindex import on_sqlite, phrase


def name_or_email_contains(text: str):
    """A filter: people whose name or e-mail address contains `text`, in any case."""
    if on_sqlite() and len(text) >= 3:  # a trigram index needs three characters
        return User.id.in_(PEOPLE_INDEX.ids_matching(phrase(text, PEOPLE_INDEX.columns)))
    # ILIKE on the bare columns: PostgreSQL answers it from the trigram indexes (lower(name) would not).
    return or_(ilike(User.name, f"%{text}%"), ilike(User.email, f"%{text}%"))
