"""`flask privacy purge`: the retention schedule, run by a scheduler (idempotent)."""

import click
from flask.cli import AppGroup

from portal.extensions import db
from portal.privacy import services

privacy_cli = AppGroup("privacy", help="Data rights: the retention schedule.")


@privacy_cli.command("purge")
def purge_command():
    """Remove or anonymise what the retention schedule says is no longer kept."""
    done = services.purge()
    db.session.commit()
    for label, count in done.items():
        click.echo(f"{label}: {count}")
