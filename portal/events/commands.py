"""`flask events send-reminders`: run daily (or hourly) by a scheduler such as cron or a systemd timer."""

import click

from portal.events.models import local_now
from portal.events.reminders import send_reminders
from portal.extensions import db

events_cli = click.Group("events", help="Events: reminders.")


@events_cli.command("send-reminders")
def send_reminders_command() -> None:
    """E-mail everyone booked on an event tomorrow (each person once, however often this runs).

    Links in the e-mails use $PORTAL_URL (default http://127.0.0.1:5000).
    """
    count = send_reminders(local_now(), after_each=db.session.commit)
    db.session.commit()
    click.echo(f"{count} reminders sent.")
