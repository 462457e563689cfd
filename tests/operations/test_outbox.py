"""The mail outbox: queued in the change's transaction, delivered once by workers, retried, shown to the admin."""

import threading
from datetime import timedelta

from flask import url_for
from sqlalchemy import func, select

from portal.core.dates import utcnow
from portal.core.mail import FAILED, PENDING, SENDING, SENT, OutboxMessage, send_mail
from portal.core.outbox import deliver_pending
from portal.core.roles import Role
from portal.extensions import db
from portal.forums import agenda
from portal.forums.models import Membership
from tests.forums.conftest import make_forum, make_meeting, world  # noqa: F401  (fixtures)
from tests.support.postgres import free_port


def _statuses() -> dict:
    return dict(db.session.execute(select(OutboxMessage.to_address, OutboxMessage.status)).all())


def test_a_message_is_only_sent_if_its_change_is_committed(app, mailbox):
    with app.test_request_context():
        send_mail("kept@test.example.org", "Kept", "Hello")
        db.session.commit()
        send_mail("dropped@test.example.org", "Dropped", "Hello")
        db.session.rollback()
    assert [m["To"] for m in mailbox.messages] == ["kept@test.example.org"]


def test_a_request_never_talks_to_smtp(app, client, make_user, mailbox):
    make_user(Role.PRACTITIONER, email="real@test.example.org")
    app.config["MAIL_PORT"] = free_port()  # nothing listens: SMTP is down
    response = client.post("/password/forgot", data={"email": "real@test.example.org"})
    assert response.status_code == 200  # the person is told, although the mail server is down
    assert _statuses() == {"real@test.example.org": PENDING}


def test_smtp_down_during_a_publish_then_up_every_message_arrives_exactly_once(
    app,
    world,
    make_meeting,
    make_user,
    mailbox,
):
    for n in range(3):
        person = make_user(Role.PRACTITIONER, email=f"extra{n}@test.example.org")
        db.session.add(Membership(forum_id=world.forum.id, user_id=person.id, coordinator=False))
    db.session.commit()
    meeting = make_meeting(world.forum, world.coordinator)
    with app.test_request_context():
        sent = agenda.publish(meeting, world.forum, actor=world.coordinator)
        db.session.commit()
    addresses = set(_statuses())
    assert len(addresses) == sent >= 2
    # The server accepts the first message, then refuses (451) everything: it went down half way.
    accepted = []
    mailbox.refuse = lambda message: bool(accepted) or accepted.append(message["To"])
    now = utcnow()
    assert deliver_pending(now) == (1, sent - 1)
    # Now it is down altogether (nothing listens); nothing is due before the back-off has passed.
    port, app.config["MAIL_PORT"] = app.config["MAIL_PORT"], free_port()
    assert deliver_pending(now) == (0, 0)
    assert deliver_pending(now + timedelta(minutes=5)) == (0, sent - 1)
    # Up again: every message arrives, each exactly once, and nothing more is sent later.
    app.config["MAIL_PORT"] = port
    mailbox.refuse = lambda message: False
    assert deliver_pending(now + timedelta(hours=2)) == (sent - 1, 0)
    assert deliver_pending(now + timedelta(days=2)) == (0, 0)
    received = sorted(m["To"] for m in mailbox.received)
    assert received == sorted(addresses)
    assert set(_statuses().values()) == {SENT}


def test_failures_back_off_then_wait_for_the_admin_who_can_retry(app, client, login, make_user, mailbox):
    admin = make_user(Role.ADMIN)
    app.config.update(MAIL_PORT=free_port(), MAIL_MAX_ATTEMPTS=3, MAIL_RETRY_SECONDS=60)
    with app.test_request_context():
        message = send_mail("stuck@test.example.org", "Stuck", "Hello")
        db.session.commit()
    now = utcnow()
    assert deliver_pending(now) == (0, 1)
    db.session.refresh(message)
    assert message.status == PENDING and message.attempts == 1
    assert message.next_attempt_at >= now + timedelta(seconds=60)
    assert deliver_pending(now + timedelta(seconds=61)) == (0, 1)
    db.session.refresh(message)
    assert message.next_attempt_at >= now + timedelta(seconds=61 + 120)  # doubled
    assert deliver_pending(now + timedelta(hours=1)) == (0, 1)
    db.session.refresh(message)
    assert message.status == FAILED and "Error" in message.last_error
    assert deliver_pending(now + timedelta(days=9)) == (0, 0)  # given up: only the admin retries

    login(admin)
    page = client.get("/admin/mail")
    assert page.status_code == 200 and b"stuck@test.example.org" in page.data and b"Retry" in page.data
    response = client.post(f"/admin/mail/{message.id}/retry")
    assert response.status_code == 303
    db.session.refresh(message)
    assert message.status == PENDING and message.attempts == 0


def test_a_retried_message_is_delivered_and_a_sent_one_cannot_be_retried(app, client, login, make_user, mailbox):
    admin = make_user(Role.ADMIN)
    with app.test_request_context():
        message = send_mail("late@test.example.org", "Late", "Hello")
        message.status, message.attempts, message.last_error = FAILED, 8, "OSError: down"
        db.session.commit()
    login(admin)
    assert client.post(f"/admin/mail/{message.id}/retry").status_code == 303
    assert len(mailbox.to("late@test.example.org")) == 1
    client.post(f"/admin/mail/{message.id}/retry")
    page = client.get("/admin/mail")
    assert b"already been sent" in page.data
    assert len(mailbox.to("late@test.example.org")) == 1


def test_a_lapsed_claim_is_tried_again(app, mailbox):
    with app.test_request_context():
        message = send_mail("orphan@test.example.org", "Orphan", "Hello")
        db.session.commit()
    message.status, message.next_attempt_at = SENDING, utcnow() + timedelta(minutes=5)  # a worker died
    db.session.commit()
    assert deliver_pending() == (0, 0)
    assert deliver_pending(utcnow() + timedelta(minutes=6)) == (1, 0)
    assert [m["To"] for m in mailbox.received] == ["orphan@test.example.org"]


def test_two_workers_send_each_message_once(app, mailbox):
    with app.test_request_context():
        for n in range(12):
            send_mail(f"p{n}@test.example.org", f"Message {n}", "Hello")
        db.session.commit()
    results = []

    def worker():
        with app.app_context():
            results.append(deliver_pending())
            db.session.remove()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sum(sent for sent, _ in results) == 12
    assert sorted(m["To"] for m in mailbox.received) == sorted(f"p{n}@test.example.org" for n in range(12))
    assert db.session.scalar(select(func.count()).where(OutboxMessage.status == SENT)) == 12


def test_the_file_backend_writes_eml_files_and_the_command_delivers(app, tmp_path):
    app.config.update(MAIL_BACKEND="file", MAIL_OUTBOX=str(tmp_path / "box"))
    with app.test_request_context():
        send_mail("file@test.example.org", "Filed", "Hello")
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["mail", "deliver"])
    assert "1 sent, 0 failed" in result.output
    files = list((tmp_path / "box").glob("*.eml"))
    assert len(files) == 1 and b"Subject: Filed" in files[0].read_bytes()


def test_admin_page_counts_and_is_for_admins_only(app, client, login, make_user):
    login(make_user(Role.PRACTITIONER))
    assert client.get("/admin/mail").status_code == 403
    with app.test_request_context():
        assert url_for("operations.mail_outbox") == "/admin/mail"
