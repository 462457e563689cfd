"""A space's topics and a topic's posts cost little per request: rows of the columns the pages show, read by
statements built once per process, and a forum as a space without its officer's account."""

from portal.discussions import queries, services
from portal.discussions.models import Post, Topic
from portal.extensions import db
from tests.support.sql import statements


def _topic(space_world, title="Outdoor play", body="Mud kitchens are great"):
    topic = services.create_topic(space_world.forum_space(), actor=space_world.member, title=title, body=body)
    db.session.commit()
    return topic


def test_the_pages_read_rows_of_what_they_show(app, space_world):
    topic = _topic(space_world)
    with app.test_request_context():
        topics, _ = queries.topic_page(space_world.forum_space(), space_world.coordinator, 1)
        posts = queries.post_page(topic, 1)
    (listed,), (shown,) = topics.items, posts.items
    assert not isinstance(listed, Topic) and not isinstance(shown, Post)
    assert set(listed._fields) == {"id", "title", "resolved_at", "post_count", "last_post_at", "author_name"}
    assert "body" not in shown._fields and shown.author_name == "Morag Member"  # the Markdown source is not read


def test_the_topic_list_is_built_once_per_database_and_search(client, login, space_world, monkeypatch):
    _topic(space_world)
    _topic(space_world, title="Transitions", body="Visits to the new school")
    login(space_world.coordinator)
    forum = f"/discussions/forum/{space_world.forum.id}"
    assert b"Outdoor play" in client.get(forum).data and b"Outdoor play" in client.get(f"{forum}?q=mud").data
    built = queries._topics_listing.cache_info().misses
    assert b"Transitions" in client.get(f"{forum}?q=school").data  # another search: its words are bound
    page = client.get(f"{forum}?q=mud").get_data(as_text=True)
    assert "Transitions" not in page and '1 topic match "mud"' in page
    assert queries._topics_listing.cache_info().misses == built


def test_a_forum_space_reads_the_forum_without_its_officer(client, login, space_world):
    space_world.forum.officer_id = space_world.admin.id
    _topic(space_world)
    login(space_world.member)
    url = f"/discussions/forum/{space_world.forum.id}"
    with statements() as seen:
        page = client.get(url).get_data(as_text=True)
    assert "Outdoor play" in page
    (forum,) = [s for s in seen if s.startswith("SELECT forum.")]
    assert "user_account" not in forum  # the officer's account, establishment and authority: never shown here
