"""E-mail that reads well: built from templates/email, a plain-text and an HTML part, one link, a footer."""

from portal.accounts import services as accounts
from portal.core.mail import send_mail
from portal.core.roles import Role
from portal.extensions import db
from tests.support.smtp import FOOTER, Mailbox


def test_an_invitation_has_both_parts_one_button_and_says_why(app, make_user, make_establishment, mailbox):
    admin = make_user(Role.ADMIN)
    with app.test_request_context():
        accounts.invite_person(
            actor=admin, name="Nia <Newcomer>", email="nia@test.example.org", establishment=make_establishment()
        )
        db.session.commit()
    message = mailbox.last_to("nia@test.example.org")
    assert message["Subject"] == "You are invited to the West Partnership portal"
    assert message.get_content_type() == "multipart/alternative"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Nia &lt;Newcomer&gt;" in html and "<Newcomer>" not in html  # names are escaped in HTML
    assert ">Set your password</a>" in html
    text = Mailbox.body(message)
    assert "Hello Nia <Newcomer>," in text and "/invitation/" in Mailbox.link(message)
    assert f"{FOOTER} someone at the West Partnership invited this address" in text


def test_a_plain_text_message_gets_the_layout_too(app, mailbox):
    with app.test_request_context():
        send_mail("plain@test.example.org", "Plain", "First <line>\n\nSecond")
        db.session.commit()
    message = mailbox.last_to("plain@test.example.org")
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "<p>First &lt;line&gt;</p>" in html and "<p>Second</p>" in html
    assert FOOTER in Mailbox.body(message)


def test_no_service_builds_message_text_itself():
    """Messages come from templates/email: no product module calls send_mail with a body of its own (demo data
    may queue an illustrative message)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "portal"
    callers = [
        p.relative_to(root).as_posix()
        for p in root.rglob("*.py")
        if "send_mail(" in p.read_text() and p.parent.name not in {"core", "demo"} and p.name != "demo.py"
    ]
    assert callers == []
