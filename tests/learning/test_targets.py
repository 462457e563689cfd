"""PRD targets: linked by their owner to one of their own plan goals, shown on both sides (the target shows the
goal and its progress, the goal shows the target), seen by the reviewer they are shared with, corrected with
history, in the pack, the export and erasure."""

from datetime import date

import pytest
from sqlalchemy import select

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.leadership import plans, queries
from portal.learning import privacy, targets
from portal.learning.models import PrdTarget, PrdTargetRevision
from tests.leadership.helpers import plan_from, submitted_evaluation
from tests.learning.conftest import own_target

GOAL = "Lead our team to decide how we will measure the impact of our numeracy enquiry."


def _plan_with_goal(leader, facilitator):
    evaluation, version = submitted_evaluation(leader)
    plan = plan_from(evaluation, version, leader)
    goal = plans.add_goal(
        plan, what=GOAL, actions="Module 3.", success="Everyone names our measures.", due_on=None, actor=leader
    )
    plans.share_plan(plan, facilitator.email, actor=leader)
    plans.agree_plan(plan, actor=facilitator)
    db.session.commit()
    plan = queries.load_plan(plan.id)
    plans.record_progress(plan, goal.id, note="Three measures agreed.", status="on_track", actor=leader)
    db.session.commit()
    return plan, goal


def test_only_the_owner_links_and_only_to_their_own_goals(make_user):
    leader, other, facilitator = (
        make_user(Role.SENIOR_LEADER),
        make_user(Role.SENIOR_LEADER),
        make_user(Role.KEY_FACILITATOR),
    )
    _, goal = _plan_with_goal(leader, facilitator)
    target = own_target(leader, goal_id=goal.id)
    assert target.goal_id == goal.id
    with pytest.raises(ServiceError) as refused:
        own_target(other, goal_id=goal.id)  # someone else's goal
    assert refused.value.errors[0][0] == "goal"
    with pytest.raises(ServiceError):
        targets.save_target(
            target, actor=other, title="Taken over", description="", year=target.school_year, goal_id=None
        )
    with pytest.raises(ServiceError) as bad_year:
        targets.save_target(None, actor=leader, title="Old", description="", year=1999, goal_id=None)
    assert bad_year.value.errors[0][0] == "year"


def test_corrections_keep_the_earlier_wording(make_user):
    leader, facilitator = make_user(Role.SENIOR_LEADER), make_user(Role.KEY_FACILITATOR)
    _, goal = _plan_with_goal(leader, facilitator)
    target = own_target(leader)
    targets.save_target(
        target, actor=leader, title="Coach two colleagues", description="", year=target.school_year, goal_id=goal.id
    )
    db.session.commit()
    history = targets.revisions(target)
    assert len(history) == 1 and history[0][1]["title"] == "Use coaching questions in team meetings"
    assert history[0][1]["goal_id"] is None and target.goal_id == goal.id


def test_the_link_shows_on_both_sides_to_the_owner_and_the_reviewer_only(client, login, make_user):
    leader, facilitator = make_user(Role.SENIOR_LEADER), make_user(Role.KEY_FACILITATOR)
    reviewer, stranger = make_user(Role.SENIOR_LEADER), make_user(Role.SENIOR_LEADER)
    plan, goal = _plan_with_goal(leader, facilitator)
    login(leader)
    new = client.get(f"/learning/targets/new?goal={goal.id}").get_data(as_text=True)
    assert f'<option selected value="{goal.id}">' in new  # offered from the goal, already chosen
    year = targets.year_choices(date.today())[1][0]
    saved = client.post(
        "/learning/targets/new",
        data={
            "title": "Use data to plan next steps with my team",
            "description": "Measures chosen before every change.",
            "year": year,
            "goal": goal.id,
            "reviewer_email": reviewer.email,
        },
    )
    assert saved.status_code == 303
    target = db.session.scalar(select(PrdTarget).where(PrdTarget.user_id == leader.id))
    page = client.get(f"/learning/targets/{target.id}").get_data(as_text=True)
    assert GOAL in page and "progress: On track, 1 update" in page
    assert "Use data to plan next steps with my team" in client.get("/learning/").get_data(as_text=True)
    plan_page = client.get(f"/leadership/plans/{plan.id}").get_data(as_text=True)
    assert "Use data to plan next steps with my team" in plan_page and "Link a Professional Review" in plan_page

    login(reviewer)  # the PRD reviewer sees the target, the goal and its progress (not the plan)
    shared = client.get("/learning/shared").get_data(as_text=True)
    assert "Use data to plan next steps with my team" in shared and leader.name in shared and GOAL in shared
    page = client.get(f"/learning/targets/{target.id}").get_data(as_text=True)
    assert GOAL in page and "On track" in page
    assert client.get(f"/learning/targets/{target.id}/edit").status_code == 403

    login(facilitator)  # sees the plan, but the target was not shared with them
    assert "Use data to plan next steps" not in client.get(f"/leadership/plans/{plan.id}").get_data(as_text=True)
    login(stranger)
    assert client.get(f"/learning/targets/{target.id}").status_code == 403
    refused = client.post(f"/learning/targets/{target.id}/edit", data={"title": "Mine now", "year": year, "goal": 0})
    assert refused.status_code == 403


def test_a_refused_target_keeps_what_was_typed(client, login, make_user):
    leader, other, facilitator = (
        make_user(Role.SENIOR_LEADER),
        make_user(Role.SENIOR_LEADER),
        make_user(Role.KEY_FACILITATOR),
    )
    _, goal = _plan_with_goal(other, facilitator)
    login(leader)
    year = targets.year_choices(date.today())[1][0]
    refused = client.post(
        "/learning/targets/new",
        data={"title": "Lead reading", "description": "Typed text", "year": year, "goal": goal.id},
    )
    assert refused.status_code == 422
    body = refused.get_data(as_text=True)
    assert "Not a valid choice" in body and 'value="Lead reading"' in body and "Typed text" in body
    assert db.session.scalar(select(PrdTarget.id)) is None


def test_pack_export_and_erasure_hold_the_targets(client, login, make_user):
    leader, facilitator = make_user(Role.SENIOR_LEADER), make_user(Role.KEY_FACILITATOR)
    _, goal = _plan_with_goal(leader, facilitator)
    target = own_target(leader, goal_id=goal.id)
    targets.save_target(
        target, actor=leader, title="Corrected", description="", year=target.school_year, goal_id=goal.id
    )
    db.session.commit()
    login(leader)
    pack = client.get("/learning/pack").get_data(as_text=True)
    assert "Professional Review and Development targets" in pack and "Corrected" in pack and GOAL in pack
    exported = privacy.export(leader)
    assert [t["title"] for t in exported["prd_targets"]] == ["Corrected"]
    assert len(exported["prd_target_revisions"]) == 1
    privacy.erase(leader)
    db.session.commit()
    assert db.session.scalar(select(PrdTarget.id)) is None and db.session.scalar(select(PrdTargetRevision.id)) is None
