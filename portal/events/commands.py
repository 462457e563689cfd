"""`flask events send-reminders`: run daily (or hourly) by a scheduler such as cron or a systemd timer."""

import os

import click
from flask import current_app

from portal.events.models import local_now
from portal.events.reminders import send_reminders
from portal.extensions import db

events_cli = click.Group("events", help="Events: reminders.")


@events_cli.command("send-reminders")
@click.option(
    "--base-url",
    default=lambda: os.environ.get("PORTAL_URL", "http://127.0.0.1:5000"),
    show_default="$PORTAL_URL or http://127.0.0.1:5000",
    help="The portal's address, for links.",
)
def send_reminders_command(base_url: str) -> None:
    """E-mail everyone booked on an event tomorrow (each person once, however often this runs)."""
    with current_app.test_request_context(base_url=base_url):  # links in the e-mails need an address
        count = send_reminders(local_now(), after_each=db.session.commit)
    db.session.commit()
    click.echo(f"{count} reminders sent.")
