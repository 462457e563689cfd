"""The Gateway in a real browser: two practitioners in different LAs find each other, one asks, the other
accepts, and both land in their new team's enquiry plan (axe on every page opened)."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, new_context, sign_in


def test_two_practitioners_in_different_las_form_a_gateway_team(page, live_server, browser):
    sign_in(page, live_server, "colleague")  # Ailsa, Renfrewshire
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Gateway").click()
    assert_accessible(page)
    page.get_by_role("link", name="Publish your profile").click()
    assert_accessible(page)
    page.get_by_role("button", name="Publish profile").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose at least one interest")
    assert_accessible(page)
    page.get_by_label("What would you like to improve? (your hunch)").fill(
        "Could weekly numeracy lessons outdoors help P5 learners who rarely engage in maths?"
    )
    for label in ("Outdoor Learning", "Mathematics and numeracy", "Second level (P5 to P7)"):
        page.get_by_text(label, exact=True).click()  # the design system's label covers its box
        expect(page.get_by_label(label)).to_be_checked()
    page.get_by_role("button", name="Publish profile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suggested partners")
    assert_accessible(page)
    page.get_by_label("Local authority").select_option(label="Glasgow City")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#suggestion-results")).not_to_contain_text("Isla Morrison")  # East Dunbartonshire
    expect(page.locator("#suggestion-results")).to_contain_text("another local authority")
    page.get_by_role("link", name="Ewan Practitioner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ewan Practitioner")
    expect(page.get_by_text("practitioner@demo.example.org")).to_have_count(0)
    assert_accessible(page)
    page.get_by_label("Your message").fill("Hello Ewan, shall we plan outdoor numeracy together across our LAs?")
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_role("status")).to_contain_text("Your request is sent")
    assert_accessible(page)

    ewan = new_context(browser).new_page()
    sign_in(ewan, live_server, "practitioner")  # Ewan, Glasgow City
    ewan.goto(f"{live_server.url}/gateway/")
    assert_accessible(ewan)
    ewan.get_by_role("link", name="Ailsa Colleague would like to collaborate").click()
    expect(ewan.get_by_text("shall we plan outdoor numeracy together")).to_be_visible()
    expect(ewan.get_by_text("colleague@demo.example.org")).to_have_count(0)
    assert_accessible(ewan)
    ewan.get_by_role("button", name="Accept and form a team").click()
    expect(ewan.get_by_role("status")).to_contain_text("You are now in Gateway: Ailsa Colleague and Ewan")
    expect(ewan).to_have_url(__import__("re").compile(r"/enquiries/teams/\d+/plan$"))
    assert_accessible(ewan)

    page.goto(f"{live_server.url}/gateway/")
    page.get_by_role("link", name="Enquiry plan of Gateway: Ailsa Colleague and Ewan Practitioner").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ailsa Colleague and Ewan Practitioner")
    assert_accessible(page)
    page.goto(f"{live_server.url}/gateway/")
    page.get_by_role("link", name="To Ewan Practitioner").click()
    expect(page.get_by_role("link", name="practitioner@demo.example.org")).to_be_visible()
    assert_accessible(page)
