"""One pager for every list: a select becomes a Page that templates render with the `pager` macro."""

from dataclasses import dataclass
from math import ceil

from flask import current_app, request
from sqlalchemy import Integer, Select, bindparam, func, select

from portal.extensions import db

MAX_PAGE = 100_000  # beyond any real list; larger numbers (or garbage) in ?page= fall back to page 1


def page_number() -> int:
    """?page= as a whole number from 1 to MAX_PAGE; anything else is page 1 (never an error, never a 500)."""
    raw = request.args.get("page", "")
    return int(raw) if raw.isdigit() and len(raw) <= 6 and 1 <= int(raw) <= MAX_PAGE else 1


@dataclass
class Page:
    """A page of rows and what the pager needs (the same names as Flask-SQLAlchemy's Pagination)."""

    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(ceil(self.total / self.per_page), 1)

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1

    def __iter__(self):
        return iter(self.items)


@dataclass(frozen=True)
class Listing:
    """A list's two statements built once per process (`listing(stmt)`), for a list whose select has its values
    as bound parameters: building the select, its count and its window again on every request (and their cache
    keys) can cost more Python than the database takes to answer them."""

    count: Select
    window: Select  # one page: the select with its LIMIT and OFFSET bound too


def where_bound(stmt: Select, *filters: tuple) -> Select:
    """`stmt` with `column = :name` for each (column, name, in_use) filter in use: a statement built once per shape
    of filters, whose values are bound when it runs."""
    for column, name, in_use in filters:
        if in_use:
            stmt = stmt.where(column == bindparam(name))
    return stmt


def listing(stmt: Select, counted: Select | None = None) -> Listing:
    """The count and the page of `stmt`, as paginate builds them, with the page's size and start bound. `counted`:
    the same rows without what only the page shows (a join for a label), to count them without it."""
    return Listing(
        select(func.count()).select_from((stmt if counted is None else counted).order_by(None).subquery()),
        stmt.limit(bindparam("page_size", type_=Integer)).offset(bindparam("page_start", type_=Integer)),
    )


def paginate(
    stmt,
    *,
    per_page: int | None = None,
    page: int | None = None,
    rows: bool = False,
    total_in_page: bool = False,
    params: dict | None = None,
) -> Page:
    """Two queries whatever the size of the list: the count, then one page of `stmt` (entities, or whole rows
    when `rows` is true). The page number comes from ?page= unless given; PAGE_SIZE rows unless given.

    `stmt` may be a Listing built once per process, run with its bound `params` (`total_in_page` is for a
    select built per request: a search's).

    `total_in_page`: one query instead, the count read beside each row of the page (COUNT(*) OVER ()), for a
    search whose filter scans many rows to find few: the scan is made once, not twice (a page past the end still
    counts apart). Not for a long unfiltered list, which the database counts from an index but would have to
    read whole to count this way."""
    per_page = per_page or current_app.config["PAGE_SIZE"]
    page = page or page_number()
    params = params or {}
    if total_in_page and not isinstance(stmt, Listing):
        window = stmt.add_columns(func.count().over().label("page_total"))
        found = db.session.execute(window.limit(per_page).offset((page - 1) * per_page), params).all()
        if found or page == 1:
            total = found[0].page_total if found else 0
            return Page(found if rows else [row[0] for row in found], total, page, per_page)
    built = stmt if isinstance(stmt, Listing) else listing(stmt)
    total = db.session.scalar(built.count, params) or 0
    window = {**params, "page_size": per_page, "page_start": (page - 1) * per_page}
    items = (
        db.session.execute(built.window, window).all() if rows else db.session.scalars(built.window, window).unique()
    )
    return Page(list(items), total, page, per_page)
