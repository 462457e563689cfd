"""`flask notifications digest`: run daily by a scheduler (cron, systemd timer); safe to run again."""

import click

from portal.core.dates import utcnow
from portal.extensions import db
from portal.notifications.digest import send_digests

notifications_cli = click.Group("notifications", help="Notifications: e-mail digests.")


@notifications_cli.command("digest")
@click.option("--weekly/--no-weekly", default=None, help="Send weekly digests now (default: on Mondays).")
def digest_command(weekly: bool | None) -> None:
    """E-mail each person's pending daily (and, on Mondays, weekly) notifications, grouped by space.

    Links in the e-mails use $PORTAL_URL. Each notification is e-mailed once however often this runs.
    """
    count = send_digests(utcnow(), weekly=weekly, after_each=db.session.commit)
    db.session.commit()
    click.echo(f"{count} digests sent.")
