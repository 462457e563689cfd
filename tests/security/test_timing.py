"""Sign-in answers in like time whether or not the account exists (a dummy hash is checked)."""

import time

import pytest

from portal.accounts import services
from portal.core.roles import Role
from portal.extensions import db


def _fastest(email, runs=5):
    best = float("inf")
    for n in range(runs):
        start = time.perf_counter()
        with pytest.raises(services.ServiceError):
            services.authenticate(email, "not the password", f"10.7.0.{n}")  # a fresh address: never throttled
        best = min(best, time.perf_counter() - start)
    return best


def test_unknown_and_inactive_accounts_cost_a_real_password_check(app, make_user):
    known = make_user(Role.PRACTITIONER, email="timed@test.example.org")
    gone = make_user(Role.PRACTITIONER, email="gone@test.example.org")
    with app.test_request_context():
        services.set_password(known, "a long real password here")  # werkzeug's default (scrypt), as in production
        services.set_password(gone, "a long real password here")
        gone.active = False
        db.session.commit()
        services.password_matches(None, "warm the dummy hash")
        real = _fastest("timed@test.example.org")
        for email in ("nobody@test.example.org", "gone@test.example.org"):
            # Without the dummy hash an unknown address answers about a hundred times faster.
            assert _fastest(email) > real * 0.3


# The reset page answers alike for known and unknown addresses: tests/accounts/test_views.py.
