"""A leadership cohort's timetable: inside its programme year, on school days, at the information pack's times."""

from datetime import date, time, timedelta

import pytest

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.leadership import programme, sessions


def _year(admin, label="T", days=330):
    today = date.today()
    return programme.create_year(label=label, starts_on=today, ends_on=today + timedelta(days=days), actor=admin)


def test_sessions_fall_inside_the_year_on_school_days_at_the_packs_times(app, make_user):
    admin = make_user(Role.ADMIN)
    year = _year(admin)
    cohort = programme.create_cohort(year, name="A", actor=admin, first_day=date.today() + timedelta(days=7))
    found = sessions.cohort_sessions(cohort)
    assert len(found) == 11
    expected = {
        sessions.INTRO: (time(9, 30), time(15, 0)),
        sessions.NETWORK: (time(14, 0), time(15, 30)),
        sessions.SHARING: (time(9, 0), time(12, 0)),
    }
    for event in found:
        day = event.starts_at.date()
        assert year.starts_on <= day <= year.ends_on and sessions.school_day(day) == day
        want = expected.get(event.kind, (time(9, 30), time(12, 0)))  # modules 9.30-12.00
        assert (event.starts_at.time(), event.ends_at.time()) == want, event.title


def test_a_programme_that_would_run_past_the_year_is_refused(app, make_user):
    admin = make_user(Role.ADMIN)
    year = _year(admin, days=120)
    with pytest.raises(ServiceError) as refused:
        programme.create_cohort(year, name="A", actor=admin, first_day=date.today() + timedelta(days=7))
    field, message = refused.value.errors[0]
    assert field == "first_day" and "outside the T programme year" in message


def test_the_admin_moves_a_session_to_a_school_day_of_the_year_but_not_a_saturday(app, client, login, make_user):
    from tests.support.forms import browser_data

    admin = make_user(Role.ADMIN)
    year = _year(admin)
    cohort = programme.create_cohort(year, name="A", actor=admin, first_day=date.today() + timedelta(days=7))
    module = next(e for e in sessions.cohort_sessions(cohort) if e.kind == sessions.module_kind("data"))
    db.session.commit()
    login(admin)
    url = f"/events/{module.id}/edit"
    saturday = module.starts_at.date() + timedelta(days=(5 - module.starts_at.weekday()) % 7 or 7)
    page = client.get(url).get_data(as_text=True)
    refused = client.post(url, data=browser_data(page, url, day=saturday.isoformat()))
    assert refused.status_code == 422 and "is not a school day" in refused.get_data(as_text=True)
    outside = client.post(url, data=browser_data(page, url, day=(year.ends_on + timedelta(days=3)).isoformat()))
    assert outside.status_code == 422 and "outside the T programme year" in outside.get_data(as_text=True)
    monday = saturday + timedelta(days=2)
    moved = client.post(url, data=browser_data(page, url, day=monday.isoformat()))
    assert moved.status_code == 302
    db.session.expire_all()
    assert module.starts_at.date() == monday and module.starts_at.time() == time(9, 30)
