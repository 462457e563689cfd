"""The year, month and school year (1 August to 31 July) of a stored date or timestamp, in SQL, on both databases.

PostgreSQL reads them with EXTRACT. SQLite stores dates and timestamps as ISO text (SQLAlchemy writes
'YYYY-MM-DD' and 'YYYY-MM-DD HH:MM:SS.ffffff'), so the year and month are read from their places in the text:
the same numbers as STRFTIME (SQLAlchemy's EXTRACT on SQLite), without parsing every timestamp of a grouped count
of tens of thousands of rows.
"""

from sqlalchemy import Integer, case
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class year_of(FunctionElement):  # noqa: N801 (an SQL function)
    """The calendar year of a date or timestamp, an integer."""

    type = Integer()
    inherit_cache = True


class month_of(FunctionElement):  # noqa: N801 (an SQL function)
    """The month (1-12) of a date or timestamp, an integer."""

    type = Integer()
    inherit_cache = True


def school_year(column):
    """The calendar year the school year (August to July) holding `column` starts in."""
    return year_of(column) - case((month_of(column) < 8, 1), else_=0)


@compiles(year_of)
def _year(element, compiler, **kw):
    return f"CAST(EXTRACT(year FROM {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(month_of)
def _month(element, compiler, **kw):
    return f"CAST(EXTRACT(month FROM {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(year_of, "sqlite")
def _year_sqlite(element, compiler, **kw):
    return f"CAST(substr({compiler.process(element.clauses, **kw)}, 1, 4) AS INTEGER)"


@compiles(month_of, "sqlite")
def _month_sqlite(element, compiler, **kw):
    return f"CAST(substr({compiler.process(element.clauses, **kw)}, 6, 2) AS INTEGER)"
