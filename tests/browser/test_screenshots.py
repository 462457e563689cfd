"""Screenshots of five key pages (and the open menu) at 375 px for docs/screenshots/.

Refresh with `SCREENSHOTS=1 pytest tests/browser/test_screenshots.py`;
skipped in ordinary runs: pictures are documentation, not assertions.
"""

import os
from pathlib import Path

import pytest

from tests.browser.conftest import new_context, sign_in

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.mark.skipif(not os.environ.get("SCREENSHOTS"), reason="set SCREENSHOTS=1 to refresh docs/screenshots")
def test_key_pages_at_375px(browser, live_server):
    OUT.mkdir(parents=True, exist_ok=True)
    shots = {
        "practitioner": [
            ("home", "/home", None),
            ("enquiry-plan", "/enquiries/teams", "Outdoor Explorers"),
            ("forum-meeting", "/home", None),
        ],
        "lead": [("matching", "/cohorts", None), ("events", "/events", None)],
    }
    for key, pages in shots.items():
        context = new_context(browser, viewport={"width": 375, "height": 812}, device_scale_factor=1)
        page = context.new_page()
        sign_in(page, live_server, key)
        for name, url, link in pages:
            page.goto(live_server.url + url)
            if link:
                page.get_by_role("link", name=link).click()
                page.get_by_role("navigation", name="This team").get_by_role("link", name="Enquiry plan").click()
            if name == "forum-meeting":
                page.locator("main a[href*='/meetings/']").first.click()
            if name == "matching":
                cohort = page.evaluate(
                    "Array.from(document.querySelectorAll('main a'))"
                    ".map(a => a.pathname).find(p => /^\\/cohorts\\/\\d+$/.test(p))"
                )
                page.goto(f"{live_server.url}{cohort}/matching")
            page.wait_for_load_state("networkidle")
            page.mouse.move(5, 600)  # no hover styles in the picture
            page.screenshot(path=OUT / f"{name}-375.png", full_page=name in ("home", "forum-meeting"))
        if key == "practitioner":  # the menu open on a phone
            page.goto(live_server.url + "/home")
            page.get_by_role("button", name="Menu").click()
            page.screenshot(path=OUT / "menu-open-375.png")
        context.close()
