"""Text search indexes on SQLite: FTS5 tables that read their text from a model's table, kept by triggers.

PostgreSQL searches with its own indexes (pg_trgm for "contains", tsvector for words); SQLite has none of its own
for text, so a search there read every row. Each index here is an FTS5 table with "external content" (it stores
no copy of the text, only its index, and reads rows from the model's table), created with the table by create_all
and by a migration (which writes its statements out again). After an erasure the indexes are merged, so the words
of erased text are gone from them too (a change first records "deleted" beside the old entry, kept until a merge).
"""

import re
from dataclasses import dataclass

from sqlalchemy import DDL, event, literal_column, select, table

from portal.extensions import db


@dataclass(frozen=True)
class TextIndex:
    name: str
    table: str
    columns: tuple[str, ...]
    tokenize: str  # "trigram": any three characters; "porter unicode61": words, by their stem

    def statements(self) -> tuple[str, ...]:
        """The index, its three triggers and its first fill."""
        cols, old, new = ", ".join(self.columns), _values("old", self.columns), _values("new", self.columns)
        forget = f"INSERT INTO {self.name}({self.name}, rowid, {cols}) VALUES ('delete', old.id, {old});"
        learn = f"INSERT INTO {self.name}(rowid, {cols}) VALUES (new.id, {new});"
        return (
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.name} USING fts5({cols}, content='{self.table}', "
            f"content_rowid='id', tokenize='{self.tokenize}')",
            f"CREATE TRIGGER IF NOT EXISTS {self.name}_insert AFTER INSERT ON {self.table} BEGIN {learn} END",
            f"CREATE TRIGGER IF NOT EXISTS {self.name}_delete AFTER DELETE ON {self.table} BEGIN {forget} END",
            f"CREATE TRIGGER IF NOT EXISTS {self.name}_update AFTER UPDATE OF {cols} ON {self.table} BEGIN "
            f"{forget} {learn} END",
            f"INSERT INTO {self.name}({self.name}) VALUES ('rebuild')",
        )

    def ids_matching(self, query: str):
        """The ids of the rows matching an FTS5 query (see `phrase` and `words`)."""
        rows = select(literal_column("rowid")).select_from(table(self.name))
        return rows.where(literal_column(self.name).match(query))


INDEXES: list[TextIndex] = []


def _values(row: str, columns) -> str:
    return ", ".join(f"{row}.{c}" for c in columns)


def sqlite_text_index(model_table, name: str, columns: tuple[str, ...], tokenize: str) -> TextIndex:
    """Declare an index of `columns` of `model_table`, created and dropped with it on SQLite."""
    index = TextIndex(name, model_table.name, columns, tokenize)
    for statement in index.statements():
        event.listen(model_table, "after_create", DDL(statement).execute_if(dialect="sqlite"))
    event.listen(model_table, "before_drop", DDL(f"DROP TABLE IF EXISTS {name}").execute_if(dialect="sqlite"))
    INDEXES.append(index)
    return index


def on_sqlite() -> bool:
    return db.engine.dialect.name == "sqlite"


def phrase(text: str, columns: tuple[str, ...]) -> str:
    """An FTS5 query: `text` as typed, found anywhere in any of `columns` (the index's own syntax is text)."""
    return "{" + " ".join(columns) + '}: "' + text.replace('"', '""') + '"'


def words(text: str) -> str | None:
    """An FTS5 query: every word of `text` (as PostgreSQL's plainto_tsquery reads it); None if it has none."""
    found = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in found) or None


def merge_all() -> None:
    """Merge every index into one segment (after an erasure: see the module's note)."""
    if on_sqlite():
        for index in INDEXES:
            db.session.connection().exec_driver_sql(f"INSERT INTO {index.name}({index.name}) VALUES ('optimize')")


def compared_with_the_models(name: str, type_: str, parent_names: dict) -> bool:
    """alembic's `include_name`: every table but the indexes' own (an FTS5 table and the tables it keeps)."""
    return not (type_ == "table" and any(name == i.name or name.startswith(f"{i.name}_") for i in INDEXES))
