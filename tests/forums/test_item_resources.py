"""Agenda items link library resources on their own page: searched and paged, so the meeting page's size
does not grow with the library; unlinking from the item's edit form; changes logged once published."""

import pytest

from portal.core.forms import ServiceError
from portal.extensions import db
from portal.forums import agenda
from portal.forums.models import AgendaChange, Forum, Resource


def _library(forum, n, prefix="Resource"):
    resources = [
        Resource(forum_id=forum.id, title=f"{prefix} {k:03}", url="https://example.org", tags=",play,")
        for k in range(n)
    ]
    db.session.add_all(resources)
    db.session.commit()
    return resources


def test_link_and_unlink_log_changes_once_published(app, world, make_meeting, make_forum):
    meeting = make_meeting(world.forum, world.coordinator)
    item = agenda.add_item(meeting, world.forum, actor=world.coordinator, title="Block play")
    (mine,) = _library(world.forum, 1)
    (elsewhere,) = _library(make_forum(name="Other Forum"), 1)
    with app.test_request_context():
        agenda.publish(meeting, world.forum, actor=world.coordinator)
    agenda.link_resource(item, meeting, world.forum, mine.id, True, actor=world.coordinator)
    agenda.link_resource(item, meeting, world.forum, mine.id, True, actor=world.coordinator)  # no change
    assert [r.id for r in item.resources] == [mine.id]
    agenda.link_resource(item, meeting, world.forum, mine.id, False, actor=world.coordinator)
    assert item.resources == []
    summaries = [c.summary for c in db.session.query(AgendaChange).filter_by(item_id=item.id).order_by(AgendaChange.id)]
    assert summaries == ["Block play: linked resource Resource 000", "Block play: unlinked resource Resource 000"]
    with pytest.raises(ServiceError):
        agenda.link_resource(item, meeting, world.forum, elsewhere.id, True, actor=world.coordinator)
    with pytest.raises(ServiceError):
        agenda.link_resource(item, meeting, world.forum, mine.id, True, actor=world.member)


def test_the_item_resources_page_searches_pages_and_links(app, client, login, world, make_meeting, htmx_get):
    app.config["PAGE_SIZE"] = 5
    meeting = make_meeting(world.forum, world.coordinator)
    item = agenda.add_item(meeting, world.forum, actor=world.coordinator, title="Block play")
    db.session.commit()
    resources = _library(world.forum, 12) + _library(world.forum, 1, "Loose parts")
    login(world.coordinator)
    url = f"/forums/{world.forum.id}/meetings/{meeting.id}/items/{item.id}/resources"
    page = client.get(url).get_data(as_text=True)
    assert "13 resources found" in page and "Page 1 of 3" in page and "No resources linked yet." in page
    found = htmx_get(f"{url}?q=loose", "item-resource-results")
    assert found.get_data(as_text=True).lstrip().startswith('<div id="item-resource-results"')
    assert "1 resource found" in found.get_data(as_text=True)
    response = client.post(f"{url}/{resources[-1].id}", data={"link": "1", "q": "loose"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{url}?q=loose")
    page = client.get(f"{url}?q=loose").get_data(as_text=True)
    assert "Linked: Loose parts" in page and "Unlink<span" in page
    assert [r.title for r in db.session.get(type(item), item.id).resources] == ["Loose parts 000"]


def test_meeting_page_size_does_not_grow_with_the_library(client, login, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    item = agenda.add_item(meeting, world.forum, actor=world.coordinator, title="Block play")
    first, *_ = _library(world.forum, 2)
    agenda.link_resource(item, meeting, world.forum, first.id, True, actor=world.coordinator)
    db.session.commit()
    login(world.coordinator)
    urls = [
        f"/forums/{world.forum.id}/meetings/{meeting.id}",
        f"/forums/{world.forum.id}/meetings/{meeting.id}/items/{item.id}/edit",
        f"/forums/{world.forum.id}/meetings/{meeting.id}/items/{item.id}/resources",
    ]

    def measure():
        responses = [client.get(u) for u in urls]
        return [(len(r.data), r.headers["X-Query-Count"]) for r in responses]

    small = measure()
    _library(world.forum, 40, "Later")
    large = measure()
    assert [s for s, _ in small[:2]] == [s for s, _ in large[:2]]  # same bytes: the library is not listed
    assert [q for _, q in small] == [q for _, q in large]
    edit = client.get(urls[1]).get_data(as_text=True)
    assert "Resource 000" in edit and "Later 000" not in edit  # only the linked resource, to untick


def test_parent_forum_resources_can_be_linked_from_a_network(app, world, make_meeting, make_forum):
    network = make_forum(name="Outdoor Network", coordinators=[world.coordinator], parent=world.forum)
    meeting = make_meeting(network, world.coordinator)
    item = agenda.add_item(meeting, network, actor=world.coordinator, title="Mud kitchens")
    (parents,) = _library(world.forum, 1)
    agenda.link_resource(item, meeting, db.session.get(Forum, network.id), parents.id, True, actor=world.coordinator)
    assert [r.id for r in item.resources] == [parents.id]
