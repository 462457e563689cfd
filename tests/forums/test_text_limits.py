"""The minutes page shows each minute's limit, the server holds it, and a refused save keeps every minute typed."""

from portal.extensions import db
from portal.forums import agenda
from portal.forums.models import AgendaItem


def test_an_over_long_minute_is_refused_with_everything_kept(client, login, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator, days=-7)
    first = agenda.add_item(meeting, world.forum, actor=world.coordinator, title="Outdoor play")
    second = agenda.add_item(meeting, world.forum, actor=world.coordinator, title="Transitions")
    db.session.commit()
    first_id, second_id = first.id, second.id
    login(world.coordinator)
    url = f"/forums/{world.forum.id}/meetings/{meeting.id}/minutes"
    page = client.get(url).text
    assert f'maxlength="{agenda.MAX_MINUTE}"' in page and "Up to 4,000 characters." in page
    long_minute = "Eight settings came. " * 200  # 4,200 characters
    refused = client.post(url, data={f"minute-{first_id}": "Short and kept.", f"minute-{second_id}": long_minute})
    assert refused.status_code == 422
    assert "Keep the minute of “Transitions” to 4,000 characters or fewer." in refused.text
    assert "Short and kept." in refused.text and long_minute.strip() in refused.text
    db.session.expire_all()
    assert db.session.get(AgendaItem, first_id).minutes_text == ""  # nothing saved
    assert client.post(url, data={f"minute-{first_id}": "Short and kept."}).status_code == 302
    db.session.expire_all()
    assert db.session.get(AgendaItem, first_id).minutes_text == "Short and kept."
