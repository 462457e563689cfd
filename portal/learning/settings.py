"""The record's settings: the person's GTCS Professional Update sign-off date, stored once and corrected at
will, so the pack's five-year period is never asked again."""

from datetime import date

from sqlalchemy import select

from portal.core.dates import utcnow
from portal.core.forms import ServiceError
from portal.extensions import db
from portal.learning.models import RecordSettings

# Professional Update began in August 2014, and sign-off comes every five years: a date before the first, or
# more than five years from today, is a typing mistake.
FIRST_SIGNOFF = date(2014, 8, 1)


def latest_allowed(today: date) -> date:
    """Five years from today (29 February falls back to 28 February)."""
    try:
        return today.replace(year=today.year + 5)
    except ValueError:
        return today.replace(year=today.year + 5, day=28)


def signoff_of(user) -> date | None:
    return db.session.scalar(select(RecordSettings.signoff_on).where(RecordSettings.user_id == user.id))


def save_signoff(*, actor, signoff_on: date | None, today: date | None = None) -> RecordSettings:
    """Store, correct or clear (None) the actor's own sign-off date."""
    today = today or date.today()
    if signoff_on is not None and signoff_on < FIRST_SIGNOFF:
        raise ServiceError(("signoff_on", "Professional Update began in August 2014: check the year of the date."))
    if signoff_on is not None and signoff_on > latest_allowed(today):
        raise ServiceError(
            ("signoff_on", "Sign-off comes every five years: give a date no more than five years from today.")
        )
    found = db.session.get(RecordSettings, actor.id)
    if found is None:
        found = RecordSettings(user_id=actor.id)
        db.session.add(found)
    found.signoff_on = signoff_on
    found.updated_at = utcnow()
    db.session.flush()
    return found
