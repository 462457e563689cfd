"""`flask feedback remind` and `flask feedback remind-evaluation`, run daily by a scheduler: e-mail each person
marked present at an event that has ended the link to its feedback form, once; remind each network member who
has not given the open end-of-year evaluation, once per round."""

import click

from portal.extensions import db
from portal.feedback import evaluation_reminders
from portal.feedback.services import remind

feedback_cli = click.Group("feedback", help="Event feedback: asking the people who came.")


@feedback_cli.command("remind")
def remind_command() -> None:
    """Ask everyone marked present at an event that ended (feedback still open) for their feedback, each person
    once per event however often this runs. Links in the e-mails use $PORTAL_URL."""
    count = remind()
    db.session.commit()
    click.echo(f"{count} feedback requests sent.")


@feedback_cli.command("remind-evaluation")
def remind_evaluation_command() -> None:
    """Remind everyone taking part in a network who has given no evaluation in the open end-of-year round, each
    person once per round however often this runs (the bell, and e-mail as they choose; links use $PORTAL_URL)."""
    count = evaluation_reminders.remind()
    db.session.commit()
    click.echo(f"{count} end-of-year evaluation reminders sent.")
