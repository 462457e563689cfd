"""Issue 11: the pages people print (a plan, an agenda with its minutes, a team's summary) print without the
site's navigation and buttons and with every plan section open. (Text zoomed to 200%, a 640 px viewport, is
checked on every navigation page of every role in test_phones.py.)"""

from playwright.sync_api import expect

from tests.browser.conftest import sign_in


def _printed(page) -> None:
    """As the browser prints: print media, then the beforeprint event (the one Chrome fires on Ctrl+P)."""
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")


def test_a_plan_prints_every_section_without_navigation_or_buttons(page, live_server):
    sign_in(page, live_server, "practitioner")
    page.goto(f"{live_server.url}/enquiries/teams")
    page.get_by_role("link", name="Outdoor Explorers").click()
    page.get_by_role("navigation", name="This team").get_by_role("link", name="Enquiry plan").click()
    sections = page.locator("details[data-one-open]")
    expect(sections.first).to_be_attached()
    assert sections.count() > 3
    _printed(page)
    page.wait_for_timeout(100)  # let the toggle events opening queues run: none may close a section
    assert page.locator("details[data-one-open]:not([open])").count() == 0
    expect(page.locator(".ds_site-header__navigation")).to_be_hidden()
    expect(page.locator(".ds_site-footer")).to_be_hidden()
    expect(page.get_by_role("button", name="Sign out")).to_be_hidden()
    assert page.locator("main form .ds_button:visible").count() == 0
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def test_an_agenda_and_a_summary_print_their_content(page, live_server):
    sign_in(page, live_server, "practitioner")
    page.goto(live_server.url + "/forums")
    page.get_by_role("link", name="Early Years Forum").click()
    page.get_by_role("link", name="Early Years Forum: spring meeting").click()
    _printed(page)
    expect(page.locator("#agenda")).to_be_visible()
    expect(page.locator("#agenda")).to_contain_text("Sharing practice: block play and early maths")
    expect(page.locator(".ds_site-header__navigation")).to_be_hidden()
    page.emulate_media(media="screen")
    page.goto(f"{live_server.url}/enquiries/teams")
    page.get_by_role("link", name="Outdoor Explorers").click()
    summary = page.get_by_role("navigation", name="This team").get_by_role("link", name="Summary")
    if summary.count():
        summary.click()
        _printed(page)
        expect(page.locator("main h1")).to_be_visible()
        expect(page.locator(".ds_site-header__navigation")).to_be_hidden()
