"""Sign-in and password reset answer alike, in like time, whether or not the account exists."""

import time

import pytest

from portal.accounts import services
from portal.core.roles import Role
from portal.extensions import db


def _fastest(email, runs=3):
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
            assert _fastest(email) > real * 0.5


def test_password_reset_page_is_the_same_for_known_and_unknown_addresses(client, make_user, mailbox):
    make_user(Role.PRACTITIONER, email="known@test.example.org")
    pages = []
    for email in ("known@test.example.org", "unknown@test.example.org"):
        response = client.post("/password/forgot", data={"email": email})
        pages.append((response.status_code, response.data.replace(email.encode(), b"EMAIL")))
    assert pages[0] == pages[1]
    assert len(mailbox.messages) == 1
