"""The foundation in a real browser: signing in per role, the live filter, CSV import, an invitation."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, new_context, sign_in
from tests.support.smtp import Mailbox


@pytest.mark.parametrize(
    "key, nav_item",
    [
        ("lead", "People"),
        ("la_officer", "People"),
        ("leader", "Forums"),
        ("practitioner", "Forums"),
        ("facilitator", "Forums"),
        ("coordinator", "Forums"),
        ("researcher", "Establishments"),
    ],
)
def test_each_demo_account_signs_in_to_its_home(page, live_server, key, nav_item):
    page.goto(live_server.url)
    assert_accessible(page)
    page.get_by_role("link", name="Sign in").click()
    assert_accessible(page)
    sign_in(page, live_server, key)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    assert_accessible(page)
    if page.get_by_role("navigation", name="Main").get_by_role("link", name=nav_item).count():
        expect(page.get_by_role("navigation", name="Main").get_by_role("link", name=nav_item)).to_be_visible()


def test_wrong_password_shows_an_error_summary(page, live_server):
    page.goto(f"{live_server.url}/sign-in")
    page.get_by_label("E-mail address").fill("lead@demo.example.org")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a correct e-mail address and password")
    expect(page.get_by_label("E-mail address")).to_have_value("lead@demo.example.org")
    assert_accessible(page)


def test_live_filter_narrows_establishments(page, live_server):
    sign_in(page, live_server, "lead")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Establishments").click()
    expect(page.locator(".wp_count")).to_contain_text("64 establishments found")
    assert_accessible(page)
    page.get_by_label("Sector").select_option("ASN")
    expect(page.locator(".wp_count")).to_contain_text("6 establishments found")
    page.get_by_label("Sector").select_option("")
    expect(page.locator(".wp_count")).to_contain_text("64 establishments found")
    page.get_by_label("Name or SEED code").fill("Riverside")
    expect(page.locator(".wp_count")).not_to_contain_text("64 ")
    expect(page).to_have_url(re.compile(r"q=Riverside"))
    for row in page.locator("#establishment-results tbody tr td:first-child").all_inner_texts():
        assert "Riverside" in row
    assert_accessible(page)


def test_csv_import_with_a_bad_row_shows_the_line_and_writes_nothing(page, live_server, tmp_path):
    sign_in(page, live_server, "lead")
    path = tmp_path / "schools.csv"
    path.write_text(
        "seed_code,name,local_authority,sector,roll\n"
        "7700001,Harbour Primary School,Inverclyde,Primary,210\n"
        "77x,Broken School,Nowhere,College,\n"
    )
    page.goto(f"{live_server.url}/establishments/import")
    assert_accessible(page)
    page.get_by_label("CSV file").set_input_files(str(path))
    page.get_by_role("button", name="Check and import").click()
    expect(page.locator("#import-errors")).to_contain_text("3")
    expect(page.locator("#import-errors")).to_contain_text("seed_code must be 5 to 10 digits")
    expect(page.get_by_role("alert")).to_contain_text("Nothing was imported")
    assert_accessible(page)
    path.write_text(
        "seed_code,name,local_authority,sector,roll\n7700001,Harbour Primary School,Inverclyde,Primary,210\n"
    )
    page.get_by_label("CSV file").set_input_files(str(path))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("status")).to_contain_text("1 added, 0 updated")


def test_invitation_from_a_real_email(page, live_server, mailbox, browser):
    sign_in(page, live_server, "la_officer")
    page.goto(f"{live_server.url}/people/invite")
    assert_accessible(page)
    page.get_by_label("Full name").fill("Nadia Newcomer")
    page.get_by_label("E-mail address").fill("Nadia.Newcomer@School.example.org")
    page.get_by_label("Establishment").fill("8400003")  # a Glasgow City demo establishment
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("status")).to_contain_text("invitation is on its way")
    link = Mailbox.link(mailbox.last_to("nadia.newcomer@school.example.org"), "/invitation/")

    newcomer = new_context(browser).new_page()
    newcomer.goto(link)
    assert_accessible(newcomer)
    newcomer.get_by_label("New password", exact=True).fill("a long enough password")
    newcomer.get_by_label("Confirm new password").fill("a long enough password")
    newcomer.get_by_role("button", name="Set password and sign in").click()
    expect(newcomer.get_by_role("heading", level=1)).to_contain_text("Welcome, Nadia Newcomer")
    newcomer.goto(link)
    expect(newcomer.get_by_role("heading", level=1)).to_contain_text("This link no longer works")
