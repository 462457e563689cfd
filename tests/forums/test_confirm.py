"""Removing an agenda item confirms first (a page without JavaScript); the confirmed post removes it."""

from portal.extensions import db
from portal.forums import agenda
from portal.forums.models import AgendaItem


def test_removing_an_item_asks_first(client, login, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    item = agenda.add_item(meeting, world.forum, actor=world.coordinator, title="Outdoor play audit")
    db.session.commit()
    item_id = item.id
    login(world.coordinator)
    url = f"/forums/{world.forum.id}/meetings/{meeting.id}/items/{item.id}/delete"
    page = client.get(f"/forums/{world.forum.id}/meetings/{meeting.id}").text
    assert 'data-confirm="Remove this item from the agenda?"' in page
    asked = client.post(url)
    assert asked.status_code == 200 and "Remove “Outdoor play audit” from the agenda" in asked.text
    assert db.session.get(AgendaItem, item.id) is not None
    assert client.post(url, data={"confirmed": "yes"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(AgendaItem, item_id) is None
