"""The stored Professional Update sign-off date: checked, corrected, cleared, used by the pack, exported."""

from datetime import date

import pytest

from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from portal.learning import privacy, settings


def test_the_date_is_checked_and_correctable(make_user):
    person = make_user(Role.PRACTITIONER)
    today = date(2026, 11, 30)
    with pytest.raises(ServiceError):
        settings.save_signoff(actor=person, signoff_on=date(2013, 6, 30), today=today)  # before Professional Update
    with pytest.raises(ServiceError):
        settings.save_signoff(actor=person, signoff_on=date(2031, 12, 1), today=today)  # beyond five years
    settings.save_signoff(actor=person, signoff_on=date(2031, 11, 30), today=today)
    settings.save_signoff(actor=person, signoff_on=date(2027, 6, 30), today=today)  # corrected
    db.session.commit()
    assert settings.signoff_of(person) == date(2027, 6, 30)
    assert privacy.export(person)["learning_settings"][0]["signoff_on"] == date(2027, 6, 30)
    settings.save_signoff(actor=person, signoff_on=None, today=today)  # cleared
    assert settings.signoff_of(person) is None
    assert settings.latest_allowed(date(2028, 2, 29)) == date(2033, 2, 28)


def test_settings_page_keeps_what_was_typed_and_saves(client, login, make_user):
    person = make_user(Role.PRACTITIONER)
    login(person)
    refused = client.post("/learning/settings", data={"signoff_on": "2012-06-30"})
    assert refused.status_code == 422
    body = refused.get_data(as_text=True)
    assert "Professional Update began in August 2014" in body and 'value="2012-06-30"' in body
    assert client.post("/learning/settings", data={"signoff_on": "2027-06-30"}).status_code == 303
    assert 'value="2027-06-30"' in client.get("/learning/settings").get_data(as_text=True)
    assert "Record settings (your sign-off date)" in client.get("/learning/").get_data(as_text=True)
    assert "Show the five years to your sign-off date, 30 June 2027" in client.get("/learning/pack").get_data(
        as_text=True
    )
    pack = client.get("/learning/pack?period=signoff").get_data(as_text=True)
    assert "from 1 July 2022 to 30 June 2027" in pack
