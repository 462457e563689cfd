"""The attendance report's statements are built once per process (values bound): the page of past events, read as
rows of what the report shows, and the rates of that page's events; a leadership cohort is named without its
facilitator."""

from datetime import date, timedelta

from portal.core.roles import Role
from portal.events import attendance
from portal.events.models import local_now
from portal.events.policies import policy_for
from portal.extensions import db
from portal.leadership.models import LeadershipCohort, ProgrammeYear
from tests.support.sql import statements


def test_the_past_events_are_rows_by_a_listing_built_once(app, make_user, make_event, add_booking):
    held, cancelled = make_event(days=-3, title="Held"), make_event(days=-2, cancelled=True)
    make_event(days=2)
    add_booking(held, make_user(), attended=True)
    attendance._summary_query.cache_clear()
    since = local_now() - timedelta(days=30)
    with app.test_request_context("/events/attendance"):
        page = attendance.past_events(since=since, until=local_now() + timedelta(days=30))
    (row,) = page.items
    assert (row.title, page.total) == ("Held", 1) and set(row._fields) == {"id", "title", "starts_at", "ends_at"}
    assert attendance.attendance_summary(event_ids=[held.id]).per_event[held.id].attended == 1
    assert attendance.attendance_summary(event_ids=[cancelled.id]).per_event == {}
    assert attendance._summary_query.cache_info().misses == 1  # the second page's rates: the same statement


def test_a_leadership_cohort_is_named_without_its_facilitator(app, make_user):
    year = ProgrammeYear(label="2025-26", starts_on=date(2025, 8, 1), ends_on=date(2026, 7, 31))
    db.session.add(year)
    db.session.flush()
    cohort = LeadershipCohort(year_id=year.id, name="Cohort L", facilitator_id=make_user(Role.KEY_FACILITATOR).id)
    db.session.add(cohort)
    db.session.commit()
    cohort_id = cohort.id
    db.session.expunge_all()
    with statements() as seen:
        names = policy_for("leadership_cohort").labels([cohort_id])
    assert names == {cohort_id: "Cohort L (2025-26)"}
    assert len(seen) == 1 and "JOIN user_account" not in seen[0]
