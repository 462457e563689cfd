"""The demo: every demo forum, theme and team has lively topics; the demo practitioner has unread notifications."""

from sqlalchemy import String, cast, func, select

from portal.discussions.models import Topic
from portal.enquiries.models import Theme
from portal.extensions import db
from portal.forums.models import Forum
from portal.notifications.services import unread_count


def test_demo_spaces_are_lively_and_the_practitioner_has_news(app, client, demo):
    ctx = demo
    per_space = dict(
        db.session.execute(
            select(Topic.space_type + ":" + cast(Topic.space_id, String), func.count(Topic.id)).group_by(
                Topic.space_type, Topic.space_id
            )
        ).all()
    )
    forums = db.session.scalars(select(Forum.id)).all()
    themes = db.session.scalars(select(Theme.id).where(Theme.school_year == "2020-21")).all()
    assert all(per_space.get(f"forum:{i}", 0) >= 3 for i in forums), per_space
    assert all(per_space.get(f"theme:{i}", 0) >= 3 for i in themes), per_space
    assert any(key.startswith("team:") for key in per_space)
    practitioner = ctx.users["practitioner"]
    assert unread_count(practitioner) >= 3
    with client.session_transaction() as session:
        session["_user_id"] = str(practitioner.id)
    assert b"wp_bell__count" in client.get("/notifications/bell").data
    assert b"Unread" in client.get("/discussions/new").data
