"""Moderators' list of reported posts per space (coordinator, facilitator, lead officer): keep or remove,
every report of the post resolved, the reporters told, the author told of a removal."""

import pytest
from sqlalchemy import select

from portal.core.forms import ServiceError
from portal.discussions import moderation, services
from portal.discussions.models import Post, PostReport
from portal.discussions.spaces import find
from portal.extensions import db
from portal.notifications.models import Notification


def _thread(app, w, space=None, reporters=None):
    space = space or w.forum_space()
    first, second = reporters or (w.coordinator, w.admin)
    with app.test_request_context():
        topic = services.create_topic(space, actor=w.member, title="Outdoor play", body="Our loose parts list")
        spam = services.reply(topic, space, actor=w.member, body="Buy my course at example.com")
        report = services.report_post(spam, topic, space, actor=first, reason="Advertising")
        services.report_post(spam, topic, space, actor=second, reason="Spam")
    db.session.commit()
    return space, topic, spam, report


def _kinds(user):
    return [n.kind for n in db.session.scalars(select(Notification).where(Notification.user_id == user.id))]


def test_removing_resolves_every_report_and_tells_author_and_reporters(app, space_world):
    w = space_world
    space, topic, spam, report = _thread(app, w)
    assert moderation.open_count(space) == 2
    with app.test_request_context():
        moderation.resolve_report(report, spam, topic, space, actor=w.admin, remove=True, reason="Advertising")
    db.session.commit()
    assert spam.deleted_at is not None and spam.body == "" and spam.delete_reason == "Advertising"
    outcomes = db.session.scalars(select(PostReport.outcome).where(PostReport.post_id == spam.id)).all()
    assert outcomes == ["removed", "removed"] and moderation.open_count(space) == 0
    assert "post_moderated" in _kinds(w.member)
    assert "report_outcome" in _kinds(w.coordinator)


def test_keeping_leaves_the_post_and_only_moderators_resolve(app, space_world):
    w = space_world
    space, topic, spam, report = _thread(app, w)
    for actor in (w.member, w.outsider, w.facilitator):  # the facilitator moderates themes, not this forum
        with pytest.raises(ServiceError):
            moderation.resolve_report(report, spam, topic, space, actor=actor, remove=False)
    with app.test_request_context():
        moderation.resolve_report(report, spam, topic, space, actor=w.coordinator, remove=False)
    db.session.commit()
    assert db.session.get(Post, spam.id).deleted_at is None and "post_moderated" not in _kinds(w.member)
    with pytest.raises(ServiceError):
        moderation.resolve_report(report, spam, topic, space, actor=w.coordinator, remove=True, reason="x")


def test_a_facilitator_moderates_a_theme_space(app, space_world):
    w = space_world
    theme_space = find("theme", w.theme.id)
    space, topic, spam, report = _thread(app, w, theme_space, reporters=(w.admin, w.facilitator))
    with app.test_request_context():
        moderation.resolve_report(report, spam, topic, space, actor=w.facilitator, remove=True, reason="Off topic")
    db.session.commit()
    assert spam.deleted_at is not None


def test_the_reports_page_for_moderators_only(app, client, login, space_world):
    w = space_world
    space, topic, spam, report = _thread(app, w)
    url = f"/discussions/forum/{w.forum.id}/reports"
    login(w.member)
    assert client.get(url).status_code == 403
    assert client.get(f"/discussions/reports/{report.id}/remove").status_code == 403
    login(w.coordinator)
    assert b"Reported posts (2 open)" in client.get(f"/discussions/forum/{w.forum.id}").data
    page = client.get(url)
    assert page.status_code == 200 and b"Buy my course" in page.data and b"Advertising" in page.data
    refused = client.post(f"/discussions/reports/{report.id}/remove", data={"reason": ""})
    assert refused.status_code == 422
    done = client.post(f"/discussions/reports/{report.id}/remove", data={"reason": "Advertising is not allowed"})
    assert done.status_code == 303 and done.headers["Location"].endswith(url)
    page = client.get(url)
    assert b"No open reports" in page.data
    assert b"Advertising is not allowed" in client.get(f"/discussions/topics/{topic.id}").data
