"""Error answers people can see: a request over the size limit gets a message page (or, for htmx, a message
in the page's flash region), never a 500."""

import io

import pytest

from portal.core.roles import Role


@pytest.fixture
def small_limit(app):
    app.config["MAX_CONTENT_LENGTH"] = 2000
    return app


def _too_big():
    return {"name": "Renamed", "file": (io.BytesIO(b"x" * 5000), "big.pdf")}


def test_too_large_upload_is_a_message_page_not_a_500(small_limit, client, login, make_user):
    login(make_user(Role.PRACTITIONER))
    response = client.post("/profile", data=_too_big())
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "That file is too large" in page
    assert "smaller than 2 KB" in page


def test_too_large_upload_with_csrf_on_is_still_a_message(small_limit, client, login, make_user):
    small_limit.config["WTF_CSRF_ENABLED"] = True
    login(make_user(Role.PRACTITIONER))
    response = client.post("/profile", data=_too_big())
    assert response.status_code == 413
    assert "That file is too large" in response.get_data(as_text=True)


def test_too_large_upload_by_htmx_lands_in_the_flash_region(small_limit, client, login, make_user):
    login(make_user(Role.PRACTITIONER))
    response = client.post("/profile", data=_too_big(), headers={"HX-Request": "true", "HX-Target": "profile"})
    assert response.status_code == 413
    assert response.headers["HX-Retarget"] == "#flashes"
    assert response.headers["HX-Reswap"] == "outerHTML"
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith('<div id="flashes"')
    assert "That file is too large" in body
    assert "<html" not in body


def test_htmx_is_configured_to_show_a_413(client):
    page = client.get("/").get_data(as_text=True)
    assert '{"code": "413", "swap": true}' in page
