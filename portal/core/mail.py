"""Sending e-mail: over SMTP, or written to instance/outbox as .eml files in development."""

import smtplib
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from flask import current_app


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str = "application/octet-stream"


def build_message(to: str, subject: str, body: str, attachments: tuple[Attachment, ...] = ()) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_SENDER"]
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    for item in attachments:
        maintype, subtype = item.mimetype.split("/", 1)
        msg.add_attachment(item.content, maintype=maintype, subtype=subtype, filename=item.filename)
    return msg


def send_mail(to: str, subject: str, body: str, attachments: tuple[Attachment, ...] = ()) -> None:
    """Send one plain-text message (with optional attachments, e.g. an .ics) through the configured backend."""
    msg = build_message(to, subject, body, attachments)
    config = current_app.config
    if config["MAIL_BACKEND"] == "smtp":
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            smtp.send_message(msg)
    else:
        outbox = Path(config["MAIL_OUTBOX"])
        outbox.mkdir(parents=True, exist_ok=True)
        (outbox / f"{uuid.uuid4().hex}.eml").write_bytes(msg.as_bytes())
