"""Done means, for phones and valid HTML: every page in each demo role's navigation, at 320 px (each role) and
1280 px (each page once), fits the viewport, passes axe-core and the Nu Html Checker, and the menu works with the
keyboard. At 640 px (a 1280 px screen with text zoomed to 200%, WCAG 1.4.4) it fits too and the menu button is
there."""

import itertools
import json
import os
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from portal.accounts.models import User
from portal.extensions import db
from tests.browser.conftest import assert_accessible, check_html_later, new_context, sign_in
from tests.support.once import claim, once_per_session

# PHONES_ROLES="lead researcher" narrows the run while iterating.
ROLES = tuple(
    os.environ.get("PHONES_ROLES", "lead la_officer leader practitioner facilitator coordinator researcher").split()
)
PHONE, DESKTOP = 320, 1280
# Chrome's 200% zoom of a 1280 x 900 window is a 640 x 450 viewport in CSS pixels (media queries and rem sizes
# follow it); the pixel density it also doubles changes how the page is drawn, not where anything goes.
ZOOMED = {"width": 640, "height": 450}


def _nav_urls(page) -> list[str]:
    """Every page reachable from the header: the desktop navigation and the account link."""
    links = page.locator(".ds_site-header__navigation nav a, .wp_account a")
    return list(dict.fromkeys(links.evaluate_all("links => links.map(a => a.pathname + a.search)")))


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


WIDEST = """() => Array.from(document.querySelectorAll('body *'))
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
  .slice(-4).join(' | ')"""


def _check_menu_with_keyboard(page) -> None:
    """At phone width the Menu button opens the links; Tab reaches every top-level entry; Escape closes."""
    nav = page.locator("#mobile-navigation")
    labels = nav.get_by_role("link").all_inner_texts()
    expect(nav).to_be_hidden()
    button = page.get_by_role("button", name="Menu")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    reached = []
    for _ in labels:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert reached == [label.strip() for label in labels]
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(nav).to_be_hidden()


def _widths(tmp_path_factory, key: str, url: str) -> tuple[int, ...]:
    """Every role's navigation page is checked at phone width; the wider layouts (200% text, desktop) once per
    page in the session, by the first role to claim it, since the roles share most pages (16 pages, 83 visits).
    A home page is each role's own."""
    shared = url != "/home" and not claim(tmp_path_factory, "wider-navigation-page", re.sub(r"[^a-z0-9]+", "-", url))
    return (PHONE,) if shared else (PHONE, ZOOMED["width"], DESKTOP)


