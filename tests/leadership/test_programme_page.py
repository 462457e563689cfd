"""My programme for a leader, and each cohort member's progress for their facilitator and the lead officer."""

from datetime import date, timedelta

from portal.core.roles import Role
from portal.events.services import booking_of
from portal.extensions import db
from portal.leadership import plans, programme, sessions
from portal.leadership.progress import next_steps
from tests.leadership.helpers import plan_from, submitted_evaluation


def _cohort(make_user, facilitator):
    admin = make_user(Role.ADMIN)
    first = date.today() + timedelta(days=14)
    year = programme.create_year(
        label="Y", starts_on=first - timedelta(days=30), ends_on=first + timedelta(days=330), actor=admin
    )
    cohort = programme.create_cohort(year, name="West A", actor=admin, first_day=first)
    cohort.facilitator_id = facilitator.id
    return admin, cohort


def test_next_steps_follow_the_plan():
    assert next_steps(has_leadership=False, has_capacity=False, plan_status=None, to_book=[], reviews=set()) == [
        "Complete your leadership self-evaluation.",
        "Complete the school-capacity self-evaluation, so your plan draws on both.",
    ]
    steps = next_steps(has_leadership=True, has_capacity=True, plan_status="in_progress", to_book=["M1"], reviews=set())
    assert steps == ["Arrange your midpoint review with your reviewer.", "Book a place on: M1."]


def test_my_programme_and_the_facilitators_view_of_progress(app, make_user, client, login):
    facilitator = make_user(Role.KEY_FACILITATOR, email="fac@test.example.org")
    other_facilitator = make_user(Role.KEY_FACILITATOR)
    leader = make_user(Role.SENIOR_LEADER, name="Morag Leader")
    admin, cohort = _cohort(make_user, facilitator)
    programme.confirm(programme.nominate(cohort, leader.email, actor=admin), actor=admin)
    evaluation, version = submitted_evaluation(leader, {"data": 2})
    plan = plan_from(evaluation, version, leader)
    plans.add_goal(plan, what="Use data with staff", actions="a", success="s", due_on=None, actor=leader)
    plans.choose_modules(plan, ["data"], actor=leader)
    intro = sessions.cohort_sessions(cohort)[0]
    booking_of(intro, leader).attended = True
    db.session.commit()
    login(leader)
    page = client.get("/leadership/programme").get_data(as_text=True)
    assert "West A" in page and facilitator.name in page
    assert "Attended" in page and "Module 3: Leading staff in using data" in page
    assert "share your plan with your key facilitator" in page
    assert "Complete the school-capacity self-evaluation" in page
    progress_url = f"/leadership/cohorts/{cohort.id}/progress"
    assert client.get(progress_url).status_code == 403
    fac = login(facilitator, on=client.application.test_client())
    seen = fac.get(progress_url).get_data(as_text=True)
    assert "Morag Leader" in seen and "Draft" in seen and "Not started: 1" in seen
    assert "Use data with staff" not in seen  # the plan is not shared with them: counts only
    plans.share_plan(plan, facilitator.email, actor=leader)
    db.session.commit()
    seen = fac.get(progress_url).get_data(as_text=True)
    assert "Use data with staff: Not started" in seen
    assert login(other_facilitator, on=client.application.test_client()).get(progress_url).status_code == 404
    assert login(admin, on=client.application.test_client()).get(progress_url).status_code == 200
