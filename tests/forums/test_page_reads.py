"""What the forum pages read: a meeting with its lists from statements built once (each item's resources in one
statement, in title order), read again after a commit as the eager loads were."""

from portal.extensions import db
from portal.forums import agenda, queries
from portal.forums.models import Forum, Membership, Need, Resource
from tests.support.sql import statements


def _meeting_with_linked_resources(world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    titles = ["Zoned play", "Attachment", "Music"]
    resources = [Resource(forum_id=world.forum.id, title=t, url="https://example.org", tags=",a,") for t in titles]
    db.session.add_all(resources)
    db.session.flush()
    ids = [r.id for r in resources]
    agenda.add_item(meeting, world.forum, actor=world.coordinator, title="Play", resource_ids=ids)
    agenda.add_item(meeting, world.forum, actor=world.coordinator, title="No links")
    agenda.add_action(meeting, world.forum, actor=world.coordinator, what="Write it up")
    db.session.commit()
    return meeting.id


def test_a_meeting_reads_its_items_resources_actions_and_changes(app, world, make_meeting):
    meeting_id = _meeting_with_linked_resources(world, make_meeting)
    forum_id = world.forum.id
    db.session.expunge_all()
    forum = db.session.get(Forum, forum_id)
    with statements() as seen:
        meeting = queries.load_meeting(forum, meeting_id)
        items = {i.title: [r.title for r in i.resources] for i in meeting.items}
        actions, changes = [a.what for a in meeting.actions], list(meeting.changes)
    assert len(seen) == 5  # the meeting, its items, actions and changes, and every item's resources
    assert items["Play"] == ["Attachment", "Music", "Zoned play"] and items["No links"] == []
    assert actions == ["Write it up"] and changes == []
    assert queries.load_meeting(forum, meeting_id + 1000) is None


def test_a_meeting_read_again_after_a_commit_has_its_new_links(app, world, make_meeting):
    meeting_id = _meeting_with_linked_resources(world, make_meeting)
    meeting = queries.load_meeting(world.forum, meeting_id)
    play = next(i for i in meeting.items if i.title == "Play")
    extra = Resource(forum_id=world.forum.id, title="Blocks", url="https://example.org", tags=",a,")
    db.session.add(extra)
    db.session.flush()
    agenda.link_resource(play, meeting, world.forum, extra.id, True, actor=world.coordinator)
    db.session.commit()  # expires the meeting and its items
    again = queries.load_meeting(world.forum, meeting_id)
    assert again is meeting
    play = next(i for i in again.items if i.title == "Play")
    assert [r.title for r in play.resources] == ["Attachment", "Blocks", "Music", "Zoned play"]


def test_the_forum_page_shows_coordinators_needs_and_resources_from_rows(client, login, world, make_meeting):
    forum = world.forum
    db.session.add(Membership(forum_id=forum.id, user_id=world.admin.id, coordinator=True))  # no school
    db.session.add(Need(forum_id=forum.id, title="Outdoor maths", raised_by="Two nurseries", status="accepted"))
    db.session.add(Resource(forum_id=forum.id, title="Loose parts", url="https://example.org/loose", tags=",a,"))
    db.session.add(Resource(forum_id=forum.id, title="Notes", file_key="k1", filename="notes.txt", size=2048))
    db.session.commit()
    make_meeting(forum, world.coordinator, title="Spring meeting")
    make_meeting(forum, world.coordinator, days=-7, formal=False, title="Winter meeting")
    login(world.coordinator)
    with statements() as seen:
        page = client.get(f"/forums/{forum.id}").get_data(as_text=True)
    assert "Coordinators:\n  Ada Admin, Cora Coordinator (Glasgow City)." in page
    assert 'Outdoor maths<br><span class="ds_hint-text">Raised by Two nurseries' in page
    assert '<strong class="ds_tag">Accepted by the coordinator</strong>' in page
    assert 'href="https://example.org/loose" rel="noopener">Loose parts</a>' in page and "(notes.txt, 2 KB)" in page
    assert "Spring meeting</a>," in page and "Draft agenda" in page and "Winter meeting</a>" in page
    records = [s for s in seen if "user_account.email" in s or "forum_need.detail" in s or "event.capacity" in s]
    assert len(records) == 1  # the signed-in person: no records of needs, events or coordinators


def test_the_meetings_list_shows_rows_newest_first(client, login, world, make_meeting, app):
    make_meeting(world.forum, world.coordinator, title="Spring meeting")
    make_meeting(world.forum, world.coordinator, days=-7, formal=False, title="Winter meeting")
    login(world.member)
    with statements() as seen:
        page = client.get(f"/forums/{world.forum.id}/meetings").get_data(as_text=True)
    assert page.index("Spring meeting") < page.index("Winter meeting")
    assert "<td>Informal</td>\n    <td>Draft, held</td>" in page and "<td>Formal</td>\n    <td>Draft</td>" in page
    assert not [s for s in seen if "forum_meeting.online_link" in s]  # rows of what the list shows, not records


def test_the_resource_library_lists_rows_with_their_tags(client, login, world):
    forum = world.forum
    db.session.add(Resource(forum_id=forum.id, title="Loose parts", url="https://example.org/l", tags=",play,outdoor,"))
    db.session.add(Resource(forum_id=forum.id, title="Notes", file_key="k1", filename="notes.txt", size=10, tags=""))
    db.session.commit()
    login(world.coordinator)
    with statements() as seen:
        page = client.get(f"/forums/{forum.id}/resources?tag=play").get_data(as_text=True)
    assert "Loose parts" in page and "Notes" not in page
    assert f'href="/forums/{forum.id}/resources?tag=play">play</a>, <a' in page and "?tag=outdoor" in page
    assert not [s for s in seen if "forum_resource.added_by_id" in s]  # rows of what the list shows
    assert "(notes.txt, 1 KB)" in client.get(f"/forums/{forum.id}/resources?kind=file").get_data(as_text=True)
