"""A real SMTP server (aiosmtpd) on loopback that keeps every message it receives."""

import email
import email.policy
import re

from aiosmtpd.controller import Controller
from flask import current_app, has_app_context

from portal.core.outbox import deliver_pending
from portal.extensions import db
from tests.support.postgres import free_port


class Mailbox:
    """What the test SMTP server received. Reading it first runs the portal's outbox (`deliver`, set by the
    app fixtures): the one way tests run the mail queue, as the worker would, never inside a request."""

    def __init__(self):
        self.received: list[email.message.EmailMessage] = []
        self.deliver = lambda: None
        self.refuse = lambda message: False  # a test may make the server refuse some messages (451)

    @property
    def messages(self) -> list:
        self.deliver()
        for message in self.received:
            assert_reads_well(message)
        return self.received

    def clear(self) -> None:
        """Forget what arrived so far (what was queued so far is delivered first, then forgotten too)."""
        self.deliver()
        self.received.clear()

    def reset(self) -> None:
        self.received.clear()
        self.refuse = lambda message: False

    def to(self, address: str) -> list:
        return [m for m in self.messages if address.lower() in m["To"].lower()]

    def last_to(self, address: str):
        found = self.to(address)
        assert found, f"no message to {address}; got {[m['To'] for m in self.messages]}"
        return found[-1]

    @staticmethod
    def body(message) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    @classmethod
    def link(cls, message, contains: str = "") -> str:
        links = re.findall(r"https?://\S+", cls.body(message))
        links = [link for link in links if contains in link]
        assert links, "no link in the message"
        return links[0]


FOOTER = "You receive this message because"


def assert_reads_well(message) -> None:
    """Every message: a plain-text and an HTML part, the footer saying why in both, no remote images, at
    most one button (the one clear link), and the HTML part's link is the text part's first link."""
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None and html is not None, f"{message['Subject']}: needs a plain-text and an HTML part"
    text, html = text.get_content(), html.get_content()
    assert FOOTER in text and FOOTER in html, f"{message['Subject']}: no footer saying why"
    assert "<img" not in html.lower() and "url(" not in html.lower(), f"{message['Subject']}: remote images"
    buttons = re.findall(r'<a href="([^"]+)" style="display:inline-block', html)
    assert len(buttons) <= 1, f"{message['Subject']}: more than one button"
    if buttons:
        assert buttons[0].replace("&amp;", "&") in text, f"{message['Subject']}: the button's link is not in the text"


class _Handler:
    """aiosmtpd's handler (kept apart from Mailbox: aiosmtpd inspects its handler's attributes)."""

    def __init__(self, box: Mailbox):
        self.box = box

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        if self.box.refuse(message):
            return "451 Try again later"
        self.box.received.append(message)
        return "250 Message accepted for delivery"


def outbox_deliverer(app):
    """Deliver `app`'s due outbox messages now, as `flask mail deliver` would. A test that changed data in
    its own session (a service test) has it committed first, as the view would, keeping its objects loaded."""

    def deliver() -> None:
        if has_app_context() and current_app._get_current_object() is app:
            session = db.session()
            session.expire_on_commit = False
            try:
                session.commit()
            finally:
                session.expire_on_commit = True
        with app.app_context():
            deliver_pending()
            db.session.remove()

    return deliver


def start_smtp() -> tuple[Controller, Mailbox]:
    box = Mailbox()
    controller = Controller(_Handler(box), hostname="127.0.0.1", port=free_port(), server_hostname="localhost")
    controller.start()
    return controller, box
