"""The development plan shows its sharers', reviewers' and commenters' names: load_plan reads those people without
their establishments and LAs (User's own joined loads), in the plan's statement and in its lists'."""

import re

import pytest

from portal.core.roles import Role
from portal.extensions import db
from portal.leadership import plans, queries
from tests.leadership.helpers import plan_from, submitted_evaluation
from tests.support.sql import statements


def test_the_plan_reads_its_people_by_name_only(app, make_user):
    leader = make_user(Role.SENIOR_LEADER)
    reader = make_user(Role.KEY_FACILITATOR, name="Fiona Reader")
    plan = plan_from(*submitted_evaluation(leader, {"data": 2, "observation": 3}), leader)
    plans.share_plan(plan, reader.email, actor=leader)
    plans.add_comment(plan, "Looks good", actor=reader)
    db.session.commit()
    plan_id = plan.id
    db.session.expunge_all()
    with statements() as seen:
        plan = queries.load_plan(plan_id)
    assert [s.user.name for s in plan.shares] == ["Fiona Reader"] and plan.comments[0].author.name == "Fiona Reader"
    assert len(seen) == 7 and not [s for s in seen if re.search(r"JOIN (establishment|local_authority)\b", s)]


def test_the_repeat_of_an_evaluation_is_found_by_its_owner_not_by_every_submitted_one(app, make_user):
    """SQLite has no statistics: it read the repeat through the index of `status` (every submitted evaluation in
    the region, 1.4 ms on the scale data) until an index led with the owner and the framework."""
    from datetime import datetime

    from sqlalchemy import select, text

    from portal.leadership.models import SelfEvaluation

    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL plans from its statistics")
    statement = select(SelfEvaluation.id).where(SelfEvaluation.id == queries._repeat_id(1, 1, datetime(2026, 1, 1)))
    compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})
    plan = " ".join(str(row) for row in db.session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "ix_self_evaluation_owner_framework" in plan and "ix_self_evaluation_status" not in plan


def test_the_goals_are_a_list_read_with_their_updates_and_read_again_after_a_commit(app, make_user):
    from portal.enquiries.models import Team
    from portal.leadership.models import GoalUpdate

    leader = make_user(Role.SENIOR_LEADER)
    plan = plan_from(*submitted_evaluation(leader, 3), leader)
    goal = plans.add_goal(plan, what="first", actions="a", success="s", due_on=None, actor=leader)
    team = Team(name="Outdoor Explorers")
    db.session.add(team)
    db.session.flush()
    db.session.add(GoalUpdate(goal_id=goal.id, note="begun", status="in_progress", enquiry_team_id=team.id))
    db.session.commit()
    plan_id = plan.id
    db.session.expunge_all()
    with statements() as seen:
        plan = queries.load_plan(plan_id)
        assert [(u.note, u.team_name) for g in plan.goals for u in g.updates] == [("begun", "Outdoor Explorers")]
    assert len(seen) == 7
    leader = db.session.merge(leader)
    plans.add_goal(plan, what="second", actions="a", success="s", due_on=None, actor=leader)
    db.session.commit()  # expires the plan: its lists are read again with it
    assert [g.what for g in plan.goals] == ["first", "second"]
    assert [u.team_name for u in plan.goals[0].updates] == ["Outdoor Explorers"]


def test_a_goal_added_since_the_plan_was_read_shows_no_updates_without_asking(app, make_user):
    leader = make_user(Role.SENIOR_LEADER)
    plan = queries.load_plan(plan_from(*submitted_evaluation(leader, 3), leader).id)
    plans.add_goal(plan, what="first", actions="a", success="s", due_on=None, actor=leader)
    db.session.flush()
    plan = queries.load_plan(plan.id)  # the same plan, its goals kept as they are in memory
    assert [(g.what, g.updates) for g in plan.goals] == [("first", [])]
