"""Bookings follow one plan per programme year, and no save cancels a booking without asking first."""

from datetime import date, timedelta

import pytest

from portal.core.roles import Role
from portal.events.models import BOOKED, CANCELLED
from portal.events.services import booking_of
from portal.extensions import db
from portal.frameworks import services as frameworks
from portal.leadership import plans, programme, sessions
from portal.leadership.models import DevelopmentPlan
from tests.leadership.helpers import plan_from, submitted_evaluation


def _first_day():
    today = date.today()
    return today + timedelta(days=14)


@pytest.fixture
def booked(app, make_user):
    """A confirmed leader whose agreed plan booked modules 2, 3 and 5."""
    admin = make_user(Role.ADMIN)
    facilitator = make_user(Role.KEY_FACILITATOR)
    leader = make_user(Role.SENIOR_LEADER, email="booked@test.example.org")
    first = _first_day()
    year = programme.create_year(
        label="Y", starts_on=first - timedelta(days=30), ends_on=first + timedelta(days=330), actor=admin
    )
    cohort = programme.create_cohort(year, name="A", actor=admin, first_day=first)
    programme.confirm(programme.nominate(cohort, leader.email, actor=admin), actor=admin)
    evaluation, version = submitted_evaluation(leader)
    agreed = plan_from(evaluation, version, leader)
    plans.choose_modules(agreed, ["collaboration", "data", "sharing"], actor=leader)
    plans.share_plan(agreed, facilitator.email, actor=leader)
    plans.agree_plan(agreed, actor=facilitator)
    db.session.commit()
    by_key = {
        e.kind.removeprefix(sessions.MODULE + "-"): e
        for e in sessions.cohort_sessions(cohort)
        if e.kind.startswith(sessions.MODULE)
    }
    return leader, agreed, by_key, evaluation, version


def _another_plan(evaluation, leader):
    return plan_from(evaluation, frameworks.load_version(evaluation.version_id), leader)


def _status(event, leader):
    booking = booking_of(event, leader)
    return booking.status if booking else None


def test_a_second_draft_plan_never_cancels_the_agreed_plans_bookings(booked):
    leader, agreed, by_key, evaluation, version = booked
    draft = _another_plan(evaluation, leader)
    assert draft.id != agreed.id  # a second plan once one is agreed
    plans.choose_modules(draft, ["observation"], actor=leader)
    plans.choose_modules(draft, [], actor=leader)
    db.session.commit()
    assert [_status(by_key[k], leader) for k in ("collaboration", "data", "sharing")] == [BOOKED] * 3
    assert _status(by_key["observation"], leader) is None
    assert plans.booking_plan(leader).id == agreed.id


def test_saving_a_plan_that_does_not_drive_bookings_says_so(booked, client, login):
    leader, agreed, by_key, evaluation, version = booked
    login(leader)
    current = _another_plan(evaluation, leader)
    db.session.commit()
    assert plans.booking_plan(leader).id == agreed.id
    response = client.post(
        f"/leadership/plans/{current.id}/modules", data={"modules": ["collaboration"]}, follow_redirects=True
    )
    assert "do not change your bookings" in response.get_data(as_text=True)


def test_single_current_plan_drives_and_cancelling_needs_confirmation(app, make_user, client, login, mailbox):
    admin = make_user(Role.ADMIN)
    leader = make_user(Role.SENIOR_LEADER, email="single@test.example.org")
    first = _first_day()
    year = programme.create_year(
        label="Y2", starts_on=first - timedelta(days=30), ends_on=first + timedelta(days=330), actor=admin
    )
    cohort = programme.create_cohort(year, name="B", actor=admin, first_day=first)
    programme.confirm(programme.nominate(cohort, leader.email, actor=admin), actor=admin)
    evaluation, version = submitted_evaluation(leader)
    plan = plan_from(evaluation, version, leader)
    db.session.commit()
    module_2 = next(e for e in sessions.cohort_sessions(cohort) if e.kind == sessions.module_kind("collaboration"))
    login(leader)
    url = f"/leadership/plans/{plan.id}/modules"
    page = client.post(url, data={"modules": ["collaboration", "data"]}, follow_redirects=True)
    assert "Booked" in page.get_data(as_text=True)
    assert _status(module_2, leader) == BOOKED
    asked = client.post(url, data={"modules": ["data"]})
    html = asked.get_data(as_text=True)
    assert asked.status_code == 200 and "will be cancelled" in html and module_2.title in html
    db.session.expire_all()
    assert _status(module_2, leader) == BOOKED  # nothing changed yet
    done = client.post(url, data={"modules": ["data"], "confirmed": "yes"}, follow_redirects=True)
    assert "Cancelled" in done.get_data(as_text=True) and module_2.title in done.get_data(as_text=True)
    db.session.expire_all()
    assert _status(module_2, leader) == CANCELLED


def test_make_a_plan_posted_twice_makes_one_plan(app, make_user, client, login):
    leader = make_user(Role.SENIOR_LEADER)
    evaluation, _ = submitted_evaluation(leader)
    db.session.commit()
    login(leader)
    first = client.post(f"/leadership/evaluations/{evaluation.id}/plan")
    second = client.post(f"/leadership/evaluations/{evaluation.id}/plan", follow_redirects=True)
    assert db.session.query(DevelopmentPlan).filter_by(owner_id=leader.id).count() == 1
    assert first.headers["Location"].endswith(second.request.path)
    assert "already" in second.get_data(as_text=True)


def test_a_draft_plan_can_be_deleted_after_confirming(app, make_user, client, login):
    leader = make_user(Role.SENIOR_LEADER)
    evaluation, version = submitted_evaluation(leader)
    plan_id = plan_from(evaluation, version, leader).id
    db.session.commit()
    login(leader)
    confirm = client.post(f"/leadership/plans/{plan_id}/delete")
    assert confirm.status_code == 200 and 'name="confirmed" value="yes"' in confirm.get_data(as_text=True)
    assert db.session.get(DevelopmentPlan, plan_id) is not None
    done = client.post(f"/leadership/plans/{plan_id}/delete", data={"confirmed": "yes"}, follow_redirects=True)
    assert "deleted" in done.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(DevelopmentPlan, plan_id) is None
