"""Demo data for the survey: two closed school years with enough responses for every chart and table (one
small sector shows suppression), and this year's survey open, with the demo practitioner and senior leader
invited by e-mail and an open link for one establishment."""

import random
from datetime import date, timedelta

from sqlalchemy import insert, select

from portal.extensions import db
from portal.survey import services
from portal.survey.generate import insert_responses, response_rows
from portal.survey.models import Survey, SurveyInvitation
from portal.survey.queries import latest_version


def current_school_year(today: date) -> int:
    return today.year if today.month >= 8 else today.year - 1


def _closed(rng, year: int, n: int, lift: float, places, lead) -> None:
    survey = services.create_survey(
        school_year=year, opens_on=date(year, 10, 1), closes_on=date(year, 11, 15), actor=lead
    )
    version = latest_version(survey)
    version.in_use = True
    insert_responses(response_rows(rng, survey, version, n, lift=lift, places=places))
    invited = [
        {
            "survey_id": survey.id,
            "email": f"staff{k}.{year}@demo.example.org",
            "establishment_id": places[k % len(places)][2],
            "version": "staff",
            "invited_on": survey.opens_on,
            "answered_on": survey.opens_on + timedelta(days=k % 20) if k < n else None,
        }
        for k in range(int(n * 1.4))
    ]
    db.session.execute(insert(SurveyInvitation), invited)


def load_demo(ctx) -> None:
    if db.session.scalar(select(Survey.id).limit(1)):
        return  # idempotent
    rng = random.Random(13)
    today = date.today()
    year = current_school_year(today)
    places = [(e.authority_id, e.sector, e.id) for e in ctx.establishments if e.sector != "ASN"]
    asn = [(e.authority_id, e.sector, e.id) for e in ctx.establishments if e.sector == "ASN"]
    places = places * 12 + asn  # special schools few: their sector is suppressed in the demo
    lead = ctx.users["lead"]
    _closed(rng, year - 2, 160, 0.0, places, lead)
    _closed(rng, year - 1, 190, 0.2, places, lead)
    survey = services.create_survey(
        school_year=year, opens_on=today - timedelta(days=7), closes_on=today + timedelta(days=21), actor=lead
    )
    for key, version in (("practitioner", "staff"), ("leader", "slt")):
        person = ctx.users[key]
        services.invite(
            survey,
            email=person.email,
            establishment=person.establishment,
            version=version,
            today=today - timedelta(days=7),
        )
    first = ctx.users["practitioner"].establishment
    services.create_open_link(survey, first, cap=60, actor=lead)
    version = latest_version(survey)
    version.in_use = True
    insert_responses(response_rows(rng, survey, version, 40, lift=0.3, places=places))
    db.session.flush()
