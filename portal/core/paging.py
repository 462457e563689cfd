"""One pager for every list: a select becomes a Page that templates render with the `pager` macro."""

from dataclasses import dataclass
from math import ceil

from flask import current_app, request
from sqlalchemy import func, select

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


def paginate(
    stmt, *, per_page: int | None = None, page: int | None = None, rows: bool = False, total_in_page: bool = False
) -> Page:
    """Two queries whatever the size of the list: the count, then one page of `stmt` (entities, or whole rows
    when `rows` is true). The page number comes from ?page= unless given; PAGE_SIZE rows unless given.

    `total_in_page`: one query instead, the count read beside each row of the page (COUNT(*) OVER ()), for a
    search whose filter scans many rows to find few: the scan is made once, not twice (a page past the end still
    counts apart). Not for a long unfiltered list, which the database counts from an index but would have to
    read whole to count this way."""
    per_page = per_page or current_app.config["PAGE_SIZE"]
    page = page or page_number()
    if total_in_page:
        window = stmt.add_columns(func.count().over().label("page_total"))
        found = db.session.execute(window.limit(per_page).offset((page - 1) * per_page)).all()
        if found or page == 1:
            total = found[0].page_total if found else 0
            return Page(found if rows else [row[0] for row in found], total, page, per_page)
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    window = stmt.limit(per_page).offset((page - 1) * per_page)
    items = list(db.session.execute(window).all() if rows else db.session.scalars(window).unique())
    return Page(items, total, page, per_page)
