"""The demo shows this round's features alive: an account's picture on its public page, a need waiting for
the coordinator's triage (and one merged, one declined), a reported post on the moderators' list, a resolved
comment on a plan shared with a facilitator."""

from sqlalchemy import select

from portal.discussions.models import PostReport
from portal.extensions import db
from portal.forums.models import Forum, Need
from portal.leadership.models import PlanComment
from portal.practice.demo import GARDEN_ALT
from portal.practice.models import PracticeAccount


def test_demo_shows_images_triage_moderation_and_resolved_comments(app, client, login, demo):
    users = demo.users
    account = db.session.scalar(
        select(PracticeAccount).where(PracticeAccount.title == "Loose parts in the nursery garden")
    )
    public = client.get(f"/practice/public/{account.id}").get_data(as_text=True)
    assert f'alt="{GARDEN_ALT}"' in public
    early = db.session.scalar(select(Forum).where(Forum.slug == "early-years-forum"))
    statuses = set(db.session.scalars(select(Need.status).where(Need.forum_id == early.id)))
    assert {"raised", "merged", "declined"} <= statuses
    login(users["coordinator"])
    forum_page = client.get(f"/forums/{early.id}").get_data(as_text=True)
    assert "Triage" in forum_page and "Beyond what the partnership can fund" in forum_page
    assert db.session.scalar(select(PostReport.id))
    reports = client.get(f"/discussions/forum/{early.id}/reports").get_data(as_text=True)
    assert "tracking app" in reports and "Selling a product" in reports
    resolved = db.session.scalars(select(PlanComment).where(PlanComment.resolved_at.is_not(None))).all()
    assert resolved and resolved[0].author_id == users["facilitator"].id
