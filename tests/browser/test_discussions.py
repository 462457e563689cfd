"""A member asks a question in their theme's discussions, a facilitator replies with a mention, and the member
sees the bell and gets the e-mail (through the test SMTP server); axe on every page."""

from playwright.sync_api import expect
from sqlalchemy import select

from portal.enquiries.models import Theme
from portal.extensions import db
from tests.browser.conftest import assert_accessible, sign_in
from tests.support.smtp import Mailbox

TITLE = "How do we count minutes outdoors fairly?"


def _theme_id(server) -> int:
    with server.app.app_context():
        return db.session.scalar(select(Theme.id).where(Theme.title == "Outdoor Learning"))


def _sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in*")


def test_question_reply_with_mention_bell_and_email(page, live_server, mailbox):
    theme_id = _theme_id(live_server)
    sign_in(page, live_server, "practitioner")
    page.goto(f"{live_server.url}/enquiries/themes/{theme_id}")
    page.get_by_role("link", name="The theme's discussions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Discussions")
    assert_accessible(page)

    page.get_by_role("link", name="Start a topic").click()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_role("button", name="Post topic").click()  # no message: refused, the title is kept
    expect(page.get_by_role("alert")).to_contain_text("Write your message.")
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    assert_accessible(page)
    page.get_by_label("Message").fill("Some weeks are wet. Do you count **planned** or **actual** minutes?")
    page.get_by_role("button", name="Post topic").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".wp_post .wp_prose strong").first).to_have_text("planned")
    topic_url = page.url
    assert_accessible(page)
    _sign_out(page)

    sign_in(page, live_server, "facilitator")
    page.goto(topic_url)
    page.get_by_label("Your reply").fill("Count actual minutes and note the weather, @[Ewan Practitioner].")
    page.get_by_role("button", name="Post reply").click()
    expect(page.locator(".wp_mention").last).to_have_text("@Ewan Practitioner")
    assert_accessible(page)
    message = mailbox.last_to(live_server.users["practitioner"])
    assert " ".join(message["Subject"].split()) == f'Fiona Facilitator mentioned you in "{TITLE}"'  # unfolded
    assert "Count actual minutes" in Mailbox.body(message)
    assert "/notifications/unsubscribe/" in Mailbox.link(message, "unsubscribe")
    _sign_out(page)

    sign_in(page, live_server, "practitioner")
    bell = page.locator("#notification-bell")
    expect(bell.locator(".wp_bell__count")).to_be_visible()  # loaded by htmx after the page
    assert_accessible(page)
    bell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    assert_accessible(page)
    page.get_by_role("link", name=f'Fiona Facilitator mentioned you in "{TITLE}"').click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".wp_post").last).to_contain_text("note the weather")

    # The e-mail's unsubscribe link works without signing in.
    _sign_out(page)
    page.goto(Mailbox.link(message, "unsubscribe"))
    page.get_by_role("button", name="Stop these e-mails").click()
    expect(page.get_by_role("status").last).to_contain_text("will get no more e-mails")
    assert_accessible(page)
