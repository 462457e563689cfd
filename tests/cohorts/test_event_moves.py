"""A network cohort's event moved in the events editor stays moved: the cohort's date follows the event, so the
next cohort save (its form shows the cohort's dates) does not put the event back."""

from datetime import date, datetime

from portal.cohorts import services as cohort_services
from portal.cohorts import sessions as cohort_sessions
from portal.cohorts.models import EVENT_DATES
from portal.core.roles import Role
from portal.events import services as events
from portal.extensions import db

DATES = {"launch_on": date(2031, 9, 3), "matching_on": date(2031, 10, 8), "sharing_on": date(2032, 5, 12)}


def _matching(cohort):
    return next(e for e in cohort_sessions.cohort_events(cohort) if e.kind == "network-matching")


def test_an_event_moved_in_the_editor_survives_the_next_cohort_save(app, make_user):
    admin = make_user(Role.ADMIN)
    cohort = cohort_services.save_cohort(
        None, actor=admin, school_year="2031-32", letter="A", interests="Play\nNumeracy\nWellbeing", dates=DATES
    )
    event = _matching(cohort)
    events.update_event(
        event, actor=admin, starts_at=datetime(2031, 10, 15, 10, 0), ends_at=datetime(2031, 10, 15, 15, 30)
    )
    db.session.commit()
    assert cohort.matching_on == date(2031, 10, 15)  # the cohort's date follows the event

    as_the_form_shows_them = {attr: getattr(cohort, attr) for attr, _ in EVENT_DATES}
    cohort_services.save_cohort(
        cohort,
        actor=admin,
        school_year="2031-32",
        letter="A",
        interests="Play\nNumeracy\nWellbeing\nOutdoor learning",
        dates=as_the_form_shows_them,
    )
    db.session.commit()
    moved = _matching(cohort)
    assert (moved.starts_at, moved.ends_at) == (datetime(2031, 10, 15, 10, 0), datetime(2031, 10, 15, 15, 30))
    assert not moved.cancelled

    # A date changed on the cohort still moves its event, keeping the event's own times.
    cohort_services.save_cohort(
        cohort,
        actor=admin,
        school_year="2031-32",
        letter="A",
        interests="Play\nNumeracy\nWellbeing",
        dates=as_the_form_shows_them | {"matching_on": date(2031, 10, 22)},
    )
    assert _matching(cohort).starts_at == datetime(2031, 10, 22, 10, 0)
