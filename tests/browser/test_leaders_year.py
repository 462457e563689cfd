"""Issue 19 "Done means", in a real browser with axe on every page: a new leader in Cohort A (the introductory
sessions attended) completes both evaluations, leadership and school capacity; makes one plan from them whose
priorities name capacity-driven actions; adds a goal and shares the plan; the facilitator agrees it; it is
reopened for a change (a module added) the facilitator sees and agrees again; progress with a file as
evidence; the midpoint and end-of-year reviews; the repeat evaluation and the change per domain beside the
goals; a final reflection; completed. Then a PRD target linked to the goal, the record from attended sessions
plus an own entry, and the Professional Update pack (the PDF lists the entries and the target)."""

import re
from datetime import date
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from portal.accounts.models import User, UserRole
from portal.core.roles import Role
from portal.events.models import BOOKED, Booking
from portal.extensions import db
from portal.leadership import sessions
from portal.leadership.models import CONFIRMED, CohortPlace, LeadershipCohort
from tests.browser.conftest import assert_accessible, new_context, sign_in

GOAL = "Plan ring-fenced time for our enquiry team and measure what it changes."


def _new_leader(server) -> None:
    """A senior leader with a confirmed place in the demo's Cohort A, the sessions held so far attended, and no
    evaluation or plan yet."""
    email = "new.leader@demo.example.org"
    with server.app.app_context():
        demo_leader = db.session.scalar(select(User).where(User.email == server.users["leader"]))
        person = User(
            name="Nadia Newleader",
            email=email,
            password_hash=generate_password_hash(server.password),
            establishment_id=demo_leader.establishment_id,
            job_title="Head teacher",
            promoted=True,
        )
        person.role_rows = [UserRole(role=str(Role.SENIOR_LEADER)), UserRole(role=str(Role.PRACTITIONER))]
        db.session.add(person)
        db.session.flush()
        cohort = db.session.scalar(select(LeadershipCohort).where(LeadershipCohort.name == "Cohort A"))
        db.session.add(CohortPlace(cohort_id=cohort.id, person_id=person.id, status=CONFIRMED))
        for event in sessions.cohort_sessions(cohort):
            if event.compulsory and event.has_started():
                db.session.add(Booking(event_id=event.id, user_id=person.id, status=BOOKED, attended=True))
        db.session.commit()
    server.users["new_leader"] = email


def _evaluate(page, framework: str, label: str, rating_for) -> None:
    """Start an evaluation of `framework`, rate every statement of each domain (rating_for(domain number)
    names the label to click), and submit it."""
    page.goto(page.url.split("/", 3)[0] + "//" + page.url.split("/")[2] + "/leadership/evaluations")
    page.locator("label", has_text=framework).click()
    page.get_by_label("Name it (optional)").fill(label)
    page.get_by_role("button", name="Start").click()
    domain = 1
    while True:
        header = page.locator(".ds_page-header__label")
        expect(header).to_contain_text(f"domain {domain} of")
        if domain == 1:
            assert_accessible(page)
        for fieldset in page.locator("fieldset.wp_statement").all():
            fieldset.locator("label", has_text=rating_for(domain)).click()
        last = re.search(r"of (\d+)", header.inner_text()).group(1) == str(domain)
        page.get_by_role("button", name=re.compile("Save and (continue|review)")).click()
        if last:
            break
        domain += 1
    expect(page.get_by_role("heading", level=1)).to_contain_text("Review and submit")
    page.get_by_role("button", name="Submit my self-evaluation").click()
    expect(page.get_by_role("table", name=re.compile("Score per domain"))).to_be_visible()


