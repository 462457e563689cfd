"""The Conditions for Change survey in a real browser: the demo practitioner answers the staff version from
the e-mailed link (answers kept on the device across a reload, a refusal keeps them, the link works once);
the demo senior leader answers the leadership version from theirs; axe on every page."""

from urllib.parse import urlparse

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, new_context
from tests.support.smtp import Mailbox


def _link(live_server, mailbox, key: str) -> str:
    """The survey link in the person's latest invitation (other e-mails, such as a reminder, may come after it)."""
    invitations = [m for m in mailbox.to(live_server.users[key]) if "/survey/answer/" in Mailbox.body(m)]
    return live_server.url + urlparse(Mailbox.link(invitations[-1], "/survey/answer/")).path


def _about(page):
    page.get_by_label("Your role").select_option("teacher")
    page.get_by_label("Years in your current post").select_option("3-5")


def test_staff_and_senior_leader_answer_from_their_emailed_links(page, live_server, mailbox, browser):
    link = _link(live_server, mailbox, "practitioner")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Staff version")
    expect(page.get_by_role("heading", name="How your anonymity is kept")).to_be_visible()
    assert_accessible(page)
    agree = page.locator("label.ds_radio__label[for$='-3']")
    count = agree.count()
    assert count == 40
    for n in range(count - 1):  # all but the last: the refusal names what is left
        agree.nth(n).click()
    page.reload()  # kept on this device only, and put back
    expect(page.locator("input[type=radio][value='3']").nth(0)).to_be_checked()
    _about(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("alert")).to_contain_text("1 still to answer")
    assert_accessible(page)
    expect(page.locator("input[type=radio][value='3']").nth(5)).to_be_checked()
    page.locator("label.ds_radio__label[for$='-0']").nth(count - 1).click()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    assert_accessible(page)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("This link cannot be used")

    leader = new_context(browser).new_page()
    leader.goto(_link(live_server, mailbox, "leader"))
    expect(leader.get_by_role("heading", level=1)).to_contain_text("Senior leadership team version")
    assert_accessible(leader)
    strongly = leader.locator("label.ds_radio__label[for$='-4']")
    for n in range(strongly.count()):
        strongly.nth(n).click()
    leader.get_by_label("Your role").select_option("headteacher")
    leader.get_by_label("Years in your current post").select_option("6-10")
    leader.get_by_role("button", name="Send my answers").click()
    expect(leader.get_by_role("heading", level=1)).to_have_text("Thank you")
    assert_accessible(leader)
