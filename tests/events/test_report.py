"""The attendance report shows one school year at a time: this one by default, another on request."""

from datetime import date, datetime

from portal.core.roles import Role
from portal.events import attendance
from portal.events.models import local_now
from portal.extensions import db
from tests.support.sql import statements


def test_school_years_run_august_to_july():
    assert attendance.school_year_of(date(2026, 7, 31)) == 2025
    assert attendance.school_year_of(date(2026, 8, 1)) == 2026
    assert attendance.school_year_bounds(2025) == (datetime(2025, 8, 1), datetime(2026, 8, 1))
    assert attendance.school_year_label(2025) == "2025-26"


def test_report_defaults_to_this_school_year_and_offers_earlier_ones(
    client, login, make_user, make_event, add_booking, htmx_get
):
    this_year = attendance.school_year_of(local_now())
    recent = make_event(days=-(local_now() - datetime(this_year, 8, 1)).days, title="Recent webinar")
    # The first minutes of the school year, so the event is past even on 1 August at breakfast time.
    recent.starts_at = datetime(this_year, 8, 1, 0, 1)
    recent.ends_at = datetime(this_year, 8, 1, 0, 59)
    db.session.commit()
    old = make_event(days=-800, title="An old webinar")
    old_year = attendance.school_year_of(old.starts_at)
    add_booking(recent, make_user(), attended=True)
    add_booking(old, make_user(), attended=False)
    add_booking(old, make_user(), attended=True)
    login(make_user(Role.ADMIN))
    html = client.get("/events/attendance").get_data(as_text=True)
    assert "Recent webinar" in html and "An old webinar" not in html and "100%" in html
    assert f'<option value="{old_year}" >{attendance.school_year_label(old_year)}</option>' in html
    earlier = htmx_get(f"/events/attendance?year={old_year}", "report-results")
    part = earlier.get_data(as_text=True)
    assert part.lstrip().startswith('<div id="report-results"') and "An old webinar" in part and "50%" in part
    assert "Recent webinar" not in part and "HX-Request" in earlier.headers["Vary"]
    # A year with no events, or nonsense, falls back to this school year.
    assert "Recent webinar" in client.get("/events/attendance?year=1900").get_data(as_text=True)


def test_pager_keeps_the_year(app, client, login, make_user, make_event):
    app.config["PAGE_SIZE"] = 2
    events = [make_event(days=-800 - n) for n in range(3)]
    year = attendance.school_year_of(events[0].starts_at)
    login(make_user(Role.ADMIN))
    html = client.get(f"/events/attendance?year={year}").get_data(as_text=True)
    assert f"page=2&amp;year={year}" in html


def test_the_rates_by_context_are_kept_until_attendance_changes(client, login, make_user, make_event, add_booking):
    """The report's rates per programme group a school year of bookings: kept (core/snapshots) and worked out
    again once an attendance is recorded."""
    event = make_event(days=-3, title="Maths moderation")
    person, other = make_user(), make_user()
    add_booking(event, person, attended=True)
    add_booking(event, other, attended=None)
    admin = make_user(Role.ADMIN)
    login(admin)
    before = attendance.labelled_contexts(since=datetime(1900, 1, 1), until=datetime(2999, 1, 1))
    assert [rates.attended for _, rates in before] == [1]
    with statements() as kept_read:
        assert attendance.labelled_contexts(since=datetime(1900, 1, 1), until=datetime(2999, 1, 1)) == before
    assert not any("GROUP BY" in sql for sql in kept_read)  # read as kept, not grouped again
    attendance.record_attendance(event, other, True, actor=admin)
    db.session.commit()
    after = attendance.labelled_contexts(since=datetime(1900, 1, 1), until=datetime(2999, 1, 1))
    assert [rates.attended for _, rates in after] == [2]
    assert "100%" in client.get("/events/attendance").get_data(as_text=True)
