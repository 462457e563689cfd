"""Factories that return callables: make_user(role=...), make_establishment(...)."""

import itertools

import pytest
from werkzeug.security import generate_password_hash

from portal.accounts.models import User, UserRole
from portal.core.roles import Role
from portal.extensions import db
from portal.organisations.models import Establishment, LocalAuthority

PASSWORD = "correct horse battery"
# Cheap to compute in tests; production uses werkzeug's scrypt default.
PASSWORD_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
_counter = itertools.count(1)


def authority(slug: str = "glasgow-city") -> LocalAuthority:
    return db.session.query(LocalAuthority).filter_by(slug=slug).one()


@pytest.fixture
def make_establishment(app):
    def make(name=None, authority_slug="glasgow-city", sector="Primary", code=None, roll=200):
        n = next(_counter)
        est = Establishment(
            name=name or f"Test School {n}",
            seed_code=code or str(9000000 + n),
            authority_id=authority(authority_slug).id,
            sector=sector,
            roll=roll,
        )
        db.session.add(est)
        db.session.commit()
        return est

    return make


@pytest.fixture
def make_user(app, make_establishment):
    def make(
        *roles: Role,
        role: Role | None = None,
        email=None,
        name=None,
        establishment=None,
        authority_slug=None,
        password=True,
        promoted=False,
    ):
        roles = set(roles) | ({role} if role else set()) or {Role.PRACTITIONER}
        n = next(_counter)
        if establishment is None and not {Role.ADMIN, Role.RESEARCHER, Role.LA_OFFICER} & roles:
            establishment = make_establishment(authority_slug=authority_slug or "glasgow-city")
        la_id = authority(authority_slug or "glasgow-city").id if Role.LA_OFFICER in roles else None
        user = User(
            name=name or f"Person {n}",
            email=(email or f"person{n}@test.example.org").lower(),
            password_hash=PASSWORD_HASH if password else None,
            establishment=establishment,
            authority_id=la_id,
            promoted=promoted,
            job_title="Teacher",
        )
        user.role_rows = [UserRole(role=str(r)) for r in roles]
        db.session.add(user)
        db.session.commit()
        return user

    return make
