"""Scale data for the survey: five school years of about 1,700 responses each (the real survey's size),
with invitations for the response rates, all inserted in bulk."""

from datetime import date, timedelta

from sqlalchemy import insert

from portal.core.roles import Role
from portal.extensions import db
from portal.survey import services
from portal.survey.demo import current_school_year
from portal.survey.generate import insert_responses, response_rows
from portal.survey.models import SurveyInvitation
from portal.survey.queries import latest_version

PER_YEAR = 1700


def load_scale(ctx) -> None:
    rng = ctx.rng
    this_year = current_school_year(date.today())
    places = [(ctx.establishment_authority[e], ctx.establishment_sector[e], e) for e in ctx.establishment_ids]
    invited_ids = ctx.user_ids_by_role.get(Role.PRACTITIONER, [])[:2400]
    for k in range(ctx.years):
        year = this_year - ctx.years + k
        survey = services.create_survey(
            school_year=year, opens_on=date(year, 10, 1), closes_on=date(year, 11, 15), actor=None
        )
        version = latest_version(survey)
        version.in_use = True
        insert_responses(
            response_rows(rng, survey, version, PER_YEAR + rng.randint(-100, 100), lift=0.08 * k, places=places)
        )
        rows = [
            {
                "survey_id": survey.id,
                "email": f"scale{uid}.{year}@scale.example.org",
                "establishment_id": ctx.user_establishment.get(uid) or places[n % len(places)][2],
                "version": "staff",
                "invited_on": survey.opens_on,
                "answered_on": survey.opens_on + timedelta(days=n % 30) if n % 3 else None,
            }
            for n, uid in enumerate(invited_ids)
        ]
        for start in range(0, len(rows), 2000):
            db.session.execute(insert(SurveyInvitation), rows[start : start + 2000])
    db.session.flush()
