"""Comments on a development plan shared with a facilitator resolve: the plan's author or the comment's author
marks them resolved (or open again); resolving someone else's comment tells them."""

import pytest
from sqlalchemy import select

from portal.core.roles import Role
from portal.extensions import db
from portal.leadership import plans
from portal.notifications.models import Notification
from tests.leadership.helpers import plan_from, submitted_evaluation


@pytest.fixture
def shared(app, make_user):
    leader = make_user(Role.SENIOR_LEADER, name="Lena Leader")
    facilitator = make_user(Role.KEY_FACILITATOR, name="Fay Facilitator")
    outsider = make_user(Role.KEY_FACILITATOR, name="Otto Other")
    evaluation, version = submitted_evaluation(leader, {"data": 2, "observation": 3})
    plan = plan_from(evaluation, version, leader)
    with app.test_request_context():
        plans.share_plan(plan, facilitator.email, actor=leader)
        comment = plans.add_comment(plan, "Could the data goal name a measure?", actor=facilitator)
    db.session.commit()
    return plan, comment, leader, facilitator, outsider


def test_the_plans_author_resolves_and_the_facilitator_is_told(app, shared):
    plan, comment, leader, facilitator, _ = shared
    with app.test_request_context():
        plans.toggle_comment(plan, comment.id, actor=leader)
    db.session.commit()
    assert comment.resolved_at is not None and comment.resolved_by_id == leader.id
    kinds = db.session.scalars(select(Notification.kind).where(Notification.user_id == facilitator.id)).all()
    assert "comment_resolved" in kinds
    plans.toggle_comment(plan, comment.id, actor=facilitator)  # the comment's author reopens it
    assert comment.resolved_at is None


def test_nobody_else_resolves(app, shared):
    plan, comment, _, _, outsider = shared
    with pytest.raises(PermissionError):
        plans.toggle_comment(plan, comment.id, actor=outsider)
    with pytest.raises(LookupError):
        plans.toggle_comment(plan, 999999, actor=shared[2])


def test_the_plan_page_resolves_without_javascript(app, client, login, shared):
    plan, comment, leader, facilitator, outsider = shared
    login(facilitator)
    page = client.get(f"/leadership/plans/{plan.id}").get_data(as_text=True)
    assert "Mark resolved" in page
    response = client.post(f"/leadership/plans/{plan.id}/comments/{comment.id}/resolve")
    assert response.status_code == 302
    page = client.get(f"/leadership/plans/{plan.id}").get_data(as_text=True)
    assert "Resolved" in page and "Reopen" in page
    assert "Mark resolved" not in client.get(f"/leadership/plans/{plan.id}/print").get_data(as_text=True)
    login(outsider)
    assert client.post(f"/leadership/plans/{plan.id}/comments/{comment.id}/resolve").status_code == 404
