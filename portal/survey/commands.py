"""`flask survey remind`: run daily by a scheduler; e-mails each non-respondent of an open survey once."""

from datetime import date

import click

from portal.extensions import db
from portal.survey.services import remind

survey_cli = click.Group("survey", help="The Conditions for Change survey: reminders.")


@survey_cli.command("remind")
def remind_command() -> None:
    """Remind everyone invited to an open survey who has not answered (each person once, however often this
    runs). Links in the e-mails use $PORTAL_URL."""
    count = remind(date.today())
    db.session.commit()
    click.echo(f"{count} survey reminders sent.")
