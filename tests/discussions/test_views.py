"""Discussion pages: post, reply, refusals keep what was typed, both renderings, the bell, constant queries."""

from datetime import timedelta

from sqlalchemy import insert, select

from portal.core.dates import utcnow
from portal.discussions.models import Post, Topic, TopicRead
from portal.extensions import db
from portal.notifications.models import Notification
from tests.support.sql import statements


def test_a_member_starts_a_topic_and_a_moderator_replies(client, login, space_world, mailbox):
    w = space_world
    login(w.member)
    base = f"/discussions/forum/{w.forum.id}"
    response = client.post(f"{base}/new", data={"title": "Loose parts", "body": "Ideas for **loose parts** play?"})
    assert response.status_code == 302
    topic_url = response.headers["Location"]
    page = client.get(topic_url)
    assert b"<strong>loose parts</strong>" in page.data and b"Mark as resolved" in page.data
    login(w.coordinator)
    refused = client.post(f"{topic_url}/reply", data={"body": ""})
    assert refused.status_code == 422 and b"Write your reply." in refused.data
    done = client.post(f"{topic_url}/reply", data={"body": "Crates and tyres, @[Morag Member]."})
    assert done.status_code == 302 and "#post-" in done.headers["Location"]
    assert mailbox.last_to(w.member.email)["Subject"] == 'Catriona Coord mentioned you in "Loose parts"'
    login(w.member)
    bell = client.get("/notifications/bell", headers={"HX-Request": "true"})
    assert b'<span class="wp_bell__count">1</span>' in bell.data


def test_new_topic_refused_keeps_what_was_typed(client, login, space_world):
    login(space_world.member)
    response = client.post(f"/discussions/forum/{space_world.forum.id}/new", data={"title": "", "body": "Kept text"})
    assert response.status_code == 422
    assert b"Kept text" in response.data and b"Give your topic a title." in response.data


def test_outsiders_are_refused(client, login, space_world):
    login(space_world.outsider)
    assert client.get(f"/discussions/forum/{space_world.forum.id}").status_code == 403
    assert client.get(f"/discussions/theme/{space_world.theme.id}").status_code == 403
    assert client.get("/discussions/forum/999999").status_code == 404
    assert client.get("/discussions/nowhere/1").status_code == 404


def test_topic_list_page_and_fragment(client, login, htmx_get, space_world):
    login(space_world.member)
    url = f"/discussions/forum/{space_world.forum.id}"
    full = client.get(url)
    assert b"<html" in full.data and b'id="topic-list"' in full.data and "HX-Request" in full.headers["Vary"]
    fragment = htmx_get(f"{url}?q=nothing", "topic-list")
    assert b"<html" not in fragment.data and b'0 topics match "nothing"' in fragment.data


def test_delete_asks_first_then_shows_the_reason(client, login, space_world):
    w = space_world
    login(w.member)
    topic_url = client.post(f"/discussions/forum/{w.forum.id}/new", data={"title": "T", "body": "Oops"}).headers[
        "Location"
    ]
    post_id = db.session.scalar(select(Post.id))
    assert b"Delete the post" in client.get(f"/discussions/posts/{post_id}/delete").data
    assert client.post(f"/discussions/posts/{post_id}/delete", data={"reason": ""}).status_code == 422
    assert client.post(f"/discussions/posts/{post_id}/delete", data={"reason": "Wrong forum"}).status_code == 302
    assert b"This post was deleted. Reason: Wrong forum" in client.get(topic_url).data


