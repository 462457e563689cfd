"""After an in-place change of the agenda, keyboard focus goes to the item that changed (WCAG 2.4.3): the
fragment marks it with data-focus-after-swap, which static/portal.js focuses; a removal focuses its message."""

from portal.extensions import db
from portal.forums import agenda

HX = {"HX-Request": "true", "HX-Target": "agenda"}


def test_the_moved_or_added_item_takes_focus(client, login, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    first = agenda.add_item(meeting, world.forum, actor=world.coordinator, title="Outdoor play")
    second = agenda.add_item(meeting, world.forum, actor=world.coordinator, title="Transitions")
    db.session.commit()
    second_id, first_id = second.id, first.id
    login(world.coordinator)
    base = f"/forums/{world.forum.id}/meetings/{meeting.id}"
    moved = client.post(
        f"{base}/items/{second_id}/move",
        data={"version": str(meeting.agenda_version), "direction": "up"},
        headers=HX,
    )
    assert moved.status_code == 200
    assert f'<li id="item-{second_id}" class="wp_agenda__item" tabindex="-1" data-focus-after-swap>' in moved.text
    assert f'<li id="item-{first_id}" class="wp_agenda__item">' in moved.text
    removed = client.post(f"{base}/items/{first_id}/delete", data={"confirmed": "yes"}, headers=HX)
    assert "data-focus-after-swap" not in removed.text and "Removed: Outdoor play." in removed.text
