"""Forum rules without HTTP: meeting limit, carry-forward, the last coordinator, reordering, publishing."""

from datetime import date, time, timedelta

import pytest

from portal.core.forms import ServiceError
from portal.extensions import db
from portal.forums import agenda, services
from portal.forums.meetings import create_meeting, local_now, update_meeting
from portal.forums.models import AgendaChange, Membership
from portal.forums.rules import school_year
from tests.support.smtp import Mailbox


def _meet(world, day, formal=True):
    return create_meeting(
        world.forum,
        actor=world.coordinator,
        title="Meeting",
        day=day,
        start=time(16),
        end=time(17, 30),
        place="Online hall",
        formal=formal,
    )


def test_a_fourth_formal_meeting_in_a_school_year_is_refused(world):
    year = school_year(local_now()) + 1
    for day in (date(year, 9, 10), date(year + 1, 1, 10), date(year + 1, 5, 10)):
        _meet(world, day)
    with pytest.raises(ServiceError) as refused:
        _meet(world, date(year + 1, 6, 10))
    assert refused.value.errors[0][0] == "formal"
    assert "already has 3 formal meetings" in str(refused.value) and "informal" in str(refused.value)
    assert not _meet(world, date(year + 1, 6, 10), formal=False).formal  # informal meetings are allowed
    assert _meet(world, date(year + 1, 8, 10)).formal  # the next school year starts on 1 August


def test_moving_a_meeting_into_a_full_year_is_refused_too(world):
    year = school_year(local_now()) + 1
    for day in (date(year, 9, 10), date(year + 1, 1, 10), date(year + 1, 5, 10)):
        _meet(world, day)
    other = _meet(world, date(year + 2, 9, 10))
    with pytest.raises(ServiceError):
        update_meeting(
            other,
            world.forum,
            actor=world.coordinator,
            title="Moved",
            day=date(year + 1, 6, 1),
            start=time(16),
            end=time(17),
            place="Hall",
            online_link="",
            formal=True,
        )


def test_meeting_details_are_checked(world):
    day = (local_now() + timedelta(days=5)).date()
    with pytest.raises(ServiceError) as refused:
        create_meeting(world.forum, actor=world.coordinator, title=" ", day=day, start=time(17), end=time(16))
    assert refused.value.errors == [("title", "Enter a title for the meeting.")]
    with pytest.raises(ServiceError) as refused:
        create_meeting(world.forum, actor=world.coordinator, title="M", day=day, start=time(17), end=time(16))
    assert refused.value.errors == [("end", "The meeting must end after it starts.")]
    with pytest.raises(ServiceError) as refused:
        create_meeting(world.forum, actor=world.coordinator, title="M", day=day, start=time(16), end=time(17))
    assert refused.value.errors[0][0] == "place"


def test_only_coordinators_officer_and_admin_plan_meetings(world, make_meeting):
    with pytest.raises(ServiceError):
        make_meeting(world.forum, world.member)
    assert make_meeting(world.forum, world.admin).id


def test_a_new_meeting_starts_with_standing_items_and_open_actions(world, make_meeting):
    past = make_meeting(world.forum, world.coordinator, days=-20)
    agenda.add_action(past, world.forum, actor=world.coordinator, what="Draft the profile", who="Cora")
    done = agenda.add_action(past, world.forum, actor=world.coordinator, what="Share slides")
    agenda.set_action_done(done, world.forum, True, actor=world.coordinator)
    upcoming = make_meeting(world.forum, world.coordinator, days=20)
    titles = [i.title for i in upcoming.items]
    assert titles[:3] == world.forum.standing_list
    assert titles[3] == "Carried forward: Draft the profile (Cora)"
    assert len(titles) == 4  # the done action stays behind


def test_an_action_recorded_later_joins_the_next_draft_agenda_once(world, make_meeting):
    past = make_meeting(world.forum, world.coordinator, days=-20)
    upcoming = make_meeting(world.forum, world.coordinator, days=20)
    action = agenda.add_action(past, world.forum, actor=world.coordinator, what="Visit a setting", who="Mo")
    db.session.refresh(upcoming)
    carried = [i for i in upcoming.items if i.carried_action_id == action.id]
    assert len(carried) == 1 and carried[0].lead == "Mo"
    agenda.add_action(past, world.forum, actor=world.coordinator, what="Another")
    db.session.refresh(upcoming)
    assert len([i for i in upcoming.items if i.carried_action_id == action.id]) == 1


def test_an_action_needs_what(world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator, days=-1)
    with pytest.raises(ServiceError) as refused:
        agenda.add_action(meeting, world.forum, actor=world.coordinator, what="  ")
    assert refused.value.errors == [("what", "Enter what is to be done.")]


