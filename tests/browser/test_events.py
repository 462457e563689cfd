"""Events in a real browser: a practitioner books and takes the .ics; an organiser keeps the register."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in

WEBINAR = "Webinar: measuring the impact of a small change"
MEETING = "Network meeting: from a hunch to an enquiry question"


def test_practitioner_books_an_event_and_downloads_the_ics(page, live_server):
    sign_in(page, live_server, "practitioner")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")
    assert_accessible(page)
    page.get_by_role("link", name=WEBINAR).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(WEBINAR)
    assert_accessible(page)
    expect(page.locator("#event-booking")).not_to_contain_text("meet.westpartnership.example")
    page.get_by_role("button", name="Book a place").click()
    expect(page.locator("#event-booking")).to_contain_text("You are booked")
    expect(page.locator("#event-booking")).to_contain_text("meet.westpartnership.example/impact")
    assert_accessible(page)
    with page.expect_download() as info:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    body = info.value.path().read_bytes()
    assert body.startswith(b"BEGIN:VCALENDAR") and b"SUMMARY:Webinar: measuring the impact" in body
    assert b"meet.westpartnership.example/impact" in body
    page.goto(f"{live_server.url}/events/mine")
    expect(page.locator("#my-bookings")).to_contain_text(WEBINAR)
    assert_accessible(page)


def test_organiser_marks_attendance_on_the_register(page, live_server):
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server.url}/events?past=y")
    page.get_by_role("link", name=MEETING).click()
    page.get_by_role("link", name="Register and attendance").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Register")
    assert_accessible(page)
    page.get_by_role("group", name="Attendance of Ewan Practitioner").get_by_text("Attended", exact=True).click()
    expect(page.get_by_role("row", name="Ewan Practitioner")).to_contain_text("Saved")
    page.get_by_role("group", name="Attendance of Callum Coordinator").get_by_text("Absent", exact=True).click()
    expect(page.get_by_role("row", name="Callum Coordinator")).to_contain_text("Saved")
    assert_accessible(page)
    page.reload()
    expect(page.get_by_role("group", name="Attendance of Ewan Practitioner").get_by_label("Attended")).to_be_checked()
    expect(page.get_by_text("Callum Coordinator (absent)")).to_be_visible()
    page.get_by_role("group", name="Attendance of Catriona Leader").get_by_text("Attended", exact=True).click()
    page.get_by_role("button", name="Save the register").click()
    expect(page.get_by_role("status").first).to_contain_text("The register is saved")
    assert_accessible(page)


def test_admin_pages_are_accessible_and_keep_typed_values(page, live_server):
    sign_in(page, live_server, "lead")
    page.goto(f"{live_server.url}/events")
    page.get_by_role("link", name="Add an event").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Outdoor learning webinar")
    page.get_by_label("Date").fill("2031-05-06")
    page.get_by_label("Start time").fill("16:00")
    page.get_by_label("End time").fill("15:00")
    page.get_by_role("button", name="Publish event").click()
    expect(page.get_by_role("alert")).to_contain_text("The event must end after it starts")
    expect(page.get_by_label("Title")).to_have_value("Outdoor learning webinar")
    assert_accessible(page)
    page.get_by_label("End time").fill("17:00")
    page.get_by_role("button", name="Publish event").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Outdoor learning webinar")
    page.goto(f"{live_server.url}/events/series/new")
    assert_accessible(page)
    page.goto(f"{live_server.url}/events/attendance")
    expect(page.get_by_role("table").first).to_contain_text("Partnership")
    assert_accessible(page)
