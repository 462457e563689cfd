"""The demo leader finds the record alive: a forum meeting entry, a PRD target linked to their plan goal and
shared with their reviewer, and a stored sign-off date; the goal on the plan shows the target."""

from sqlalchemy import select

from portal.extensions import db
from portal.learning import settings
from portal.learning.models import LearningEntry, PrdTarget


def test_demo_leader_has_prd_target_forum_entry_and_signoff(app, client, demo):
    users = demo.users
    leader = users["leader"]
    target = db.session.scalar(select(PrdTarget).where(PrdTarget.user_id == leader.id))
    assert target is not None and target.goal_id is not None and target.shared_with_id == users["lead"].id
    forum = db.session.scalar(
        select(LearningEntry).where(LearningEntry.user_id == leader.id, LearningEntry.source == "forum_meeting")
    )
    assert forum is not None and forum.kind == "forum" and forum.reflection
    assert settings.signoff_of(leader) is not None
    with client.session_transaction() as session:
        session["_user_id"] = str(leader.id)
    record = client.get("/learning/").get_data(as_text=True)
    assert target.title in record and "Primary Forum: numeracy across the school" in record
    page = client.get(f"/learning/targets/{target.id}").get_data(as_text=True)
    assert "Lead our team to decide how we will measure" in page and "Needs attention" in page
