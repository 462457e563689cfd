"""The SQL a block of code sends, and how SQLite would answer a statement (its query plan)."""

from contextlib import contextmanager

from sqlalchemy import event

from portal.extensions import db


class Sent(list):
    """The SQL of each statement sent, in order; `parameters[i]` are the i-th statement's."""

    def __init__(self):
        super().__init__()
        self.parameters: list = []

    def record(self, conn, cursor, statement, parameters, *rest) -> None:
        self.append(statement)
        self.parameters.append(parameters)


@contextmanager
def statements():
    """The statements sent inside the block (see Sent)."""
    seen = Sent()
    listener = seen.record
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)


def sqlite_plan(statement: str, parameters=()) -> str:
    """SQLite's EXPLAIN QUERY PLAN for a statement as sent, its steps joined with " | "."""
    cursor = db.session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
    return " | ".join(row[3] for row in cursor)
