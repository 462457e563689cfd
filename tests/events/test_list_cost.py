"""The events list's statements are built once per set of roles and of filters in use, the person, the time and
the filters' values bound: another person with the same roles sees their own events by the same statements."""

import pytest
from sqlalchemy import event

from portal.events import queries
from portal.events.models import Event, local_now
from portal.extensions import db


def test_the_list_is_built_once_for_people_with_the_same_roles(
    client, login, make_user, make_event, add_booking, monkeypatch
):
    queries._events_listing.cache_clear()
    booked = make_event(title="Booked by invitation", context_type="unlisted", kind="drop_in")
    make_event(title="Open to all", kind="webinar")
    first, second = make_user(), make_user()
    add_booking(booked, second)
    login(first)
    seen_first = client.get("/events").text

    def refused(user):
        raise AssertionError("the list's statement built again")

    with monkeypatch.context() as patch:
        patch.setattr(queries, "visible_clause", refused)
        login(second)
        seen_second = client.get("/events").text
    by_kind = client.get("/events?kind=webinar").text  # another filter: built once more, for it
    assert queries._events_listing.cache_info().misses == 2
    assert "Open to all" in seen_first and "Booked by invitation" not in seen_first
    assert "Open to all" in seen_second and "Booked by invitation" in seen_second
    assert "Open to all" in by_kind and "Booked by invitation" not in by_kind


def test_a_page_of_the_list_is_rows_of_what_it_shows(app, make_user, make_event):
    make_event(title="Open to all")
    with app.test_request_context("/events"):
        (row,) = queries.events_page(make_user(), queries.EventFilter(), local_now()).items
    assert not isinstance(row, Event) and row.title == "Open to all"
    assert set(row._fields) == {"id", "title", "cancelled", "starts_at", "ends_at", "kind", "capacity"}


def test_the_events_to_come_are_a_range_of_an_index_not_every_event_of_the_partnership(client, login, make_user):
    """SQLite read all of the partnership's events (3,011 over five years on the scale data) to find the 147 not
    yet ended, for the list's count and again for its page, until an index held each context's events by end."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL plans from its statistics")
    seen = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        if "FROM event" in statement and "count(*)" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        login(make_user())
        assert client.get("/events").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    statement, parameters = seen[0]
    explained = db.session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
    plan = " ".join(str(row) for row in explained)
    assert "ix_event_context_ends (context_type=? AND ends_at>?)" in plan
