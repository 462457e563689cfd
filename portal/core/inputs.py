"""Numbers from outside (URLs, query strings, forms) kept inside what the databases store: ids and page numbers
fit a 32-bit integer, so a huge one answers 404 or a message instead of overflowing a query."""

import math

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import IntegerConverter

MAX_INT = 2**31 - 1  # PostgreSQL's integer; SQLite stores up to 2**63 - 1


class BoundedIntConverter(IntegerConverter):
    """The `int` URL converter, with a ceiling: /things/99999999999999999999999 is a 404, not an overflow."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_INT, signed=False):  # noqa: A002 (werkzeug's names)
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def _int_in_range(value) -> int:
    number = int(value)
    if not -MAX_INT <= number <= MAX_INT:
        raise ValueError(value)
    return number


class BoundedParameters(ImmutableMultiDict):
    """Query and form values whose `get(..., type=int)` treats a number too large to store as missing (the
    default), so every `request.args.get(..., type=int)` is safe."""

    def get(self, key, default=None, type=None):  # noqa: A002 (werkzeug's names)
        return super().get(key, default, _int_in_range if type is int else type)

    def getlist(self, key, type=None):  # noqa: A002
        return super().getlist(key, _int_in_range if type is int else type)


class PortalRequest(Request):
    parameter_storage_class = BoundedParameters


def bounded_int(value, default: int | None = None, *, low: int = -MAX_INT, high: int = MAX_INT) -> int | None:
    """`value` as a whole number within [low, high], or `default` (for `request.args.get(..., type=bounded_int)`
    use `positive_int` / `page_number`)."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


def id_arg(value) -> int:
    """A query-string id: a whole number from 1 to MAX_INT; anything else raises ValueError (request.args.get's
    `type` then gives the default)."""
    number = bounded_int(value, low=1)
    if number is None:
        raise ValueError(value)
    return number


def page_arg(value) -> int:
    """A page number from the query string: 1 to 100,000 (past the end shows the last or an empty page)."""
    number = bounded_int(value, low=1, high=100_000)
    if number is None:
        raise ValueError(value)
    return number


def finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)
