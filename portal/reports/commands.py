"""`flask reports forget`: drop every kept report figure (after changing data with SQL outside the portal)."""

import click

from portal.core.snapshots import forget_all
from portal.extensions import db

reports_cli = click.Group("reports", help="Report figures.")


@reports_cli.command("forget")
def forget_command() -> None:
    """Drop every kept report figure: the next request for each page computes it afresh. Changes made through
    the portal never need this; a change made with SQL outside it does (or waits KEPT_FIGURES_MAX_AGE)."""
    forget_all()
    db.session.commit()
    click.echo("Kept report figures forgotten.")
