"""The learning record in a real browser: the demo practitioner adds the sharing event they attended from the
suggestions, writes the reflection, adds an own entry shared with their reviewer, downloads the Professional
Update pack (the PDF lists the entries), and the reviewer sees only the shared entries."""

import re
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import assert_accessible, new_context, sign_in

EVENT = "Sharing event: learning through play"


def test_record_from_attended_event_to_pack_and_reviewer(page, live_server, browser):
    page.context.close()
    page = new_context(browser, accept_downloads=True).new_page()
    sign_in(page, live_server, "practitioner")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My learning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My learning record")
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(f"Add to my record ?: {EVENT}")).click()
    expect(page.get_by_role("status")).to_contain_text("The event is in your record")
    assert_accessible(page)
    page.get_by_label("Reflection").fill("Three teams' findings changed how I plan play-based literacy.")
    page.get_by_text("2 Professional Knowledge and Understanding", exact=True).click()
    page.get_by_role("button", name="Save the entry").click()
    expect(page.get_by_role("status")).to_contain_text("The entry is saved")
    assert_accessible(page)

    page.goto(f"{live_server.url}/learning/new")
    page.get_by_label("What you did").fill("Observed a colleague's outdoor maths lesson")
    page.get_by_label("Type").select_option("visit")
    page.get_by_label("Date (or first day)").fill("2026-10-01")
    page.get_by_label("Hours").fill("2")
    page.get_by_label("Share with your reviewer (their e-mail)").fill("nobody@demo.example.org")
    page.get_by_role("button", name="Save the entry").click()
    expect(page.get_by_role("alert")).to_contain_text("No one in the portal")
    assert_accessible(page)
    expect(page.get_by_label("What you did")).to_have_value("Observed a colleague's outdoor maths lesson")
    page.get_by_label("Share with your reviewer (their e-mail)").fill(live_server.users["leader"])
    page.get_by_role("button", name="Save the entry").click()
    expect(page.get_by_role("status")).to_contain_text("The entry is added")

    page.get_by_role("link", name="Your Professional Update pack").click()
    assert_accessible(page)
    expect(page.get_by_role("heading", name=EVENT)).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    reader = PdfReader(Path(download.value.path()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert EVENT in text and "Observed a colleague's outdoor maths lesson" in text

    reviewer = new_context(browser).new_page()
    sign_in(reviewer, live_server, "leader")
    reviewer.goto(f"{live_server.url}/learning/shared")
    assert_accessible(reviewer)
    expect(reviewer.get_by_role("link", name="Observed a colleague's outdoor maths lesson")).to_be_visible()
    expect(reviewer.get_by_role("link", name=EVENT)).to_have_count(0)  # not shared
