"""The leadership programme in a real browser: evaluate -> plan -> book -> .ics, autosave across a reload,
the register as the cohort's facilitator. axe-core checks every page opened."""

import re
from urllib.parse import unquote_plus

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in


def test_senior_leader_evaluates_plans_and_books(page, live_server):
    sign_in(page, live_server, "leader")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Self-evaluation").click()
    assert_accessible(page)
    page.get_by_label("Name it (optional)").fill("End of year")
    page.get_by_role("button", name="Start").click()
    for domain in range(5):
        expect(page.locator(".ds_page-header__label")).to_contain_text(f"domain {domain + 1} of 5")
        if domain == 0:
            assert_accessible(page)
        for fieldset in page.locator("fieldset.wp_statement").all():
            # The design system draws its own radio: people (and Playwright) click the label.
            fieldset.locator("label", has_text="2 Starting" if domain == 2 else "5 Strong").click()
        page.get_by_role("button", name=re.compile("Save and (continue|review)")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Review and submit")
    assert_accessible(page)
    page.get_by_role("button", name="Submit my self-evaluation").click()
    expect(page.get_by_role("table", name=re.compile("Score per domain"))).to_contain_text("2.0")
    assert_accessible(page)
    page.get_by_role("button", name="Make a development plan from this").click()
    expect(page.get_by_text("Data and impact: 2.0 of 6, your lowest domain")).to_be_visible()
    assert_accessible(page)
    module_3 = page.get_by_role("checkbox", name=re.compile("Module 3: Leading staff in using data"))
    expect(module_3).to_be_checked()  # recommended by the scores, so ticked for the leader
    page.get_by_role("button", name="Save module choices").click()
    expect(page.locator("#flashes")).to_contain_text("module choices are saved")
    page.goto(f"{live_server.url}/events/mine")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Module 3")).first.click()
    expect(page.locator("#event-booking")).to_contain_text("You are booked")
    assert_accessible(page)
    href = page.get_by_role("link", name="Add to my calendar (.ics)").get_attribute("href")
    ics = page.request.get(live_server.url + href)
    assert ics.ok and b"BEGIN:VCALENDAR" in ics.body() and b"Module 3" in ics.body()


def test_autosave_survives_a_reload(page, live_server):
    sign_in(page, live_server, "leader")
    page.goto(f"{live_server.url}/leadership/evaluations")
    page.get_by_role("link", name=re.compile("Midpoint")).click()
    page.get_by_role("link", name="Collaboration").click()
    # Answer on the Collaboration page itself, not on the page before it while the link is still loading.
    expect(page.get_by_role("heading", level=1)).to_have_text("Facilitating collaboration")
    first = page.locator("fieldset.wp_statement").first
    first.locator("label", has_text="4 Established").click()
    expect(page.locator("#autosave-status")).to_contain_text("Saved as a draft")

    def saves_everything(response) -> bool:  # the delayed save after the last keystroke, not an earlier one
        return response.url.endswith("/autosave") and "Typed and never submitted" in unquote_plus(
            response.request.post_data or ""
        )

    with page.expect_response(saves_everything, timeout=15000):  # saved while typing: no button pressed
        first.get_by_label("Evidence or notes (optional)").press_sequentially("Typed and never submitted")
    assert_accessible(page)
    page.reload()
    first = page.locator("fieldset.wp_statement").first
    expect(first.get_by_label("4 Established")).to_be_checked()
    expect(first.get_by_label("Evidence or notes (optional)")).to_have_value("Typed and never submitted")


def test_facilitator_keeps_the_register(page, live_server):
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server.url}/leadership/cohorts")
    assert_accessible(page)
    page.get_by_role("link", name="Cohort A").click()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Register for Final sharing event")).click()
    assert_accessible(page)
    expect(page.get_by_role("row", name=re.compile("Catriona Leader"))).to_be_visible()