def test_the_last_coordinator_cannot_leave_or_step_down(world):
    with pytest.raises(ServiceError) as refused:
        services.leave(world.forum, actor=world.coordinator)
    assert "only coordinator" in str(refused.value) and "Hand over" in str(refused.value)
    with pytest.raises(ServiceError):
        services.set_coordinator(world.forum, world.coordinator.id, False, actor=world.coordinator)
    services.leave(world.forum, actor=world.member)  # members leave freely
    assert services.coordinator_count(world.forum) == 1


def test_hand_over_to_another_member(world):
    services.hand_over(world.forum, world.member.id, actor=world.coordinator)
    rows = {m.user_id: m.coordinator for m in db.session.query(Membership).filter_by(forum_id=world.forum.id)}
    assert rows == {world.coordinator.id: False, world.member.id: True}
    services.leave(world.forum, actor=world.coordinator)  # no longer the last coordinator


def test_a_second_coordinator_lets_the_first_step_down(world):
    services.set_coordinator(world.forum, world.member.id, True, actor=world.coordinator)
    services.set_coordinator(world.forum, world.coordinator.id, False, actor=world.coordinator)
    assert services.coordinator_count(world.forum) == 1
    with pytest.raises(ServiceError):
        services.set_coordinator(world.forum, world.outsider.id, True, actor=world.member)  # not a member


def test_a_specialist_network_has_its_own_coordinator(world):
    network = services.create_network(world.forum, actor=world.coordinator, name="Youth voice", description="")
    assert network.parent_id == world.forum.id and network.kind == "network"
    with pytest.raises(ServiceError):
        services.leave(network, actor=world.coordinator)


def test_reorder_moves_items_and_refuses_a_stale_version(world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    first, second = meeting.items[0], meeting.items[1]
    version = meeting.agenda_version
    agenda.move_item(meeting, world.forum, second.id, "up", version=version, actor=world.coordinator)
    assert [i.id for i in meeting.items][:2] == [second.id, first.id]
    with pytest.raises(ServiceError) as refused:
        agenda.move_item(meeting, world.forum, first.id, "up", version=version, actor=world.coordinator)
    assert "changed since you opened this page" in str(refused.value)
    assert [i.id for i in meeting.items][:2] == [second.id, first.id]  # nothing moved


def test_items_need_a_title_and_non_negative_minutes(world, make_meeting):
    meeting = make_meeting(world.forum, world.coordinator)
    with pytest.raises(ServiceError) as refused:
        agenda.add_item(meeting, world.forum, actor=world.coordinator, title="", allotted_minutes=-5)
    assert [f for f, _ in refused.value.errors] == ["title", "allotted_minutes"]


def test_publishing_emails_every_member_with_a_calendar_file(app, world, make_meeting, mailbox):
    meeting = make_meeting(world.forum, world.coordinator)
    agenda.add_item(meeting, world.forum, actor=world.coordinator, title="Block play", lead="Mo", allotted_minutes=30)
    with app.test_request_context():
        sent = agenda.publish(meeting, world.forum, actor=world.coordinator)
    assert sent == 2
    message = mailbox.last_to("mo@test.example.org")
    assert message["Subject"].startswith("Agenda: Forum meeting")
    assert "Block play (30 min) - led by Mo" in Mailbox.body(message)
    ics = [p for p in message.iter_attachments() if p.get_filename() == "meeting.ics"][0]
    assert "BEGIN:VEVENT" in ics.get_payload(decode=True).decode()


def test_changes_after_publishing_are_logged_and_sent_as_an_update(app, world, make_meeting, mailbox):
    meeting = make_meeting(world.forum, world.coordinator)
    with app.test_request_context():
        agenda.publish(meeting, world.forum, actor=world.coordinator)
    item = meeting.items[0]
    agenda.update_item(
        item,
        meeting,
        world.forum,
        actor=world.coordinator,
        title=item.title,
        lead="Cora",
        allotted_minutes=15,
    )
    agenda.remove_item(meeting.items[1], meeting, world.forum, actor=world.coordinator)
    summaries = [c.summary for c in db.session.query(AgendaChange).filter_by(meeting_id=meeting.id)]
    assert summaries[0] == f"{item.title}: lead now Cora; time 0 to 15 minutes"
    assert summaries[1].startswith("Item removed:")
    assert item.changed_at is not None and len(agenda.unsent_changes(meeting)) == 2
    mailbox.clear()
    with app.test_request_context():
        agenda.publish(meeting, world.forum, actor=world.coordinator)
    body = Mailbox.body(mailbox.last_to("mo@test.example.org"))
    assert "The agenda has changed" in body and "lead now Cora" in body
    assert meeting.sequence == 1 and agenda.unsent_changes(meeting) == []


def test_a_meeting_in_the_past_cannot_be_published(app, world, make_meeting, mailbox):
    meeting = make_meeting(world.forum, world.coordinator, days=-3)
    with app.test_request_context(), pytest.raises(ServiceError) as refused:
        agenda.publish(meeting, world.forum, actor=world.coordinator)
    assert "in the past" in str(refused.value)
    assert meeting.published_at is None and mailbox.messages == []
