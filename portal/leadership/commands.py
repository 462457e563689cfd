"""`flask leadership prompt-reviews`: run daily by a scheduler (cron or a systemd timer)."""

import click

from portal.core.dates import utcnow
from portal.extensions import db
from portal.leadership.plans import prompt_reviews

leadership_cli = click.Group("leadership", help="Leadership programme: review prompts.")


@leadership_cli.command("prompt-reviews")
def prompt_reviews_command() -> None:
    """E-mail each leader and their reviewers when a plan's midpoint or end-of-year review is due (once each).

    Links in the e-mails use $PORTAL_URL (default http://127.0.0.1:5000).
    """
    count = prompt_reviews(utcnow().date())
    db.session.commit()
    click.echo(f"{count} plans prompted for a review.")
