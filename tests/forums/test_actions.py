"""Actions and the agendas they reach: done actions leave drafts; new ones reach the next agenda, even once out."""

from portal.extensions import db
from portal.forums import agenda
from portal.forums.models import AgendaChange, AgendaItem


def _carried(meeting, action):
    return db.session.query(AgendaItem).filter_by(meeting_id=meeting.id, carried_action_id=action.id).all()


def test_an_action_marked_done_leaves_draft_agendas_and_returns_if_reopened(world, make_meeting):
    past = make_meeting(world.forum, world.coordinator, days=-20)
    upcoming = make_meeting(world.forum, world.coordinator, days=20)
    action = agenda.add_action(past, world.forum, actor=world.coordinator, what="Visit a setting", who="Mo")
    assert len(_carried(upcoming, action)) == 1
    agenda.set_action_done(action, world.forum, True, actor=world.coordinator)
    db.session.commit()
    assert _carried(upcoming, action) == []
    agenda.set_action_done(action, world.forum, False, actor=world.coordinator)
    assert len(_carried(upcoming, action)) == 1


def test_a_new_action_reaches_the_next_agenda_even_once_published_flagged_as_a_change(
    app, world, make_meeting, mailbox
):
    past = make_meeting(world.forum, world.coordinator, days=-20)
    upcoming = make_meeting(world.forum, world.coordinator, days=20)
    later = make_meeting(world.forum, world.coordinator, days=60, formal=False)
    with app.test_request_context():
        agenda.publish(upcoming, world.forum, actor=world.coordinator)
    db.session.commit()
    action = agenda.add_action(past, world.forum, actor=world.coordinator, what="Bring photos", who="Cora")
    db.session.commit()
    assert len(_carried(upcoming, action)) == 1
    changes = [c.summary for c in db.session.query(AgendaChange).filter_by(meeting_id=upcoming.id)]
    assert changes == ["Item added: Carried forward: Bring photos (Cora)"]
    assert len(_carried(upcoming, action)) == 1 and len(_carried(later, action)) == 1  # later drafts as before


def test_a_past_meeting_needs_record_a_past_meeting(world):
    from datetime import time, timedelta

    import pytest

    from portal.core.forms import ServiceError
    from portal.forums.meetings import create_meeting, local_now

    day = (local_now() - timedelta(days=3)).date()
    args = dict(actor=world.coordinator, title="Met", day=day, start=time(16), end=time(17), place="Hall")
    with pytest.raises(ServiceError) as refused:
        create_meeting(world.forum, **args)
    assert refused.value.errors[0][0] == "day" and "Record a past meeting" in refused.value.errors[0][1]
    assert create_meeting(world.forum, **args, record_past=True).id


def test_cancelling_a_published_meeting_asks_then_emails_a_cancelled_calendar_entry(
    app, client, login, world, make_meeting, mailbox
):
    meeting = make_meeting(world.forum, world.coordinator, days=10)
    with app.test_request_context():
        agenda.publish(meeting, world.forum, actor=world.coordinator)
    db.session.commit()
    mailbox.clear()
    login(world.coordinator)
    url = f"/forums/{world.forum.id}/meetings/{meeting.id}/cancel"
    asked = client.post(url)
    assert 'name="confirmed" value="yes"' in asked.get_data(as_text=True)
    done = client.post(url, data={"confirmed": "yes"}, follow_redirects=True)
    assert "The meeting is cancelled. 2 members were e-mailed." in done.get_data(as_text=True)
    message = mailbox.last_to("mo@test.example.org")
    assert message["Subject"].startswith("Cancelled: Forum meeting")
    ics = [p for p in message.iter_attachments() if p.get_filename() == "meeting.ics"][0]
    assert "STATUS:CANCELLED" in ics.get_payload(decode=True).decode()
    db.session.expire_all()
    assert meeting.cancelled
