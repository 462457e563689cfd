"""fill_lists: one record's lists read by statements built once, in the relationship's order; a list already in
memory is kept; after a commit the record reads its lists again when it is read (never raising)."""

from sqlalchemy import inspect

from portal.core.lists import fill_lists, list_query
from portal.core.roles import Role
from portal.extensions import db
from portal.leadership import plans, queries
from portal.leadership.models import DevelopmentPlan
from tests.leadership.helpers import plan_from, submitted_evaluation
from tests.support.sql import statements


def _plan_with_requests(make_user, texts):
    leader = make_user(Role.SENIOR_LEADER)
    plan = plan_from(*submitted_evaluation(leader, {"data": 2, "observation": 3}), leader)
    for text in texts:
        plans.request_learning(plan, text, actor=leader)
    db.session.commit()
    return plan.id


def test_each_list_is_one_statement_in_the_relationships_order(app, make_user):
    plan_id = _plan_with_requests(make_user, ["first", "second", "third"])
    db.session.expunge_all()
    plan = db.session.get(DevelopmentPlan, plan_id)
    lists = {"requests": list_query(DevelopmentPlan, "requests"), "comments": list_query(DevelopmentPlan, "comments")}
    with statements() as seen:
        fill_lists(plan, lists)
    assert len(seen) == 2 and "ORDER BY learning_request.id" in seen[0]
    assert [r.text for r in plan.requests] == ["first", "second", "third"] and plan.comments == []


def test_a_list_already_in_memory_keeps_its_changes(app, make_user):
    plan_id = _plan_with_requests(make_user, ["kept"])
    plan = queries.load_plan(plan_id)
    plan.requests.pop()  # changed, not flushed
    with statements() as seen:
        fill_lists(plan, {"requests": list_query(DevelopmentPlan, "requests")})
    assert seen == [] and plan.requests == []


def test_after_a_commit_the_lists_are_read_again_with_the_record(app, make_user):
    plan_id = _plan_with_requests(make_user, ["one"])
    plan = queries.load_plan(plan_id)
    plans.request_learning(plan, "two", actor=plan.owner)
    db.session.commit()  # every attribute expires; the lists are lazy="raise_on_sql"
    assert "requests" in inspect(plan).unloaded
    assert [r.text for r in plan.requests] == ["one", "two"]
