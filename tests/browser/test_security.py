"""Security and data rights in a real browser (axe on every page): two-factor enrolment with a real code,
your data and the privacy notice; the lead officer's audit log and an erasure confirmed."""

import pyotp
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in


def test_enrol_in_two_factor_then_find_your_data(page, live_server):
    sign_in(page, live_server, "practitioner")
    page.goto(f"{live_server.url}/profile")
    assert_accessible(page)
    page.get_by_role("link", name="Set up two-factor sign-in").click()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    assert_accessible(page)
    secret = page.locator("figcaption code").inner_text()
    page.get_by_label("Code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your recovery codes")
    assert page.locator(".wp_recovery-codes li").count() == 10
    assert_accessible(page)
    page.get_by_role("link", name="I have kept my codes: continue").click()
    expect(page.get_by_text("Two-factor sign-in is on.")).to_be_visible()
    page.get_by_role("link", name="Your data: download it or ask for erasure").click()
    expect(page.get_by_role("button", name="Download my data")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data").click()
    assert download.value.suggested_filename.startswith("my-portal-data-")
    page.get_by_role("link", name="How the portal uses your data").click()
    expect(page.get_by_role("heading", name="How long it is kept")).to_be_visible()
    assert_accessible(page)


def test_the_lead_officer_searches_the_audit_log_and_confirms_an_erasure(page, live_server):
    sign_in(page, live_server, "lead")
    page.goto(f"{live_server.url}/audit/")
    assert_accessible(page)
    page.get_by_label("Action starts with").fill("erasure")
    page.get_by_label("Action starts with").press("Enter")
    expect(page.locator("#audit-results tbody")).to_contain_text("erasure.requested")
    assert_accessible(page)
    page.goto(f"{live_server.url}/privacy/erasures")
    assert_accessible(page)
    page.get_by_role("link", name="Review and erase").first.click()
    assert_accessible(page)
    page.get_by_role("button", name="Erase this account").click()
    expect(page.get_by_text("The account is erased.")).to_be_visible()
    expect(page.get_by_text("Nobody is waiting.")).to_be_visible()
    assert_accessible(page)
