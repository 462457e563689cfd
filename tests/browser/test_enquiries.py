"""Themed enquiries in a real browser: register, form a team across LAs by e-mail, plan, data and chart,
book a drop-in, and two people editing the same plan section at once."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, new_context, sign_in
from tests.support.smtp import Mailbox


def test_practitioner_forms_a_team_plans_and_charts(page, live_server, mailbox, browser):
    sign_in(page, live_server, "practitioner")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Themed enquiries").click()
    assert_accessible(page)
    page.get_by_role("link", name="Learning Through Play").click()
    page.get_by_role("button", name="Register for this theme").click()
    expect(page.get_by_role("status")).to_contain_text("You are registered")
    assert_accessible(page)
    page.get_by_role("link", name="Set up a team").click()
    page.get_by_label("Team name").fill("Play Pioneers")
    page.get_by_label("Our shared goal").fill("More child-led play in P1")
    page.get_by_role("button", name="Set up team").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Play Pioneers")
    assert_accessible(page)
    page.get_by_label("Colleague's e-mail address").fill("colleague@demo.example.org")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("status")).to_contain_text("invitation is on its way")
    link = Mailbox.link(mailbox.last_to("colleague@demo.example.org"), "/enquiries/join/")

    colleague = new_context(browser).new_page()
    sign_in(colleague, live_server, "colleague")
    colleague.goto(link)
    assert_accessible(colleague)
    colleague.get_by_role("button", name="Join Play Pioneers").click()
    expect(colleague.get_by_role("status")).to_contain_text("You have joined Play Pioneers")
    expect(colleague.get_by_text("Looks outwards")).to_be_visible()
    assert_accessible(colleague)

    page.get_by_role("navigation", name="This team").get_by_role("link", name="Enquiry plan").click()
    assert_accessible(page)
    page.locator("#step-change > details > summary").click()  # steps are closed: titles with their state
    expect(page.locator("#section-change summary")).to_contain_text("Not written yet")
    change = page.get_by_role("textbox", name="The change we hope to make and what it should improve")
    change.fill("Daily free-flow play")
    page.get_by_role("button", name="Save The change we hope to make").click()
    expect(page.locator("#section-change")).to_contain_text("Saved.")
    page.locator("#step-measures > details > summary").click()
    page.get_by_role("link", name="Add a measure").click()
    assert_accessible(page)
    page.get_by_label("Name of the measure").fill("Minutes of child-led play")
    page.get_by_label("Baseline").fill("ten")
    page.get_by_role("button", name="Save measure").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a number")
    expect(page.get_by_label("Name of the measure")).to_have_value("Minutes of child-led play")
    assert_accessible(page)
    page.get_by_label("Baseline").fill("10")
    page.get_by_label("Target or prediction").fill("40")
    page.get_by_role("button", name="Save measure").click()
    page.get_by_role("link", name="Minutes of child-led play", exact=True).click()
    for day, value in (("2021-01-08", "12"), ("2021-01-15", "18"), ("2021-01-22", "25")):
        page.get_by_label("Date").fill(day)
        page.get_by_label("Value").fill(value)
        page.get_by_role("button", name="Add data point").click()
        expect(page.locator("#measure-data table")).to_contain_text(value)
    expect(page.locator("svg.wp_runchart circle")).to_have_count(3)
    expect(page.locator("figcaption")).to_contain_text("Too few points to judge")
    assert_accessible(page)


def test_practitioner_books_a_theme_drop_in(page, live_server):
    sign_in(page, live_server, "practitioner")
    page.goto(f"{live_server.url}/enquiries/")
    page.get_by_role("link", name="Outdoor Learning").click()
    assert_accessible(page)
    page.get_by_role("link", name="Outdoor Learning drop-in").first.click()
    page.get_by_role("button", name="Book a place").click()
    expect(page.get_by_role("button", name="Cancel my booking")).to_be_visible()
    assert_accessible(page)


def test_two_people_editing_one_section_see_both_texts(page, live_server, browser):
    sign_in(page, live_server, "practitioner")
    other = new_context(browser).new_page()
    sign_in(other, live_server, "colleague")
    for p in (page, other):
        p.goto(f"{live_server.url}/enquiries/teams")
        p.get_by_role("link", name="Outdoor Explorers").click()
        p.get_by_role("navigation", name="This team").get_by_role("link", name="Enquiry plan").click()
    assert_accessible(page)
    for p in (page, other):
        p.locator("#step-cycles > details > summary").click()  # the step holding the section; sections in it are open
    label = "Our challenges and who can help"
    page.get_by_role("textbox", name=label).fill("Weather: we bought waterproofs.")
    other.get_by_role("textbox", name=label).fill("Ask the parent council for volunteers.")
    page.get_by_role("button", name=f"Save {label}").click()
    expect(page.locator("#section-challenges")).to_contain_text("Saved.")
    other.get_by_role("button", name=f"Save {label}").click()
    section = other.locator("#section-challenges")
    expect(section.get_by_role("alert")).to_contain_text("Someone else saved this section")
    expect(section.locator("blockquote")).to_contain_text("Weather: we bought waterproofs.")
    expect(other.get_by_label("Your text")).to_have_value("Ask the parent council for volunteers.")
    assert_accessible(other)
    other.get_by_label("Your text").fill("Weather: we bought waterproofs. Ask the parent council for volunteers.")
    other.get_by_role("button", name=f"Save {label}").click()
    expect(section).to_contain_text("Saved.")
    page.reload()
    page.locator("#step-cycles > details > summary").click()
    expect(page.get_by_role("textbox", name=label)).to_have_value(re.compile("parent council"))


def test_a_section_save_button_stays_put_when_the_draft_is_kept(page, live_server):
    """Pressing Save blurs the box, which sends the autosave; its status must not move the button between the press
    and the release (the click, and with it the save, was lost when the status sat above the button)."""
    sign_in(page, live_server, "practitioner")
    page.goto(f"{live_server.url}/enquiries/teams")
    page.get_by_role("link", name="Outdoor Explorers").first.click()
    page.get_by_role("navigation", name="This team").get_by_role("link", name="Enquiry plan").click()
    page.locator("#step-cycles > details > summary").click()
    label = "Our challenges and who can help"
    page.get_by_role("textbox", name=label).fill("Timetabling: we swap a slot with the nursery.")
    button = page.get_by_role("button", name=f"Save {label}")
    where = "e => e.getBoundingClientRect().top + window.scrollY"  # in the page, whatever the scrolling
    before = button.evaluate(where)
    expect(page.locator("#draft-challenges")).to_contain_text("Draft kept at")
    assert button.evaluate(where) == before
    button.click()
    expect(page.locator("#section-challenges")).to_contain_text("Saved.")


def test_measure_chart_shows_dates_phases_and_direction(page, live_server):
    """The demo team's run chart: a dated axis, the baseline and the new phase labelled, read as improvement;
    a member starts a phase (a rejected date keeps what was typed), switches to XmR, and removes a phase."""
    sign_in(page, live_server, "practitioner")
    page.goto(f"{live_server.url}/enquiries/teams")
    page.get_by_role("link", name="Outdoor Explorers").first.click()
    page.get_by_role("navigation", name="This team").get_by_role("link", name="Impact evidence").click()
    page.get_by_role("link", name="Minutes of learning outdoors per week").click()
    chart = page.locator("svg.wp_runchart")
    expect(chart).to_contain_text("Sep 2020")
    expect(chart).to_contain_text("Outdoor maths weekly")
    expect(page.locator("figcaption")).to_contain_text("Higher is better")
    expect(page.locator("figcaption")).to_contain_text("improvement")
    assert_accessible(page)
    page.get_by_label("When the new phase starts").fill("2099-01-01")
    page.get_by_label("What changed").fill("Kept while fixing the date")
    page.get_by_role("button", name="Start a new phase").click()
    expect(page.get_by_label("What changed")).to_have_value("Kept while fixing the date")
    assert_accessible(page)
    page.get_by_label("When the new phase starts").fill("2020-11-13")
    page.get_by_role("button", name="Start a new phase").click()
    expect(page.get_by_role("status")).to_contain_text("A new phase")
    page.get_by_text("SPC XmR chart (mean and limits)").click()  # the styled label covers the radio
    page.get_by_role("button", name="Save chart settings").click()
    expect(page.locator("figcaption")).to_contain_text("No limits yet")
    page.get_by_role("link", name="Remove the phase Kept while fixing the date").click()
    assert_accessible(page)
    page.get_by_role("button", name="Remove the phase").click()
    expect(page.get_by_role("status")).to_contain_text("is removed")
