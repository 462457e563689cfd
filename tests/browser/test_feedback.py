"""Feedback in a real browser: the demo practitioner finds feedback to give in "In hand", gives it on the
webinar they attended (a refusal keeps what they typed), and the organiser sees the aggregate, with axe."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in

WEBINAR = "Webinar: planning your data collection"
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


def test_practitioner_gives_feedback_and_the_organiser_sees_the_aggregate(page, live_server):
    sign_in(page, live_server, "practitioner")
    page.goto(f"{live_server.url}/home")
    page.locator("#next-steps").get_by_role("link", name=f"Give feedback: {WEBINAR}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Feedback: {WEBINAR}")
    assert_accessible(page)
    page.get_by_role("group", name="How useful was this event to you?").get_by_text("5 - very useful").click()
    page.get_by_role("group", name="Before the event, how confident").get_by_text("2", exact=True).click()
    page.get_by_label("What will you do differently after this event?").fill("Collect our data every Friday.")
    page.get_by_role("button", name="Send my feedback").click()
    expect(page.locator("#error-summary")).to_contain_text("Choose your confidence now.")
    expect(page.get_by_label("What will you do differently after this event?")).to_have_value(
        "Collect our data every Friday."
    )
    assert_accessible(page)
    page.get_by_role("group", name="Now, after the event, how confident").get_by_text("4", exact=True).click()
    page.get_by_role("button", name="Send my feedback").click()
    expect(page.get_by_role("status").first).to_contain_text("Your feedback is saved")
    expect(page.get_by_role("button", name="Correct my feedback")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/home")
    expect(page.locator("#next-steps")).not_to_contain_text(f"Give feedback: {WEBINAR}")
    page.context.clear_cookies()

    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server.url}/feedback/events")
    assert_accessible(page)
    page.get_by_role("link", name=WEBINAR).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Feedback summary: {WEBINAR}")
    summary = page.locator("#feedback-summary")
    expect(summary).to_contain_text("10")  # nine demo answers and the practitioner's
    expect(summary).to_contain_text("4.1")
    expect(page.get_by_text("Collect our data every Friday.")).to_be_visible()
    expect(page.get_by_text("Ewan Practitioner")).to_have_count(0)
    assert_accessible(page)
    for path in (page.url, f"{live_server.url}/feedback/events"):  # at 320 px: no sideways scroll
        page.set_viewport_size({"width": 320, "height": 800})
        page.goto(path)
        assert page.evaluate(OVERFLOW) <= 0, path


def test_practitioner_evaluates_their_network_cohort(page, live_server):
    sign_in(page, live_server, "practitioner")
    page.locator("#next-steps").get_by_role("link", name="End-of-year evaluation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your end-of-year evaluation")
    assert_accessible(page)
    page.get_by_role("link", name="Network cohort:").first.click()
    page.get_by_role("group", name="How much progress").get_by_text("4", exact=True).click()
    page.get_by_label("What helped?").fill("Release time from our head teacher.")
    page.get_by_role("button", name="Send my evaluation").click()
    expect(page.locator("#error-summary")).to_contain_text("Choose the impact.")
    expect(page.get_by_label("What helped?")).to_have_value("Release time from our head teacher.")
    assert_accessible(page)
    page.get_by_role("group", name="How much impact").get_by_text("3", exact=True).click()
    page.get_by_role("button", name="Send my evaluation").click()
    expect(page.get_by_role("status").first).to_contain_text("is saved")
    expect(page.get_by_text("done, you can correct it")).to_be_visible()
    assert_accessible(page)
