"""The leadership and forum chains with JavaScript off (plain forms, confirm pages, post/redirect/get), and
with it on: the in-page confirm step and a failed request that says so. axe runs on every page opened with
JavaScript on (it needs script, so the JavaScript-off pages are checked by the same pages' JS-on runs)."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from portal.forums.meetings import local_now
from tests.browser.conftest import assert_accessible, new_context, sign_in


@pytest.fixture
def no_js(browser):
    context = new_context(browser, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_leadership_chain_without_javascript(no_js, live_server):
    page = no_js
    sign_in(page, live_server, "leader")
    page.goto(f"{live_server.url}/leadership/evaluations")
    page.get_by_role("link", name=re.compile("Start of year")).click()
    page.get_by_role("button", name="Make a development plan from this").click()
    expect(page.locator("#flashes")).to_contain_text("starting from the weakest domains of each")
    page.locator("label", has_text="Module 4: Leading staff in developing skills").click()
    page.get_by_role("button", name="Save module choices").click()
    expect(page.locator("#flashes")).to_contain_text("They do not change your bookings")  # the agreed plan does
    page.get_by_label("What I want to achieve").fill("Observe one lesson a term with a colleague")
    page.get_by_label("Actions I will take").fill("Agree a focus with a colleague")
    page.get_by_label("How I will know").fill("Three observations written up")
    page.get_by_role("button", name="Add goal").click()
    expect(page.locator("#flashes")).to_contain_text("The goal is added")
    page.get_by_role("button", name=re.compile("^Remove")).click()
    expect(page.locator("#confirm-question")).to_contain_text("Remove this goal")  # a confirm page
    page.get_by_role("link", name="No, go back").click()
    expect(page.get_by_role("heading", name=re.compile("Observe one lesson a term with a colleague"))).to_be_visible()
    page.get_by_role("button", name="Delete plan").click()
    expect(page.locator("#confirm-question")).to_contain_text("Delete")
    page.get_by_role("button", name="Delete this plan").click()
    expect(page.locator("#flashes")).to_contain_text("is deleted. Your bookings are unchanged.")


def test_forum_chain_without_javascript(no_js, live_server, mailbox):
    page = no_js
    sign_in(page, live_server, "coordinator")
    page.goto(f"{live_server.url}/forums")
    page.get_by_role("link", name="Early Years Forum").click()
    page.get_by_role("link", name="Plan a meeting").first.click()
    page.get_by_label("Title").fill("Meeting we already held")
    page.get_by_label("Date").fill((local_now() - timedelta(days=3)).date().isoformat())
    page.get_by_label("Start time").fill("16:00")
    page.get_by_label("End time").fill("17:30")
    page.get_by_label("Place").fill("Hillview Early Learning Centre")
    box = page.get_by_label(re.compile("Formal meeting"))
    page.locator(f"label[for='{box.get_attribute('id')}']").click()
    page.get_by_role("button", name="Create the meeting and its draft agenda").click()
    expect(page.locator("#error-summary")).to_contain_text("Record a past meeting")
    expect(page.get_by_label("Title")).to_have_value("Meeting we already held")  # what was typed is kept
    page.get_by_label("Date").fill((local_now() + timedelta(days=30)).date().isoformat())
    page.get_by_label("Title").fill("Autumn sharing meeting")
    page.get_by_role("button", name="Create the meeting and its draft agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Autumn sharing meeting")
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.locator("#confirm-question")).to_contain_text("E-mail the agenda")
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.locator("#flashes")).to_contain_text("The agenda is out")
    page.get_by_role("button", name="Cancel the meeting").click()
    expect(page.locator("#confirm-question")).to_contain_text("Cancel Autumn sharing meeting")
    page.get_by_role("button", name="Cancel the meeting").click()
    expect(page.locator("#flashes")).to_contain_text("The meeting is cancelled")
    expect(page.get_by_text("This meeting is cancelled")).to_be_visible()


def test_with_javascript_confirm_is_asked_in_the_page_and_a_failed_save_says_so(page, live_server):
    sign_in(page, live_server, "leader")
    page.goto(f"{live_server.url}/leadership/plans")
    assert_accessible(page)
    page.goto(f"{live_server.url}/leadership/evaluations")
    page.get_by_role("link", name=re.compile("Midpoint")).click()
    assert_accessible(page)
    page.context.set_offline(True)
    page.locator("fieldset.wp_statement").first.locator("label", has_text="3 Developing").click()
    expect(page.locator("#request-problem")).to_contain_text("could not be reached")
    expect(page.locator("#autosave-status")).to_contain_text("Not saved")
    assert_accessible(page)
    page.context.set_offline(False)
    page.goto(f"{live_server.url}/leadership/evaluations")
    page.get_by_role("link", name=re.compile("Start of year")).click()
    page.get_by_role("button", name="Make a development plan from this").click()
    expect(page.locator("#flashes")).to_contain_text("starting from the weakest domains of each")
    assert_accessible(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Delete plan").click()
    expect(page.get_by_role("button", name="Delete plan")).to_be_visible()  # refused in the page: nothing left
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete plan").click()
    expect(page.locator("#flashes")).to_contain_text("is deleted")
    assert_accessible(page)
