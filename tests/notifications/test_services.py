"""The notification service: a test per e-mail mode, unsubscribe tokens, idempotent digests grouped by space."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.notifications import services
from portal.notifications.digest import send_digests
from portal.notifications.models import Notification

MONDAY, TUESDAY = datetime(2026, 11, 30, 7), datetime(2026, 12, 1, 7)


@pytest.fixture
def ctx(app):
    with app.test_request_context():
        yield


def tell(person, kind="reply", subject="Something happened", space=("forum", 1, "Forum: Early Years")):
    made = services.notify([person], kind, subject, "A summary", "/discussions/topics/1", space=space)
    db.session.commit()
    return made


def test_immediately_sends_one_email_with_an_unsubscribe_link(ctx, make_user, mailbox):
    person = make_user(Role.PRACTITIONER)
    [note] = tell(person)
    message = mailbox.last_to(person.email)
    assert message["Subject"] == "Something happened"
    assert "/discussions/topics/1" in mailbox.body(message)
    assert "/notifications/unsubscribe/" in mailbox.link(message, "unsubscribe")
    assert note.email_mode == "immediately" and note.emailed_at is not None and note.read_at is None
    assert services.unread_count(person) == 1


def test_daily_digest_waits_for_the_digest_job(ctx, make_user, mailbox):
    person = make_user(Role.PRACTITIONER)
    services.set_preference(person, "reply", "daily")
    tell(person, subject="First")
    tell(person, subject="Second", space=("theme", 2, "Theme: Outdoor Learning"))
    assert not mailbox.to(person.email)
    assert send_digests(utcnow() + timedelta(seconds=1), weekly=False) == 1
    body = mailbox.body(mailbox.last_to(person.email))
    assert "Forum: Early Years" in body and "Theme: Outdoor Learning" in body  # grouped by space
    assert body.index("First") < body.index("Theme: Outdoor Learning") < body.index("Second")


def test_weekly_digest_only_on_the_weekly_run(ctx, make_user, mailbox):
    person = make_user(Role.PRACTITIONER)
    services.set_preference(person, "reply", "weekly")
    for note in tell(person):
        note.created_at = MONDAY - timedelta(days=2)
    db.session.commit()
    assert send_digests(TUESDAY) == 0 and not mailbox.to(person.email)  # Tuesday: daily only
    assert send_digests(MONDAY) == 1
    assert "weekly digest" in mailbox.last_to(person.email)["Subject"]


def test_off_keeps_it_in_the_portal_only(ctx, make_user, mailbox):
    person = make_user(Role.PRACTITIONER)
    services.set_preference(person, "reply", "off")
    tell(person)
    assert send_digests(utcnow() + timedelta(seconds=1), weekly=True) == 0
    assert not mailbox.to(person.email) and services.unread_count(person) == 1


def test_preferences_are_per_kind(ctx, make_user, mailbox):
    person = make_user(Role.PRACTITIONER)
    services.set_preference(person, "reply", "off")
    tell(person, kind="mention", subject="You were mentioned")
    assert mailbox.last_to(person.email)["Subject"] == "You were mentioned"
    with pytest.raises(ServiceError):
        services.set_preference(person, "reply", "hourly")


def test_digest_is_idempotent(ctx, make_user, mailbox):
    a, b = make_user(Role.PRACTITIONER), make_user(Role.PRACTITIONER)
    for person in (a, b):
        services.set_preference(person, "reply", "daily")
        tell(person)
    now = utcnow() + timedelta(seconds=1)
    assert send_digests(now, weekly=False, after_each=db.session.commit) == 2
    db.session.commit()
    assert send_digests(now, weekly=False) == 0
    assert len(mailbox.to(a.email)) == 1 and len(mailbox.to(b.email)) == 1


def test_unsubscribe_token_switches_off_one_kind_for_one_person(ctx, make_user):
    a, b = make_user(Role.PRACTITIONER), make_user(Role.PRACTITIONER)
    token = services.unsubscribe_token(a, "reply")
    services.unsubscribe(token)
    assert services.preferences(a)["reply"] == "off" and services.preferences(a)["mention"] == "immediately"
    assert services.preferences(b)["reply"] == "immediately"  # the token names a, and only a


def test_unsubscribe_token_cannot_be_changed_to_another_person(ctx, make_user):
    a, b = make_user(Role.PRACTITIONER), make_user(Role.PRACTITIONER)
    token = services.unsubscribe_token(a, "reply")
    payload, signature = token.rsplit(".", 1)[0], token.rsplit(".", 1)[1]
    other = services.unsubscribe_token(b, "reply")
    forged = other.rsplit(".", 2)[0] + "." + token.rsplit(".", 2)[1] + "." + signature  # b's data, a's signature
    with pytest.raises(ServiceError):
        services.unsubscribe(forged)
    with pytest.raises(ServiceError):
        services.unsubscribe(payload + ".x")
    assert services.preferences(b)["reply"] == "immediately"


def test_nobody_is_told_about_their_own_action_and_marking_read(ctx, make_user):
    a, b = make_user(Role.PRACTITIONER), make_user(Role.PRACTITIONER)
    services.notify([a, b, None], "reply", "Hello", actor=a)
    assert db.session.scalars(select(Notification.user_id)).all() == [b.id]
    assert services.mark_read(b) == 1 and services.unread_count(b) == 0


def test_the_digest_command_run_twice_sends_once(app, make_user, mailbox):
    person = make_user(Role.PRACTITIONER)
    with app.test_request_context():
        services.set_preference(person, "reply", "daily")
        services.notify([person], "reply", "Queued for the digest", url="/notifications")
    db.session.commit()
    runner = app.test_cli_runner()
    assert "1 digests sent." in runner.invoke(args=["notifications", "digest", "--no-weekly"]).output
    assert "0 digests sent." in runner.invoke(args=["notifications", "digest", "--no-weekly"]).output
    [message] = mailbox.to(person.email)
    assert "Queued for the digest" in mailbox.body(message) and "/notifications/unsubscribe/" in mailbox.body(message)
