"""PostgreSQL's cursor, describing a result's columns only when they are read."""

from collections.abc import Sequence

import psycopg

_describe = psycopg.Cursor.description.fget


class _Columns(Sequence):
    """`cursor.description` of one result: its length at once, its psycopg `Column`s built when first read."""

    __slots__ = ("_columns", "_count", "_cursor", "_result")

    def __init__(self, cursor, result):
        self._cursor, self._result, self._count, self._columns = cursor, result, result.nfields, None

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        if self._columns is None:
            if self._cursor.pgresult is not self._result:
                raise RuntimeError("a result's description was read after its cursor moved on")
            self._columns = _describe(self._cursor)
        return self._columns[index]


class DescribedOnReadCursor(psycopg.Cursor):
    """psycopg builds a `Column` (its name decoded, its type looked up) for every column of every result as soon as
    `description` is read. SQLAlchemy reads it for every statement but, once it has cached a statement's result
    columns, only checks that there is one: the home page reads ~240 columns, ~1,900 calls a request, for nothing."""

    @property
    def description(self):
        result = self.pgresult
        if result is not None and result.nfields:
            return _Columns(self, result)
        return _describe(self)
