"""Failure states people can see: the one script is loaded, messages are shown once and never pile up."""

import re

from flask import flash, session

from portal.core.rendering import render


def test_every_page_loads_the_one_script_and_has_a_live_region_for_failed_requests(client):
    page = client.get("/sign-in").get_data(as_text=True)
    # not deferred: JS-only styles apply before paint
    assert re.search(r'<script src="/static/portal\.js\?v=[0-9a-f]{12}"></script>', page)
    assert 'id="request-problem"' in page and 'role="alert"' in page
    response = client.get("/static/portal.js")
    script = response.get_data(as_text=True)
    response.close()
    for handler in ("htmx:responseError", "htmx:sendError", "htmx:timeout", "htmx:afterSwap", "data-confirm"):
        assert handler in script


def test_a_fragment_carries_the_flash_out_of_band_and_the_same_message_shows_once(app):
    with app.test_request_context(headers={"HX-Request": "true", "HX-Target": "flash-test"}):
        flash("Saved once.", "success")
        flash("Saved once.", "success")
        body = render("base.html", fragment="_partials/footer.html", target="flash-test").get_data(as_text=True)
        assert body.count("Saved once.") == 1 and 'hx-swap-oob="true"' in body
        assert "_flashes" not in session  # shown with the fragment, not piled up for the next page
