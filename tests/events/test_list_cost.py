"""The events list's statements are built once per set of roles and of filters in use, the person, the time and
the filters' values bound: another person with the same roles sees their own events by the same statements."""

from portal.events import queries


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
