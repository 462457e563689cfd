"""Issue 11: the pages people print (a plan, an agenda with its minutes, a team's summary) print without the
site's navigation and buttons and with every plan section open; text zoomed to 200% stays usable (no page
scrolls sideways, the menu still reaches every entry)."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, new_context, sign_in
from tests.browser.test_phones import WIDEST, _nav_urls, _overflow


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


def test_zoomed_to_200_percent_every_navigation_page_reflows(browser, live_server):
    """WCAG 1.4.4: a 1280 x 900 screen zoomed to 200% is a 640 x 450 CSS-pixel viewport at twice the pixel
    density (as Chrome's zoom works: media queries and rem sizes follow). Nothing scrolls sideways and the menu
    button is there to reach the navigation."""
    problems = []
    for key in ("practitioner", "lead"):
        context = new_context(browser, viewport={"width": 640, "height": 450}, device_scale_factor=2)
        page = context.new_page()
        sign_in(page, live_server, key)
        expect(page.get_by_role("button", name="Menu")).to_be_visible()
        for url in _nav_urls(page):
            page.goto(live_server.url + url)
            if (extra := _overflow(page)) > 0:
                problems.append(f"{key} {url} at 200% text scrolls sideways by {extra}px: {page.evaluate(WIDEST)}")
        assert_accessible(page)
        context.close()
    assert not problems, "\n".join(problems)
