"""The meeting register: the coordinator records who attended once the meeting has started; each attendee's
learning record then offers the meeting, once (adding it twice keeps one entry), and only to them."""

from sqlalchemy import func, select

from portal.extensions import db
from portal.forums.models import Attendance
from portal.learning.models import LearningEntry


def _register(client, world, meeting, *people):
    return client.post(
        f"/forums/{world.forum.id}/meetings/{meeting.id}/attendance", data={"attended": [p.id for p in people]}
    )


def test_register_to_learning_entry_once(client, login, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator, days=-3, title="Early Years Forum: autumn meeting")
    login(world.coordinator)
    minutes = client.get(f"/forums/{world.forum.id}/meetings/{meeting.id}/minutes").get_data(as_text=True)
    assert "Who attended" in minutes and "Mo Member" in minutes
    saved = _register(client, world, meeting, world.member, world.coordinator)
    assert saved.status_code == 302
    _register(client, world, meeting, world.member, world.coordinator)  # saved again: still one row each
    assert db.session.scalar(select(func.count(Attendance.id))) == 2

    login(world.member)
    record = client.get("/learning/").get_data(as_text=True)
    assert "Forum meeting attended: Early Years Forum: autumn meeting" in record
    url = f"/learning/activities/forum_meeting/{meeting.id}"
    assert client.post(url).status_code == 303
    assert client.post(url).status_code == 303  # twice: one entry
    entries = db.session.scalars(select(LearningEntry).where(LearningEntry.user_id == world.member.id)).all()
    assert [(e.kind, float(e.hours), e.title) for e in entries] == [("forum", 1.5, "Early Years Forum: autumn meeting")]
    assert "Forum meeting attended:" not in client.get("/learning/").get_data(as_text=True)

    login(world.outsider)  # not on the register: nothing offered, nothing added
    assert "Forum meeting attended" not in client.get("/learning/").get_data(as_text=True)
    client.post(url)
    assert db.session.scalar(select(LearningEntry.id).where(LearningEntry.user_id == world.outsider.id)) is None


def test_register_refused_before_the_meeting_for_outsiders_and_for_non_members(client, login, world, make_meeting):
    coming = make_meeting(world.forum, world.coordinator, days=7)
    past = make_meeting(world.forum, world.coordinator, days=-7, formal=False)
    login(world.coordinator)
    early = _register(client, world, coming, world.member)
    assert early.status_code == 422 and "once the meeting has started" in early.get_data(as_text=True)
    stranger = _register(client, world, past, world.outsider)
    assert stranger.status_code == 422 and "is not a valid choice" in stranger.get_data(as_text=True)
    login(world.member)
    assert _register(client, world, past, world.member).status_code == 403
    assert db.session.scalar(select(Attendance.id)) is None


def test_unticking_takes_a_member_off_the_register(client, login, world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator, days=-1)
    login(world.coordinator)
    _register(client, world, meeting, world.member, world.coordinator)
    _register(client, world, meeting, world.coordinator)
    assert set(db.session.scalars(select(Attendance.user_id))) == {world.coordinator.id}
