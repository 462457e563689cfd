"""`flask feedback remind`: run daily by a scheduler; e-mails each person marked present at an event that has
ended the link to its feedback form, once."""

import click

from portal.extensions import db
from portal.feedback.services import remind

feedback_cli = click.Group("feedback", help="Event feedback: asking the people who came.")


@feedback_cli.command("remind")
def remind_command() -> None:
    """Ask everyone marked present at an event that ended (feedback still open) for their feedback, each person
    once per event however often this runs. Links in the e-mails use $PORTAL_URL."""
    count = remind()
    db.session.commit()
    click.echo(f"{count} feedback requests sent.")
