"""Issue 19 "Done means", in a real browser with axe on every page: the demo leader's plan (drawn from both
evaluations, agreed, in progress, reviewed at midpoint) is reopened for a change the facilitator sees and agrees
again; progress with a file as evidence; the end-of-year review; the repeat evaluation and the change per
domain beside the goals; a final reflection; completed. Then the record from an attended session and the
Professional Update pack (the PDF lists the entry)."""

import re
from datetime import date
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import assert_accessible, sign_in


def test_a_leaders_year(page, live_server, browser, tmp_path):
    page.context.close()
    page = browser.new_context(accept_downloads=True).new_page()
    sign_in(page, live_server, "leader")
    page.goto(f"{live_server.url}/leadership/programme")
    expect(page.get_by_role("heading", name="What to do next")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Attended")
    assert_accessible(page)
    page.get_by_role("link", name="Your development plan").click()
    page.wait_for_url(re.compile(r"/leadership/plans/\d+$"))
    plan_url = page.url
    expect(page.get_by_text("Reviewed at midpoint").first).to_be_visible()
    expect(page.get_by_text("School capacity:").first).to_be_visible()  # both evaluations
    assert_accessible(page)

    # Reopen the agreed plan for a change, add module 1, send it back to the facilitator.
    page.get_by_label("What you want to change, and why").fill("Add module 1: our enquiry question is too broad.")
    page.get_by_role("button", name="Reopen for a change").click()
    expect(page.locator("#flashes")).to_contain_text("open for a change")
    assert_accessible(page)
    page.locator("label", has_text="Module 1: Developing enquiry skills").click()
    page.get_by_role("button", name="Save module choices").click()
    expect(page.locator("#flashes")).to_contain_text("when your reviewer agrees the plan again")
    page.get_by_label("E-mail address of your key facilitator or the lead officer").fill(
        live_server.users["facilitator"]
    )
    page.get_by_role("button", name="Share plan").click()
    expect(page.locator("#flashes")).to_contain_text("Your plan is shared")

    reviewer = browser.new_context().new_page()
    sign_in(reviewer, live_server, "facilitator")
    reviewer.goto(plan_url)
    expect(reviewer.get_by_text("Added Module 1: Developing enquiry skills")).to_be_visible()
    assert_accessible(reviewer)
    reviewer.once("dialog", lambda dialog: dialog.accept())
    reviewer.get_by_role("button", name="Agree this plan again").click()
    expect(reviewer.locator("#flashes")).to_contain_text("The plan is agreed")
    reviewer.get_by_label("Review", exact=True).select_option("end")
    reviewer.get_by_label("Date you met").fill(date.today().isoformat())
    reviewer.get_by_label("Record of the meeting").fill("The team now measures impact every fortnight.")
    reviewer.get_by_label("Next steps agreed").fill("Write up the enquiry as an account of practice.")
    reviewer.get_by_role("button", name="Record the review").click()
    expect(reviewer.locator("#flashes")).to_contain_text("The review is recorded")
    assert_accessible(reviewer)

    # Progress with a file as evidence, the final reflection.
    page.goto(plan_url)
    evidence = tmp_path / "baseline.pdf"
    evidence.write_bytes(b"%PDF-1.4 numeracy baseline")
    page.get_by_text("Record progress", exact=False).first.click()
    goal = page.locator("article.wp_goal").first
    goal.get_by_label("Progress note").fill("All staff read the run chart at the January meeting.")
    goal.get_by_label("Status", exact=True).select_option("achieved")
    goal.get_by_label("Evidence file (optional)").set_input_files(str(evidence))
    goal.get_by_role("button", name="Save progress").click()
    expect(page.locator("#flashes")).to_contain_text("Your progress is recorded")
    expect(page.get_by_role("link", name="baseline.pdf")).to_be_visible()
    assert_accessible(page)
    goal = page.locator("article.wp_goal").first
    goal.get_by_text("Write the final reflection", exact=False).click()
    goal.get_by_label("Final reflection on this goal").fill("Staff now choose measures before they change anything.")
    goal.get_by_role("button", name="Save reflection").click()
    expect(page.locator("#flashes")).to_contain_text("Your reflection is saved")

    # The repeat evaluation, then the change per domain beside the goals, then completion.
    page.get_by_role("button", name="Repeat the evaluation").click()
    for domain in range(5):
        expect(page.locator(".ds_page-header__label")).to_contain_text(f"domain {domain + 1} of 5")
        for fieldset in page.locator("fieldset.wp_statement").all():
            fieldset.locator("label", has_text="5 Strong").click()
        page.get_by_role("button", name=re.compile("Save and (continue|review)")).click()
    page.get_by_role("button", name="Submit my self-evaluation").click()
    expect(page.get_by_role("table", name=re.compile("Score per domain"))).to_be_visible()
    page.goto(plan_url)
    expect(page.get_by_role("heading", name=re.compile("Change per domain since"))).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Change per leadership domain"))).to_contain_text("up ")
    assert_accessible(page)
    page.get_by_role("button", name="Complete the plan").click()
    expect(page.locator("#flashes")).to_contain_text("Your plan is completed")
    expect(page.locator(".ds_summary-list").first).to_contain_text("Completed")

    # The record from an attended session, and the pack.
    page.goto(f"{live_server.url}/learning/")
    expect(page.get_by_role("heading", name="From the portal: events you attended")).to_be_visible()
    suggestion = page.locator("form[action*='/learning/suggestions/']").first
    title = suggestion.locator("xpath=..").inner_text().split(",")[0].strip()
    suggestion.get_by_role("button").click()
    page.get_by_label("Reflection").fill("Planning for collaboration: we agreed ring-fenced time.")
    page.get_by_role("button", name="Save the entry").click()
    expect(page.get_by_role("status")).to_contain_text("The entry is saved")
    page.goto(f"{live_server.url}/learning/pack?start=2000-01-01&end=2100-01-01")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(Path(download.value.path())).pages).split())
    assert title in text and "ring-fenced time" in text
