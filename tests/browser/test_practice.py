"""Accounts of practice in a real browser: a team drafts its account from the enquiry record, edits it, both
members agree, the lead officer returns it with a comment, the team resubmits, it is published, another LA's
practitioner finds it by a filter and by a word, prints it to PDF and marks it "Used this", and the public page
shows it without a personal name."""

import io
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import assert_accessible, new_context, sign_in

TITLE = "Outdoor Learning: Outdoor Explorers"


def _tick(page, label: str) -> None:
    """The design system draws its own boxes over the inputs: tick through the label, as a person does."""
    page.get_by_text(label, exact=True).click()


def _open_account(page, server):
    page.goto(f"{server.url}/practice/mine")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def test_account_of_practice_from_draft_to_reuse(page, live_server, browser):
    sign_in(page, live_server, "practitioner")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Accounts of practice").click()
    assert_accessible(page)
    page.get_by_role("link", name="Your teams' accounts").click()
    assert_accessible(page)
    page.get_by_role("button", name="Draft an account for Outdoor Explorers").click()
    expect(page.get_by_role("status")).to_contain_text("drafted from your enquiry record")
    expect(page.get_by_label("The small change we made")).to_have_value(
        "Take one literacy and one numeracy lesson a week outdoors in the school grounds and the local park."
    )
    assert_accessible(page)
    page.get_by_label("Abstract").fill("word " * 121)
    page.get_by_role("button", name="Save the account").click()
    expect(page.get_by_role("alert")).to_contain_text("120 words or fewer")
    assert_accessible(page)
    page.get_by_label("Abstract").fill(
        "Two P5 classes in two authorities took a literacy and a numeracy lesson "
        "outdoors every week; minutes outdoors tripled and engagement rose."
    )
    _tick(page, "Second level")
    _tick(page, "Improvement in children and young people's health and wellbeing")
    _tick(page, "Public (a page on the partnership's website, with no personal data)")
    page.get_by_role("button", name="Save the account").click()
    expect(page.get_by_role("status")).to_contain_text("The account is saved")
    assert_accessible(page)
    page.get_by_role("button", name="I agree to this account being submitted").click()
    expect(page.get_by_role("status")).to_contain_text("You agree")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("status")).to_contain_text("waiting for 1 of the team")  # the colleague has not agreed

    colleague = new_context(browser).new_page()
    sign_in(colleague, live_server, "colleague")
    _open_account(colleague, live_server)
    assert_accessible(colleague)
    colleague.get_by_role("button", name="I agree to this account being submitted").click()
    expect(colleague.get_by_role("status")).to_contain_text("You agree")
    colleague.get_by_role("button", name="Submit for review").click()
    expect(colleague.get_by_role("status")).to_contain_text("The account is submitted")

    lead = new_context(browser).new_page()
    sign_in(lead, live_server, "lead")
    lead.goto(f"{live_server.url}/practice/reviews")
    assert_accessible(lead)
    lead.get_by_role("link", name=TITLE).click()
    _tick(lead, "Return to the team with comments")
    lead.get_by_label("Comments for the team").fill("Say which learners benefited most.")
    lead.get_by_role("button", name="Send the decision").click()
    expect(lead.get_by_role("status")).to_contain_text("returned to the team")
    assert_accessible(lead)

    _open_account(page, live_server)
    expect(page.locator("#consent")).to_contain_text("Say which learners benefited most.")
    assert_accessible(page)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("status")).to_contain_text("The account is submitted")

    lead.goto(f"{live_server.url}/practice/reviews")
    lead.get_by_role("link", name=TITLE).click()
    _tick(lead, "Publish")
    _tick(lead, "Public (a page on the partnership's website, with no personal data)")
    lead.get_by_role("button", name="Send the decision").click()
    expect(lead.get_by_role("status")).to_contain_text("The account is published")

    reader = new_context(browser, accept_downloads=True).new_page()
    sign_in(reader, live_server, "coordinator")  # a practitioner in another authority
    reader.goto(f"{live_server.url}/practice/")
    reader.get_by_label("Local authority").select_option(label="Renfrewshire")
    reader.get_by_role("button", name="Apply filters").click()
    expect(reader.locator("#practice-results")).to_contain_text(TITLE)
    assert_accessible(reader)
    reader.goto(f"{live_server.url}/practice/")
    reader.get_by_label("Words in the account").fill("numeracy")
    reader.get_by_label("Words in the account").press("Enter")
    expect(reader.locator("#practice-results")).to_contain_text(TITLE)
    expect(reader.locator("#practice-results")).not_to_contain_text("Loose parts in the nursery garden")
    reader.get_by_role("link", name=TITLE).click()
    assert_accessible(reader)
    with reader.expect_download() as download:
        reader.get_by_role("link", name="Download as PDF").click()
    pdf = Path(download.value.path()).read_bytes()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert TITLE in " ".join(text.split())
    reader.get_by_label("What your school tried (optional)").fill("We tried outdoor numeracy in P4.")
    reader.get_by_role("button", name="Used this in my school").click()
    expect(reader.get_by_role("status")).to_contain_text("the team can see that your school used this")
    expect(reader.locator("#used")).to_contain_text("1 school has tried this idea")
    assert_accessible(reader)

    _open_account(page, live_server)
    expect(page.locator("#used")).to_contain_text("We tried outdoor numeracy in P4.")

    visitor = new_context(browser).new_page()
    visitor.goto(f"{live_server.url}/practice/public")
    assert_accessible(visitor)
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_accessible(visitor)
    body = visitor.locator("body").inner_text()
    for name in ("Ewan Practitioner", "Ailsa Colleague", "Morven Lead"):
        assert name not in body
