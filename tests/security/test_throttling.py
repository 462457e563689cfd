"""Sign-in throttling: delays per account-and-address and per address, never a lock-out of the owner."""

from datetime import timedelta

import pytest

from portal import create_app
from portal.accounts import services, throttle
from portal.accounts.models import LoginFailure
from portal.core.roles import Role
from portal.extensions import db
from tests.conftest import config_for_tests
from tests.factories import PASSWORD


def _fail(email, address, times=1):
    for _ in range(times):
        with pytest.raises(services.ServiceError):
            services.authenticate(email, "wrong guess", address)


def _age_failures(seconds):
    """Move every recorded failure `seconds` into the past (time passing, without sleeping)."""
    for row in db.session.scalars(db.select(LoginFailure)):
        row.at -= timedelta(seconds=seconds)
    db.session.flush()


def test_the_owner_is_not_locked_out_by_guesses_from_elsewhere(app, make_user):
    make_user(Role.PRACTITIONER, email="owner@test.example.org")
    with app.test_request_context():
        _fail("owner@test.example.org", "203.0.113.9", times=3)
        with pytest.raises(throttle.Throttled):  # the attacker's next guess waits
            services.authenticate("owner@test.example.org", "another guess", "203.0.113.9")
        assert services.authenticate("owner@test.example.org", PASSWORD, "10.0.0.7").email == "owner@test.example.org"


def test_a_whole_school_behind_one_address_is_slowed_not_locked(app, make_user):
    make_user(Role.PRACTITIONER, email="teacher@test.example.org")
    with app.test_request_context():
        for n in range(20):
            _fail(f"typo{n}@test.example.org", "198.51.100.1")
        with pytest.raises(throttle.Throttled) as error:  # a new guess from that address waits a few seconds
            services.authenticate("teacher@test.example.org", PASSWORD, "198.51.100.1")
        assert 0 < error.value.seconds <= app.config["LOGIN_ADDRESS_DELAY_SECONDS"]
        _age_failures(app.config["LOGIN_ADDRESS_DELAY_SECONDS"])
        assert services.authenticate("teacher@test.example.org", PASSWORD, "198.51.100.1")


def test_the_delay_grows_per_account_and_address_and_success_resets_it(app, make_user):
    make_user(Role.PRACTITIONER, email="grow@test.example.org")
    cfg = app.config
    assert [throttle.pair_delay(n, cfg) for n in range(2, 7)] == [0, 2, 4, 8, 16]
    assert throttle.pair_delay(100, cfg) == cfg["LOGIN_MAX_DELAY_SECONDS"]
    with app.test_request_context():
        _fail("grow@test.example.org", "10.0.0.8", times=3)
        first = throttle.seconds_to_wait("grow@test.example.org", "10.0.0.8")
        _age_failures(first)
        _fail("grow@test.example.org", "10.0.0.8")
        assert throttle.seconds_to_wait("grow@test.example.org", "10.0.0.8") > first
        _age_failures(60)
        services.authenticate("grow@test.example.org", PASSWORD, "10.0.0.8")
        assert throttle.seconds_to_wait("grow@test.example.org", "10.0.0.8") == 0


def test_throttled_sign_in_says_how_long_and_sends_retry_after(client, make_user):
    make_user(Role.PRACTITIONER, email="wait@test.example.org")
    for _ in range(3):
        client.post("/sign-in", data={"email": "wait@test.example.org", "password": "nope"})
    response = client.post("/sign-in", data={"email": "wait@test.example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed attempts. Wait" in response.data
    assert int(response.headers["Retry-After"]) > 0
    assert b'value="wait@test.example.org"' in response.data  # what was typed is kept


def test_counts_live_in_the_database_so_every_host_shares_them(app, make_user):
    make_user(Role.PRACTITIONER, email="shared@test.example.org")
    other_host = create_app(config_for_tests(SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"]))
    with app.test_request_context():
        _fail("shared@test.example.org", "10.0.0.9", times=3)
        db.session.commit()
    with other_host.test_request_context():
        assert throttle.seconds_to_wait("shared@test.example.org", "10.0.0.9") > 0
        db.session.remove()
        db.engine.dispose()


@pytest.mark.parametrize("proxies, expected", [(0, "127.0.0.1"), (1, "192.0.2.44")])
def test_client_address_behind_a_configured_number_of_proxies(app, make_user, proxies, expected):
    make_user(Role.PRACTITIONER, email="proxied@test.example.org")
    proxied = create_app(
        config_for_tests(SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"], PROXY_COUNT=proxies)
    )
    client = proxied.test_client()
    client.post(
        "/sign-in",
        data={"email": "proxied@test.example.org", "password": "nope"},
        headers={"X-Forwarded-For": "198.51.100.7, 192.0.2.44"},
    )
    with proxied.app_context():
        keys = set(db.session.scalars(db.select(LoginFailure.key)))
        db.session.remove()
        db.engine.dispose()
    assert f"address:{expected}" in keys
