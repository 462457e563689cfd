"""Fixtures for the survey: an open survey, an invitation's token read from the e-mail, answers, responses."""

import email
import re
from datetime import date, timedelta
from email import policy

import pytest
from sqlalchemy import select

from portal.core.mail import OutboxMessage
from portal.extensions import db
from portal.survey import services
from portal.survey.queries import latest_version

TODAY = date.today()


def open_survey(year: int = 2026, *, opens=TODAY - timedelta(days=3), closes=TODAY + timedelta(days=10)):
    survey = services.create_survey(school_year=year, opens_on=opens, closes_on=closes, actor=None)
    db.session.commit()
    return survey


def token_for(address: str) -> str:
    """The single-use token in the latest e-mail to `address` (the way a person gets it)."""
    row = db.session.scalar(
        select(OutboxMessage).where(OutboxMessage.to_address == address).order_by(OutboxMessage.id.desc()).limit(1)
    )
    text = email.message_from_bytes(row.content, policy=policy.default).get_body(("plain",)).get_content()
    return re.search(r"/survey/answer/([A-Za-z0-9_-]+)", text).group(1)


def invite(survey, person_email: str, establishment, version: str = "staff") -> str:
    services.invite(survey, email=person_email, establishment=establishment, version=version, today=TODAY)
    db.session.commit()
    return token_for(person_email)


def answers_for(survey, version: str, value=3) -> dict:
    """Every item of `version` answered `value` (or value(item) when callable)."""
    items = latest_version(survey).items_for(version)
    return {i.key: (value(i) if callable(value) else value) for i in items}


def about(establishment, **overrides) -> dict:
    base = {
        "sector": establishment.sector,
        "role_group": "teacher",
        "years_in_post": "3-5",
        "authority_id": establishment.authority_id,
        "establishment_id": None,
    }
    return base | overrides


def respond(survey, via, establishment, version="staff", value=3, open_answer="", **overrides):
    services.submit(
        survey,
        via=via,
        version=version,
        answers=answers_for(survey, version, value),
        about=about(establishment, **overrides),
        open_answer=open_answer,
        today=TODAY,
    )
    db.session.commit()


@pytest.fixture
def survey(app):
    return open_survey()