@pytest.mark.parametrize("key", ROLES)
def test_every_navigation_page_fits_a_phone_and_is_valid(browser, live_server, tmp_path, tmp_path_factory, key):
    problems = []
    context = new_context(browser, viewport={"width": DESKTOP, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, key)
    urls = _nav_urls(page)
    for url in urls:
        # Opened on a phone, then the same page widened to a desktop window (as a tablet turned or a window
        # resized): the layout at each width is checked without loading the page twice.
        page.set_viewport_size({"width": PHONE, "height": 800})
        response = page.goto(live_server.url + url)
        path = tmp_path / f"{key}{re.sub(r'[^a-z0-9]+', '-', url)}.html"
        path.write_text(response.text())
        check_html_later(path)
        for width in _widths(tmp_path_factory, key, url):
            page.set_viewport_size(ZOOMED if width == ZOOMED["width"] else {"width": width, "height": 800})
            if (extra := _overflow(page)) > 0:
                problems.append(f"{key} {url} at {width}px scrolls sideways by {extra}px: {page.evaluate(WIDEST)}")
            if width == ZOOMED["width"]:  # the layout at 200% text: the menu button reaches the navigation
                if not page.get_by_role("button", name="Menu").is_visible():
                    problems.append(f"{key} {url} at 200% text has no Menu button")
                continue
            try:
                assert_accessible(page)
            except AssertionError as error:
                problems.append(f"{key} {url} at {width}px: {error}")
    # The menu, after a boosted (htmx) navigation has swapped the header in: it is re-initialised.
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(live_server.url + "/home")
    expect(page.get_by_role("button", name="Menu")).to_be_visible()
    page.get_by_role("button", name="Menu").click()
    page.locator("#mobile-navigation").get_by_role("link").last.click()
    expect(page.locator("#mobile-navigation")).to_be_hidden()
    _check_menu_with_keyboard(page)
    page.set_viewport_size({"width": DESKTOP, "height": 800})
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    context.close()
    assert not problems, "\n".join(problems)


def test_without_javascript_the_links_are_shown_on_a_phone(browser, live_server):
    context = new_context(browser, viewport={"width": PHONE, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, "practitioner")
    expect(page.locator("#mobile-navigation").get_by_role("link", name="Events")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    assert _overflow(page) <= 0
    context.close()


def _pattern(url: str) -> str:
    return re.sub(r"\d+", "#", url.split("?")[0])


# Pages two steps away that people use on the go: followed from the pages one step from the navigation.
ON_THE_GO = re.compile(r"plan|matching|nominations|survey|members|meetings/\d|minutes|summar|agenda|themes/\d")
SHARDS = 3  # the walk's pages are checked in parts, so that the test workers share them


class _Links(HTMLParser):
    """Same-site links inside <main> that are not downloads, as the browser would resolve them."""

    def __init__(self, base: str):
        super().__init__()
        self.base, self.depth, self.links = base, 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.depth += 1
        elif tag == "a" and self.depth and attrs.get("href") and "download" not in attrs:
            url = urlsplit(urljoin(self.base, attrs["href"]))
            if url.scheme in ("", "http") and url.netloc in ("", "localhost"):
                self.links.append(url.path + (f"?{url.query}" if url.query else ""))

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1


def _pages_beyond_the_navigation(app, users: dict[str, str]) -> list[tuple[str, str]]:
    """(role, URL) of one page of each kind linked from each navigation page, and of the on-the-go pages (plans,
    themes, meetings, matching...) linked from those: a role skips kinds an earlier one reached. Found with the
    portal's test client (the same pages and links the browser gets), so the parts can be shared out."""
    found, seen = [], set()
    for key in ROLES:
        client = app.test_client()
        with app.app_context():
            user = db.session.scalar(select(User).where(User.email == users[key]))
            with client.session_transaction() as session:
                session.update(_user_id=str(user.id), _sv=user.session_version, _fresh=True)
        nav = _nav_paths(client.get("/home").get_data(as_text=True))
        seen |= {_pattern(url) for url in nav}
        queue = [(url, 0) for url in nav]
        while queue:
            url, depth = queue.pop(0)
            response = client.get(url)
            if response.status_code != 200 or response.mimetype != "text/html":
                response.close()
                continue
            links = _Links("http://localhost" + url)
            links.feed(response.get_data(as_text=True))
            for link in links.links:
                pattern = _pattern(link)
                if pattern in seen or link.endswith((".ics", ".csv")) or (depth >= 1 and not ON_THE_GO.search(link)):
                    continue
                seen.add(pattern)
                if depth < 2:
                    queue.append((link, depth + 1))
            if depth:  # the navigation pages themselves are checked by the test above
                found.append((key, url))
    return found


def _nav_paths(home: str) -> list[str]:
    """The header's navigation and account links of a page, as _nav_urls reads them in the browser."""
    account = home.split('class="wp_account"', 1)[1].split("</div>", 1)[0]
    header = home.split('class="ds_site-header__navigation"', 1)[1].split("</nav>", 1)[0]
    return list(dict.fromkeys(re.findall(r'<a[^>]*href="(/[^"]*)"', account + header)))


@pytest.mark.parametrize("shard", range(SHARDS))
def test_pages_beyond_the_navigation_fit_a_phone_and_are_valid(browser, live_server, tmp_path, shard, tmp_path_factory):
    """Part `shard` of the pages beyond the navigation at 320px: no sideways scroll, axe and the Nu Html
    Checker."""

    def walk(folder):  # every test starts from the same demo data: walked once per session, by the first worker
        (folder / "pages.json").write_text(json.dumps(_pages_beyond_the_navigation(live_server.app, live_server.users)))

    pages = json.loads((once_per_session(tmp_path_factory, "phone-walk", walk) / "pages.json").read_text())
    assert len(pages) > 20, pages  # the walk reaches the demo's pages
    part = pages[len(pages) * shard // SHARDS : len(pages) * (shard + 1) // SHARDS]  # a role's pages stay together
    problems = []
    for key, visits in itertools.groupby(part, key=lambda visit: visit[0]):
        context = new_context(browser, viewport={"width": PHONE, "height": 800})
        page = context.new_page()
        sign_in(page, live_server, key)
        for _, url in visits:
            response = page.goto(live_server.url + url)
            path = tmp_path / f"{key}{re.sub(r'[^a-z0-9]+', '-', url)}.html"
            path.write_text(response.text())
            check_html_later(path)
            if (extra := _overflow(page)) > 0:
                problems.append(f"{key} {url} scrolls sideways by {extra}px: {page.evaluate(WIDEST)}")
            try:
                assert_accessible(page)
            except AssertionError as error:
                problems.append(f"{key} {url}: {error}")
        context.close()
    assert not problems, "\n".join(problems)


def test_a_plan_on_a_phone_is_a_list_of_titles_that_open_one_at_a_time(browser, live_server):
    context = new_context(browser, viewport={"width": PHONE, "height": 800})
    page = context.new_page()
    sign_in(page, live_server, "practitioner")
    page.goto(f"{live_server.url}/enquiries/teams")
    page.get_by_role("link", name="Outdoor Explorers").click()
    page.get_by_role("navigation", name="This team").get_by_role("link", name="Enquiry plan").click()
    # The guided enquiry: six steps with their state; the demo team has done them all, so none is open.
    sections = page.locator('details[data-one-open="steps"]')
    expect(sections.first).not_to_have_attribute("open", "")
    assert sections.count() == 6 and page.locator("details[data-one-open][open]").count() == 0
    expect(sections.first.locator("summary").first).to_contain_text(re.compile("Done|In progress|Not started"))
    hunch = sections.nth(0).get_by_role("textbox", name="Our hunch: what we noticed")
    change = sections.nth(1).get_by_role("textbox", name="The change we hope to make and what it should improve")
    sections.nth(0).locator("summary").first.click()
    expect(hunch).to_be_visible()
    sections.nth(1).locator("summary").first.press("Enter")  # keyboard: the summary is the control
    expect(change).to_be_visible()
    expect(hunch).to_be_hidden()
    assert _overflow(page) <= 0, page.evaluate(WIDEST)
    assert_accessible(page)
    context.close()
