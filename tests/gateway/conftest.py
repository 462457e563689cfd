"""Fixtures for the Gateway tests: people in different LAs with published profiles."""

from types import SimpleNamespace

import pytest

from portal.core.roles import Role
from portal.extensions import db
from portal.gateway import services
from portal.gateway.loading import forget_index
from portal.gateway.vocabulary import interest_key

OUTDOOR, SCIENCES = interest_key("Outdoor Learning"), interest_key("Sciences")


@pytest.fixture(autouse=True)
def fresh_index():
    forget_index()  # a PostgreSQL test database is reused under the same URL
    yield
    forget_index()


@pytest.fixture
def publish():
    def make(
        user, kind="person", hunch="Taking numeracy outdoors for P5", interests=(OUTDOOR,), stages=("second",), **kw
    ):
        profile = services.save_profile(
            actor=user,
            kind=kind,
            hunch=hunch,
            interests=list(interests),
            stages=list(stages),
            mode=kw.pop("mode", "either"),
            frequency=kw.pop("frequency", "monthly"),
            **kw,
        )
        db.session.commit()
        return profile

    return make


@pytest.fixture
def people(app, make_user, make_establishment, publish):
    """Ewan (Glasgow) and Ailsa (Renfrewshire) with profiles; Fraser (Glasgow) without; the lead officer."""
    ewan = make_user(Role.PRACTITIONER, name="Ewan", email="ewan@test.example.org")
    ailsa = make_user(
        Role.PRACTITIONER,
        name="Ailsa",
        email="ailsa@test.example.org",
        establishment=make_establishment(authority_slug="renfrewshire"),
    )
    fraser = make_user(Role.PRACTITIONER, name="Fraser", email="fraser@test.example.org")
    admin = make_user(Role.ADMIN, name="Lead", email="lead@test.example.org")
    return SimpleNamespace(
        ewan=ewan, ailsa=ailsa, fraser=fraser, admin=admin, ewan_profile=publish(ewan), ailsa_profile=publish(ailsa)
    )
