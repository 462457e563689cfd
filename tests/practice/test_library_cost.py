"""The library's cards cost little per card: a page reads rows of the shown columns (no accounts), and its template
calls nothing through Jinja's context per card but the card's address."""

from jinja2.runtime import Context

from portal.core.roles import Role
from portal.extensions import db
from portal.practice import queries
from portal.practice.models import PracticeAccount
from tests.practice.test_query_counts import _grow
from tests.practice.test_services import _publish
from tests.support.sql import statements


def test_a_library_page_is_rows_of_the_card_columns(app, world, make_user):
    _publish(world)
    with app.test_request_context("/practice/"):
        page = queries.library_page(make_user(Role.PRACTITIONER), queries.LibraryFilter())
    (card,) = page.items
    assert not isinstance(card, PracticeAccount)  # no texts, search words or versions loaded to show a card
    assert set(card._fields) == {"id", "title", "abstract", "programme", "theme_title", "school_year", "revised_at"}


def _context_calls(client, monkeypatch) -> tuple[int, int, int]:
    """(url_for calls, other calls through the template context, cards) for one library page."""
    calls = []
    original = Context.call

    def counted(self, obj, *args, **kwargs):
        calls.append(getattr(obj, "__name__", ""))
        return original(self, obj, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Context, "call", counted)
        response = client.get("/practice/")
    assert response.status_code == 200
    addresses = calls.count("url_for")
    return addresses, len(calls) - addresses, response.data.count(b'<li><h2 class="ds_h3">')


def test_a_card_calls_only_its_address_through_the_template(client, login, world, make_user, monkeypatch):
    _publish(world)
    login(make_user(Role.PRACTITIONER))
    few_addresses, few_others, few_cards = _context_calls(client, monkeypatch)
    _grow(30, 0, [make_user(Role.PRACTITIONER).id])
    many_addresses, many_others, many_cards = _context_calls(client, monkeypatch)
    assert (few_cards, many_cards) == (1, 25)
    assert many_others == few_others
    assert many_addresses - few_addresses == many_cards - few_cards + 1  # and the pager's link to page 2


def test_the_library_is_built_once_per_shape_of_filters(client, login, world, make_user, monkeypatch):
    _publish(world)
    queries._library_listing.cache_clear()
    login(make_user(Role.PRACTITIONER))
    assert b"Outdoor" in client.get("/practice/?q=woodland&la=renfrewshire").data

    def refused(user, stmt):
        raise AssertionError("the library's statement built again")

    with monkeypatch.context() as patch:
        patch.setattr(queries, "visible_accounts", refused)
        login(make_user(Role.PRACTITIONER))  # someone else, other words, another LA: the same statements
        assert b"No accounts match" in client.get("/practice/?q=submarine&la=inverclyde").data
        assert b"1 account" in client.get("/practice/?q=learning&la=glasgow-city").data
    assert queries._library_listing.cache_info().misses == 1


def test_a_search_is_written_for_the_database_in_use(app, world, make_user):
    """The statements kept per shape are kept per database too (the tests' process serves both)."""
    _publish(world)
    with app.test_request_context("/practice/?q=woodland"), statements() as seen:
        page = queries.library_page(make_user(Role.PRACTITIONER), queries.LibraryFilter(q="woodland"))
    assert page.total == 1
    assert ("@@" if db.engine.dialect.name == "postgresql" else "search_text LIKE") in seen[-1]
