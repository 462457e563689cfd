"""A coordinator's path in a real browser: plan a meeting, build and reorder its agenda, publish it (the
member gets the e-mail), record minutes and an action, and see the action carried into the next agenda."""

import re
from datetime import timedelta

from playwright.sync_api import expect

from portal.forums.meetings import local_now
from tests.browser.conftest import assert_accessible, sign_in
from tests.support.smtp import Mailbox


def _plan_meeting(page, title, days, formal=True):
    page.get_by_role("link", name="Plan a meeting").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan a meeting")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Date").fill((local_now() + timedelta(days=days)).date().isoformat())
    page.get_by_label("Start time").fill("16:00")
    page.get_by_label("End time").fill("17:30")
    page.get_by_label("Place").fill("Hillview Early Learning Centre")
    if not formal:
        box = page.get_by_label(re.compile("Formal meeting"))
        page.locator(f"label[for='{box.get_attribute('id')}']").click()  # the styled label covers the box
        expect(box).not_to_be_checked()
    page.get_by_role("button", name="Create the meeting and its draft agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_coordinator_from_we_should_meet_to_agenda_out_and_minutes(page, live_server, mailbox):
    sign_in(page, live_server, "coordinator")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Forums").click()
    assert_accessible(page)
    page.get_by_role("link", name="Early Years Forum").click()
    expect(page.get_by_text("Agenda published")).to_be_visible()
    assert_accessible(page)

    # "We should meet": the form previews the draft agenda, carried-forward action included.
    page.get_by_role("link", name="Plan a meeting").first.click()
    carried = "Carried forward: Draft a shared nursery-to-P1 transition profile"
    expect(page.get_by_text(carried)).to_be_visible()
    assert_accessible(page)
    page.go_back()
    _plan_meeting(page, "Summer sharing meeting", 40)
    agenda = page.locator("#agenda")
    expect(agenda).to_contain_text("Carried forward: Draft a shared nursery-to-P1 transition profile")
    assert_accessible(page)

    # Build the agenda in place: a refused item keeps what was typed, then a good one.
    page.get_by_label("Item title").fill(" ")
    page.get_by_label("Lead person").fill("Ewan Practitioner")
    page.get_by_label("Minutes allotted").fill("-5")
    page.get_by_role("button", name="Add item").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a title for the agenda item.")
    expect(page.get_by_label("Lead person")).to_have_value("Ewan Practitioner")
    assert_accessible(page)
    page.get_by_label("Item title").fill("Block play and early maths")
    page.get_by_label("Minutes allotted").fill("30")
    page.get_by_role("button", name="Add item").click()
    expect(agenda).to_contain_text("Added: Block play and early maths.")
    expect(page.locator("#agenda-timing")).to_contain_text("35 of 90 minutes planned")
    titles = agenda.locator(".wp_agenda__title")
    expect(titles.last).to_have_text("Block play and early maths")

    # Reorder in place.
    page.get_by_role("button", name="Move up Block play and early maths").click()
    expect(agenda).to_contain_text("Moved up: Block play and early maths.")
    expect(titles.nth(titles.count() - 2)).to_have_text("Block play and early maths")
    assert_accessible(page)

    # "The agenda is out": the member gets it with a calendar file.
    page.once("dialog", lambda dialog: dialog.accept())  # publishing asks first (e-mails every member)
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_role("status").first).to_contain_text("The agenda is out")
    message = mailbox.last_to(live_server.users["practitioner"])
    assert message["Subject"].startswith("Agenda: Summer sharing meeting")
    assert "Block play and early maths (30 min) - led by Ewan Practitioner" in Mailbox.body(message)
    assert [p.get_filename() for p in message.iter_attachments()] == ["meeting.ics"]
    assert_accessible(page)

    # After the past meeting: minutes and an open action.
    page.get_by_role("link", name="Early Years Forum").first.click()
    page.get_by_role("link", name="Early Years Forum: autumn meeting").click()
    assert_accessible(page)
    page.get_by_role("link", name="Record minutes and actions").first.click()
    assert_accessible(page)
    page.get_by_label("1. Welcome and apologies").fill("Fourteen settings came, from seven authorities.")
    page.get_by_role("button", name="Save minutes").click()
    expect(page.get_by_role("status").first).to_contain_text("The minutes are saved")
    page.get_by_label("What is to be done").fill("Photograph block play areas for the library")
    page.get_by_label("Who").fill("Ewan Practitioner")
    page.get_by_role("button", name="Record action").click()
    expect(page.locator("#actions")).to_contain_text("Photograph block play areas for the library")
    assert_accessible(page)
    page.get_by_role("group", name="Who attended").get_by_text("Ewan Practitioner").click()  # the register
    page.get_by_role("button", name="Save the register").click()
    expect(page.get_by_role("status").first).to_contain_text("The register is saved: 1 attended")
    expect(page.get_by_role("checkbox", name="Ewan Practitioner")).to_be_checked()
    assert_accessible(page)

    # The next meeting's draft agenda already holds the open action.
    page.goto(live_server.url + "/forums")
    page.get_by_role("link", name="Early Years Forum").click()
    _plan_meeting(page, "Informal catch-up", 60, formal=False)
    expect(page.locator("#agenda")).to_contain_text(
        "Carried forward: Photograph block play areas for the library (Ewan Practitioner)"
    )
    expect(page.get_by_text("Informal meeting")).to_be_visible()
    assert_accessible(page)


def test_a_member_reads_the_published_agenda_and_past_minutes(page, live_server):
    sign_in(page, live_server, "practitioner")
    page.goto(live_server.url + "/forums")
    page.get_by_role("link", name="Early Years Forum").click()
    page.get_by_role("link", name="Early Years Forum: spring meeting").click()
    expect(page.locator("#agenda")).to_contain_text("Sharing practice: block play and early maths")
    expect(page.get_by_role("button", name=re.compile("Move"))).to_have_count(0)
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="Search the resource library").click()
    tag = page.get_by_label("Tag", exact=True)
    tag.fill("play")
    tag.press("Enter")  # typing filters live; Enter also filters if the keystrokes beat htmx's set-up
    expect(page.locator(".wp_count")).to_contain_text("2 resources found")
    assert_accessible(page)


def test_coordinator_links_a_library_resource_and_finds_a_member(page, live_server):
    sign_in(page, live_server, "coordinator")
    page.goto(live_server.url + "/forums")
    page.get_by_role("link", name="Early Years Forum").click()
    page.get_by_role("link", name="Early Years Forum: spring meeting").click()
    page.get_by_role("link", name="Resources for Sharing practice: block play and early maths").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Resources for")
    assert_accessible(page)
    page.get_by_label("Title, description or tag").fill("play")
    results = page.locator("#item-resource-results")
    expect(results.locator(".wp_count")).to_contain_text("found")
    link = results.get_by_role("button", name=re.compile("^Link ")).first
    title = link.inner_text().removeprefix("Link").strip()
    link.click()
    expect(page.get_by_text(f"Linked: {title}.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Back to")).click()
    expect(page.locator("#agenda")).to_contain_text(title)

    page.get_by_role("link", name="Early Years Forum").first.click()
    page.get_by_role("link", name=re.compile("members", re.I)).first.click()
    search = page.get_by_label("Name or e-mail")
    search.fill("practitioner")
    search.press("Enter")  # typing filters live; Enter also searches if the keystrokes beat htmx's set-up
    expect(page.locator("#member-results .wp_count")).to_contain_text("found")
    assert_accessible(page)
