"""Demo: one message the mail server refused, so the admin's outbox page shows a failure and its retry button."""

from sqlalchemy import select

from portal.core.mail import FAILED, OutboxMessage, send_mail
from portal.extensions import db

DEMO_SUBJECT = "Demo: a message the mail server refused"


def load_demo(ctx) -> None:
    if db.session.scalar(select(OutboxMessage.id).where(OutboxMessage.subject == DEMO_SUBJECT)):
        return
    message = send_mail(
        "nobody@invalid.example",
        DEMO_SUBJECT,
        "This message shows how a failed delivery looks; retry it from the outbox page.",
    )
    message.status, message.attempts = FAILED, 8
    message.last_error = "SMTPRecipientsRefused: {'nobody@invalid.example': (550, b'No such user')}"
    db.session.flush()
