"""Other domains' events reach people through notify(): one message each, in the portal and by e-mail."""

from datetime import timedelta

from sqlalchemy import select

from portal.core.roles import Role
from portal.events import services as events
from portal.events.models import Booking, Event, local_now
from portal.extensions import db
from portal.forums import agenda, library
from portal.forums.meetings import create_meeting
from portal.forums.models import Forum, Membership
from portal.leadership import plans
from portal.notifications.models import Notification
from tests.leadership.helpers import plan_from, submitted_evaluation


def kinds(user) -> list[str]:
    return sorted(db.session.scalars(select(Notification.kind).where(Notification.user_id == user.id)))


def test_a_place_from_the_waiting_list_is_one_message_with_the_calendar_file(app, make_user, mailbox):
    first, waiting = make_user(Role.PRACTITIONER), make_user(Role.PRACTITIONER)
    start = local_now() + timedelta(days=5)
    event = Event(title="Drop-in", kind="drop_in", starts_at=start, ends_at=start + timedelta(hours=1), capacity=1)
    db.session.add(event)
    db.session.flush()
    booked = Booking(event_id=event.id, user_id=first.id, status="booked")
    db.session.add_all([booked, Booking(event_id=event.id, user_id=waiting.id, status="waitlisted")])
    db.session.commit()
    with app.test_request_context():
        events.cancel(booked, actor=first)
    db.session.commit()
    [message] = mailbox.to(waiting.email)
    assert message["Subject"] == "You have a place: Drop-in"
    assert [a.get_filename() for a in message.iter_attachments()] == ["event.ics"]
    assert kinds(waiting) == ["place_offered"]


def test_plan_shared_commented_and_agreed(app, make_user, mailbox):
    leader = make_user(Role.SENIOR_LEADER, promoted=True)
    facilitator = make_user(Role.KEY_FACILITATOR)
    with app.test_request_context():
        evaluation, version = submitted_evaluation(leader)
        plan = plan_from(evaluation, version, leader)
        plans.share_plan(plan, facilitator.email, actor=leader)
        plans.add_comment(plan, "Good priorities.", actor=facilitator)
        plans.agree_plan(plan, actor=facilitator)
    db.session.commit()
    assert kinds(facilitator) == ["plan_shared"]
    assert kinds(leader) == ["comment", "plan_shared"]
    assert "commented on the development plan" in mailbox.to(leader.email)[0]["Subject"]


def test_forum_members_raise_needs_and_hear_of_offers_minutes_and_actions(app, make_user):
    coordinator = make_user(Role.FORUM_COORDINATOR)
    member = make_user(Role.PRACTITIONER, name="Morag Member")
    admin = make_user(Role.ADMIN)
    forum = Forum(name="ASN Forum", slug="asn-forum-wiring", kind="sector", sector="ASN")
    db.session.add(forum)
    db.session.flush()
    db.session.add_all(
        [
            Membership(forum_id=forum.id, user_id=coordinator.id, coordinator=True),
            Membership(forum_id=forum.id, user_id=member.id, coordinator=False),
        ]
    )
    db.session.commit()
    with app.test_request_context():
        need = library.record_need(forum, actor=member, title="Makaton training", raised_by="ignored")
        assert need.raised_by == "Morag Member"
        library.respond_to_need(need, actor=admin, status="offered", offer="Makaton level 1 in March")
        meeting = create_meeting(
            forum,
            actor=coordinator,
            title="Spring meeting",
            day=(local_now() - timedelta(days=2)).date(),
            start=local_now().time().replace(hour=16),
            end=local_now().time().replace(hour=17),
            place="Hall",
            record_past=True,
        )
        item = agenda.add_item(meeting, forum, actor=coordinator, title="Sharing")
        agenda.record_minutes(meeting, forum, {item.id: "We shared."}, actor=coordinator)
        agenda.record_minutes(meeting, forum, {item.id: "We shared a lot."}, actor=coordinator)  # told once
        agenda.add_action(meeting, forum, actor=coordinator, what="Send the slides", who="morag member")
    db.session.commit()
    assert kinds(coordinator) == ["need_raised"]
    assert kinds(member) == ["action_assigned", "minutes_published", "need_offer"]


def test_join_request_and_its_answer(app, make_user):
    from portal.enquiries import teams

    member, asker, admin = make_user(Role.PRACTITIONER), make_user(Role.PRACTITIONER), make_user(Role.ADMIN)
    with app.test_request_context():
        from portal.enquiries.models import Theme

        theme = Theme(school_year="2026-27", title="Racial Equality")
        db.session.add(theme)
        db.session.flush()
        team = teams.create_team(actor=member, theme=theme, name="Equity Team")
        request = teams.request_to_join(team, actor=asker, message="We work on this too.")
        teams.decide_request(request, actor=member, accept=True)
    db.session.commit()
    assert kinds(member) == ["join_request"] and kinds(asker) == ["join_request"]
    assert admin.id not in db.session.scalars(select(Notification.user_id)).all()


def test_forum_members_add_resources_but_outsiders_do_not(app, make_user):
    import pytest

    from portal.core.forms import ServiceError

    member, outsider = make_user(Role.PRACTITIONER), make_user(Role.PRACTITIONER)
    forum = Forum(name="Primary Forum", slug="primary-forum-wiring", kind="sector", sector="Primary")
    db.session.add(forum)
    db.session.flush()
    db.session.add(Membership(forum_id=forum.id, user_id=member.id, coordinator=False))
    db.session.commit()
    resource = library.add_resource(forum, actor=member, title="Loose parts guide", url="https://example.org/guide")
    assert resource.added_by_id == member.id
    with pytest.raises(ServiceError):
        library.add_resource(forum, actor=outsider, title="Spam", url="https://example.org/spam")
