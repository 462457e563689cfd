"""E-mail through an outbox: send_mail writes a row in the caller's transaction; a worker delivers it later.

Nothing here talks to SMTP inside a request: portal.core.outbox delivers (over SMTP, or as .eml files in
instance/outbox in development), with retries, from `flask mail worker` or `flask mail deliver`.
"""

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP

from flask import current_app
from markupsafe import Markup, escape
from sqlalchemy import DateTime, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.core.dates import utcnow
from portal.extensions import db

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
DEFAULT_REASON = "you have an account on the West Partnership Collaborative Learning portal"


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str = "application/octet-stream"


class OutboxMessage(db.Model):
    """One message waiting to be delivered, delivered, or given up on (the admin can retry it)."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    content: Mapped[bytes] = mapped_column(LargeBinary)  # the whole message as sent (RFC 5322 bytes)
    status: Mapped[str] = mapped_column(String(10), default=PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # When a pending message may next be tried; while sending, when the worker's claim lapses.
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


def _render(template_name: str, /, **context) -> str:
    """Render an e-mail template without the page's context processors (no navigation, no signed-in user:
    messages are also built by commands and the worker, outside any request)."""
    return current_app.jinja_env.get_template(template_name).render(**context)


def _paragraphs(body: str) -> Markup:
    """Plain text as HTML paragraphs (for messages given as text only)."""
    blocks = [escape(block).replace("\n", Markup("<br>\n")) for block in body.strip().split("\n\n")]
    return Markup("\n").join(Markup("<p>{}</p>").format(block) for block in blocks)


def build_message(
    to: str,
    subject: str,
    body: str,
    attachments: tuple[Attachment, ...] = (),
    *,
    html: str | None = None,
    reason: str = DEFAULT_REASON,
) -> EmailMessage:
    """A multipart message: the plain text, an HTML alternative (the one layout), then any attachments."""
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_SENDER"]
    msg["To"] = to
    msg["Subject"] = subject
    if html is None:
        html = _render("email/text_only.html", body=_paragraphs(body), subject=subject, reason=reason)
        body = _render("email/text_only.txt", body=body.strip(), reason=reason)
    msg.set_content(body)
    msg.add_alternative(html, subtype="html")
    for item in attachments:
        maintype, subtype = item.mimetype.split("/", 1)
        msg.add_attachment(item.content, maintype=maintype, subtype=subtype, filename=item.filename)
    return msg


def send_mail(
    to: str,
    subject: str,
    body: str,
    attachments: tuple[Attachment, ...] = (),
    *,
    html: str | None = None,
    reason: str = DEFAULT_REASON,
) -> OutboxMessage:
    """Queue one message in the caller's transaction (never commits): it is delivered only if the change
    that caused it is committed, and a failing mail server can neither block nor undo the change."""
    msg = build_message(to, subject, body, attachments, html=html, reason=reason)
    row = OutboxMessage(
        to_address=to,
        subject=subject,
        content=msg.as_bytes(policy=SMTP),
        status=PENDING,
        attempts=0,
        next_attempt_at=utcnow(),
    )
    db.session.add(row)
    return row


def send_template(to: str, template: str, attachments: tuple[Attachment, ...] = (), **context) -> OutboxMessage:
    """Queue the message templates/email/<template>.txt and .html describe (subject in the text's first line).

    Context every message has: `link` (the one thing to open), `link_label`, and `reason` (why the person
    receives it, shown in the footer)."""
    context.setdefault("reason", DEFAULT_REASON)
    text = _render(f"email/{template}.txt", **context)
    subject, _, body = text.partition("\n")
    subject = subject.removeprefix("Subject:").strip()
    html = _render(f"email/{template}.html", subject=subject, **context)
    return send_mail(to, subject, body.lstrip("\n"), attachments, html=html, reason=context["reason"])