def test_a_leaders_year(page, live_server, browser, tmp_path):
    _new_leader(live_server)
    page.context.close()
    page = new_context(browser, accept_downloads=True).new_page()
    sign_in(page, live_server, "new_leader")

    # Both evaluations, then one plan drawing on them, with capacity-driven actions.
    _evaluate(
        page, "Leading collaborative enquiry", "Start of year", lambda d: "2 Starting" if d == 3 else "4 Established"
    )
    assert_accessible(page)
    _evaluate(page, "Our capacity to collaborate", "Our school", lambda d: "2 Starting" if d == 1 else "4 Established")
    page.get_by_role("button", name="Make a development plan from this").click()
    page.wait_for_url(re.compile(r"/leadership/plans/\d+$"))
    plan_url = page.url
    expect(page.get_by_text("School capacity:").first).to_be_visible()  # draws on both
    expect(page.get_by_text(re.compile(r"Data and impact: 2\.0 of 6, your lowest domain"))).to_be_visible()
    capacity = page.get_by_text(re.compile(r"School capacity, Protected time: 2\.0 of 6.*Action: Module 2"))
    expect(capacity.first).to_be_visible()  # a capacity gap with something to do about it
    assert_accessible(page)
    page.get_by_label("What I want to achieve").fill(GOAL)
    page.get_by_label("Actions I will take").fill("Agree a fortnightly slot with the business manager; module 3.")
    page.get_by_label("How I will know").fill("The team meets every fortnight and logs one measure each time.")
    page.get_by_role("button", name="Add goal").click()
    expect(page.get_by_role("heading", name=f"Goal 1: {GOAL}")).to_be_visible()
    page.get_by_role("button", name="Save module choices").click()
    expect(page.locator("#flashes")).to_contain_text("module choices are saved")
    page.get_by_label("E-mail address of your key facilitator or the lead officer").fill(
        live_server.users["facilitator"]
    )
    page.get_by_role("button", name="Share plan").click()
    expect(page.locator("#flashes")).to_contain_text("Your plan is shared")

    reviewer = new_context(browser).new_page()
    sign_in(reviewer, live_server, "facilitator")
    reviewer.goto(plan_url)
    assert_accessible(reviewer)
    reviewer.once("dialog", lambda dialog: dialog.accept())
    reviewer.get_by_role("button", name="Agree this plan").click()
    expect(reviewer.locator("#flashes")).to_contain_text("The plan is agreed")

    # Reopen the agreed plan for a change, add a module, send it back to the facilitator, agreed again.
    page.goto(plan_url)
    page.get_by_label("What you want to change, and why").fill("Add a module: our enquiry question is too broad.")
    page.get_by_role("button", name="Reopen for a change").click()
    expect(page.locator("#flashes")).to_contain_text("open for a change")
    assert_accessible(page)
    unticked = page.locator("input[name='modules']:not(:checked)").first  # a module not yet chosen
    added = page.locator(f"label[for='{unticked.get_attribute('id')}']")
    module = added.inner_text().strip()
    added.click()
    page.get_by_role("button", name="Save module choices").click()
    expect(page.locator("#flashes")).to_contain_text("when your reviewer agrees the plan again")
    page.get_by_label("E-mail address of your key facilitator or the lead officer").fill(
        live_server.users["facilitator"]
    )
    page.get_by_role("button", name="Share plan").click()
    expect(page.locator("#flashes")).to_contain_text("Your plan is shared")
    reviewer.goto(plan_url)
    expect(reviewer.get_by_text(f"Added {module}")).to_be_visible()
    assert_accessible(reviewer)
    reviewer.once("dialog", lambda dialog: dialog.accept())
    reviewer.get_by_role("button", name="Agree this plan again").click()
    expect(reviewer.locator("#flashes")).to_contain_text("The plan is agreed")

    # Progress with a file as evidence.
    page.goto(plan_url)
    evidence = tmp_path / "baseline.pdf"
    evidence.write_bytes(b"%PDF-1.4 numeracy baseline")
    page.get_by_text("Record progress", exact=False).first.click()
    goal = page.locator("article.wp_goal").first
    goal.get_by_label("Progress note").fill("The fortnightly slot is in the calendar; the team met twice.")
    goal.get_by_label("Status", exact=True).select_option("on_track")
    goal.get_by_label("Evidence file (optional)").set_input_files(str(evidence))
    goal.get_by_role("button", name="Save progress").click()
    expect(page.locator("#flashes")).to_contain_text("Your progress is recorded")
    expect(page.get_by_role("link", name="baseline.pdf")).to_be_visible()
    assert_accessible(page)

    # The midpoint and end-of-year reviews, recorded by the facilitator.
    reviewer.goto(plan_url)
    for kind, record in (
        ("midpoint", "The slot holds; the team's measure is still vague."),
        ("end", "The team now measures impact every fortnight."),
    ):
        reviewer.get_by_label("Review", exact=True).select_option(kind)
        reviewer.get_by_label("Date you met").fill(date.today().isoformat())
        reviewer.get_by_label("Record of the meeting").fill(record)
        reviewer.get_by_label("Next steps agreed").fill("Write up the enquiry as an account of practice.")
        reviewer.get_by_role("button", name="Record the review").click()
        expect(reviewer.locator("#flashes")).to_contain_text("The review is recorded")
    assert_accessible(reviewer)

    # The final reflection, the repeat evaluation and the change per domain beside the goals, then completion.
    page.goto(plan_url)
    expect(page.get_by_text("Reviewed at midpoint").first).to_be_visible()
    goal = page.locator("article.wp_goal").first
    goal.get_by_text("Write the final reflection", exact=False).click()
    goal.get_by_label("Final reflection on this goal").fill("Protected time made the enquiry happen.")
    goal.get_by_role("button", name="Save reflection").click()
    expect(page.locator("#flashes")).to_contain_text("Your reflection is saved")
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

    # A PRD target linked to the goal, shown on both sides.
    page.get_by_role("link", name=re.compile("Link a Professional Review and Development target")).first.click()
    page.get_by_label("Target", exact=True).fill("Lead enquiry time across the school")
    page.get_by_role("button", name="Save the target").click()
    expect(page.get_by_role("status")).to_contain_text("The PRD target is in your record")
    expect(page.get_by_text(GOAL)).to_be_visible()
    assert_accessible(page)
    page.goto(plan_url)
    expect(page.locator("article.wp_goal").first).to_contain_text("Lead enquiry time across the school")

    # The record from an attended session plus an own entry, and the pack.
    page.goto(f"{live_server.url}/learning/")
    expect(page.get_by_role("heading", name="From the portal: events you attended")).to_be_visible()
    assert_accessible(page)
    suggestion = page.locator("form[action*='/learning/suggestions/']").first
    title = suggestion.locator("xpath=..").inner_text().split(",")[0].strip()
    suggestion.get_by_role("button").click()
    page.get_by_label("Reflection").fill("Planning for collaboration: we agreed ring-fenced time.")
    page.get_by_role("button", name="Save the entry").click()
    expect(page.get_by_role("status")).to_contain_text("The entry is saved")
    page.goto(f"{live_server.url}/learning/new")
    page.get_by_label("What you did").fill("Read about protected time for teacher enquiry")
    page.get_by_label("Type").select_option("reading")
    page.get_by_label("Date (or first day)").fill(date.today().isoformat())
    page.get_by_label("Hours").fill("1.5")
    page.get_by_role("button", name="Save the entry").click()
    expect(page.get_by_role("status")).to_contain_text("The entry is added")
    page.goto(f"{live_server.url}/learning/pack?start=2000-01-01&end=2100-01-01")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(Path(download.value.path())).pages).split())
    assert title in text and "ring-fenced time" in text and "protected time for teacher enquiry" in text
    assert "Lead enquiry time across the school" in text and GOAL in text
