"""The framework editor over HTTP: full page and htmx fragment, 422 keeps the text, copy-on-write."""

import pytest

from portal.core.roles import Role
from portal.extensions import db
from portal.frameworks import services
from portal.frameworks.defaults import six_point_scale


@pytest.fixture
def framework(app):
    fw = services.create_framework(
        slug="fw",
        title="Test framework",
        kind="test",
        scale=six_point_scale(),
        sections=[{"title": "Alpha", "items": ["a1", "a2"]}],
    )
    db.session.commit()
    return fw


@pytest.fixture
def admin(login, make_user):
    return login(make_user(Role.ADMIN))


def section_id(framework):
    return services.latest_version(framework).sections[0].id


def test_editor_page_and_fragment(admin, client, htmx_get, framework):
    page = client.get(f"/frameworks/{framework.id}")
    assert page.status_code == 200 and b"<html" in page.data and b"a1" in page.data
    assert "HX-Request" in page.headers["Vary"]
    fragment = htmx_get(f"/frameworks/{framework.id}", "framework-editor")
    assert fragment.status_code == 200 and b"<html" not in fragment.data
    assert fragment.get_data(as_text=True).lstrip().startswith('<div id="framework-editor"')


def test_add_statement_without_js_redirects_and_with_htmx_returns_the_editor(admin, client, framework):
    sid = section_id(framework)
    response = client.post(f"/frameworks/{framework.id}/sections/{sid}/items", data={f"s{sid}-text": "a3"})
    assert response.status_code == 302
    response = client.post(
        f"/frameworks/{framework.id}/sections/{sid}/items",
        data={f"s{sid}-text": "a4"},
        headers={"HX-Request": "true", "HX-Target": "framework-editor"},
    )
    assert response.status_code == 200 and b"<html" not in response.data and b"a4" in response.data


def test_blank_statement_answers_422_and_keeps_the_form(admin, client, framework):
    sid = section_id(framework)
    response = client.post(f"/frameworks/{framework.id}/sections/{sid}/items", data={f"s{sid}-text": " "})
    assert response.status_code == 422
    assert b"There is a problem" in response.data and b"Enter the statement." in response.data


def test_editing_an_answered_version_makes_version_two(admin, client, framework):
    services.mark_in_use(services.latest_version(framework))
    db.session.commit()
    item = services.latest_version(framework).sections[0].items[0]
    response = client.post(f"/frameworks/{framework.id}/items/{item.id}", data={"text": "a1 new"})
    assert response.status_code == 302
    page = client.get(f"/frameworks/{framework.id}").get_data(as_text=True)
    assert "Version 2: draft" in page and "a1 new" in page
    old = client.get(f"/frameworks/{framework.id}?version=1").get_data(as_text=True)
    assert "a1 new" not in old and "read-only" in old
    asked = client.post(f"/frameworks/{framework.id}/publish")  # without JavaScript: a confirm page first
    assert asked.status_code == 200 and b"Publish the version" in asked.data
    assert services.published_version_id(framework.id) != services.latest_version(framework).id
    assert client.post(f"/frameworks/{framework.id}/publish", data={"confirmed": "yes"}).status_code == 302
    assert services.published_version_id(framework.id) == services.latest_version(framework).id


def test_tampered_ids_are_404(admin, client, framework):
    assert client.post(f"/frameworks/{framework.id}/items/999999/move", data={"direction": "up"}).status_code == 404
    assert (
        client.post(
            f"/frameworks/{framework.id}/sections/{section_id(framework)}/move",
            data={"direction": "sideways"},
        ).status_code
        == 400
    )
    assert client.get("/frameworks/424242").status_code == 404


def test_new_framework(admin, client, app):
    from portal.frameworks.registry import register_kind

    register_kind("test", "Testing")
    six_point_scale()
    db.session.commit()
    response = client.post(
        "/frameworks/new",
        data={"title": "Fresh", "slug": "fresh", "kind": "test", "scale": six_point_scale().id},
    )
    assert response.status_code == 302
    assert (
        client.post(
            "/frameworks/new",
            data={"title": "Fresh", "slug": "Bad Slug", "kind": "test", "scale": six_point_scale().id},
        ).status_code
        == 422
    )
