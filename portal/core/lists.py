"""One loaded record's lists (its one-to-many relationships), each read by a statement built once per process.

`selectinload` suits a page of many parents; for the one record a page is about, it builds its statement and cache
key again on every request (about 0.5 ms a list, more than the database takes to answer). Here each list's
statement is built once, by the domain that owns the page, and run with the record's key:

    @cache
    def _plan_lists():
        return {name: list_query(DevelopmentPlan, name) for name in ("priorities", "reviews")}

    fill_lists(plan, _plan_lists())

The record remembers its lists: when it is read again after a commit expired it, they are read again with it, as
`selectinload` options would have been (a list whose relationship is `lazy="raise_on_sql"` would raise otherwise).
"""

from dataclasses import dataclass

from sqlalchemy import bindparam, event, inspect, select
from sqlalchemy.orm.attributes import set_committed_value

from portal.extensions import db


@dataclass(frozen=True)
class ListQuery:
    statement: object  # the list's items for one parent (its :parent_id), in the relationship's order
    parent_key: str  # the parent's attribute the items point at (usually its id)


def list_query(parent_class, name: str, *options) -> ListQuery:
    """How to read relationship `name` of one `parent_class` record, in the relationship's own order, with loader
    `options` for each item (e.g. joinedload of its person). Build it once per process."""
    relationship = inspect(parent_class).relationships[name]
    ((local, remote),) = relationship.local_remote_pairs
    statement = select(relationship.mapper.class_).where(remote == bindparam("parent_id"))
    if relationship.order_by:
        statement = statement.order_by(*relationship.order_by)
    if options:
        statement = statement.options(*options)
    return ListQuery(statement, inspect(parent_class).get_property_by_column(local).key)


def fill_lists(parent, lists: dict[str, ListQuery]) -> None:
    """Load each named list of `parent` that is not loaded yet (one statement each), as `selectinload` would: a
    list already in memory, with any change made to it, is kept."""
    state = inspect(parent)
    state.info[_LISTS] = lists
    session, unloaded = state.session or db.session, state.unloaded
    for name, query in lists.items():
        if name in unloaded:
            items = session.scalars(query.statement, {"parent_id": getattr(parent, query.parent_key)}).unique()
            set_committed_value(parent, name, list(items))


_LISTS = "portal.core.lists"


@event.listens_for(db.Model, "refresh", propagate=True)
def _read_again(target, context, attrs) -> None:
    """A record whose lists fill_lists read, refreshed after it expired: read its lists again too."""
    state = inspect(target)
    lists = state.info.get(_LISTS)
    if lists is not None and state.session is not None:
        with state.session.no_autoflush:  # it may be read while the session flushes
            fill_lists(target, lists)