def _grow(space_world, topics: int, posts_each: int, start: int) -> None:
    """Bulk topics and posts in the forum, and unread notifications for the member."""
    w, now = space_world, utcnow()
    ids = db.session.scalars(
        insert(Topic).returning(Topic.id),
        [
            {
                "space_type": "forum",
                "space_id": w.forum.id,
                "anchor": "",
                "title": f"Grown {start + i}",
                "author_id": w.coordinator.id,
                "created_at": now - timedelta(hours=i),
                "last_post_at": now - timedelta(hours=i),
                "post_count": posts_each,
            }
            for i in range(topics)
        ],
    ).all()
    db.session.execute(
        insert(Post),
        [
            {
                "topic_id": t,
                "author_id": w.coordinator.id,
                "body": "Text",
                "body_html": "<p>Text</p>",
                "file_key": "",
                "filename": "",
                "size": 0,
                "delete_reason": "",
                "created_at": now,
            }
            for t in ids
            for _ in range(posts_each)
        ],
    )
    db.session.execute(insert(TopicRead), [{"user_id": w.member.id, "topic_id": t, "read_at": now} for t in ids[::2]])
    db.session.execute(
        insert(Notification),
        [
            {
                "user_id": w.member.id,
                "kind": "reply",
                "subject": f"N {start + i}",
                "summary": "",
                "url": "/",
                "space_type": "forum",
                "space_id": w.forum.id,
                "space_label": "Forum",
                "email_mode": "off",
                "created_at": now,
            }
            for i in range(topics)
        ],
    )
    db.session.commit()


def _counts(client, space_world) -> dict:
    topic_id = db.session.scalar(select(Topic.id).order_by(Topic.id.desc()))  # the newest: more posts when grown
    pages = {
        "topics": f"/discussions/forum/{space_world.forum.id}",
        "topic": f"/discussions/topics/{topic_id}",
        "search": f"/discussions/forum/{space_world.forum.id}?q=Text",
        "bell": "/notifications/bell",
        "notifications": "/notifications",
        "whats_new": "/discussions/new",
    }
    client.get(pages["topic"])  # the first visit also records the read: count a later one
    counts = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = int(response.headers["X-Query-Count"])
    return counts


def test_query_counts_do_not_grow(client, login, space_world):
    login(space_world.member)
    _grow(space_world, 3, 2, 0)
    small = _counts(client, space_world)
    _grow(space_world, 80, 30, 1000)
    large = _counts(client, space_world)
    assert small == large, (small, large)


def test_a_forum_space_reads_the_persons_standing_once_per_page(client, login, space_world, app):
    login(space_world.coordinator)  # a moderator: the page asks both questions, and the template asks again
    with statements() as seen:
        page = client.get(f"/discussions/forum/{space_world.forum.id}").get_data(as_text=True)
    assert "Reported posts" in page
    assert len([s for s in seen if "FROM forum_membership" in s and "forum_membership.user_id =" in s]) == 1


def test_a_space_loaded_for_one_person_answers_afresh_for_anyone_else(app, space_world):
    from portal.discussions.spaces import load_or_404
    from portal.forums.models import Membership

    with app.test_request_context():
        space = load_or_404("forum", space_world.forum.id, space_world.coordinator)
        assert space.can_moderate(space_world.coordinator) and not space.can_moderate(space_world.member)
        assert not space.can_view(space_world.outsider)
        db.session.add(Membership(forum_id=space_world.forum.id, user_id=space_world.outsider.id))
        db.session.flush()
        assert space.can_view(space_world.outsider)  # not held: asked of the forum's rules again
        assert space_world.forum_space().can_view(space_world.outsider)  # nor on a space found without a person


def test_the_topic_list_names_each_author_or_a_former_member(client, login, space_world):
    login(space_world.member)
    client.post(f"/discussions/forum/{space_world.forum.id}/new", data={"title": "Snack time", "body": "Ideas?"})
    _grow(space_world, 2, 1, 0)  # two topics started by the coordinator
    gone = db.session.scalar(select(Topic).where(Topic.author_id == space_world.coordinator.id).limit(1))
    gone.author_id = None  # the author's account was deleted
    db.session.commit()
    page = client.get(f"/discussions/forum/{space_world.forum.id}").get_data(as_text=True)
    for name in ("Morag Member", "Catriona Coord", "a former member"):
        assert page.count(f"Started by {name} ·") == 1, name
