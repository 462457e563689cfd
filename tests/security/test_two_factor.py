"""Two-factor sign-in with real TOTP codes: enrolment, sign-in, recovery codes, replay, and the roles that
must use it (on by default, off in demo mode)."""

import importlib
import re
import time

import pyotp
import pytest

from portal.accounts import twofactor
from portal.accounts.models import User
from portal.core.roles import Role
from portal.extensions import db
from tests.factories import PASSWORD


def _code(secret, at=None):
    return pyotp.TOTP(secret).at(at or time.time())


def _secret(email):
    db.session.expire_all()
    return db.session.scalar(db.select(User.totp_secret).where(User.email == email))


def _enrol_on_profile(client, email):
    page = client.get("/profile/two-factor")
    assert page.status_code == 200 and b"<svg" in page.data  # the QR code, inline, no script
    secret = _secret(email)
    assert secret.encode() in page.data  # and the key as text
    response = client.post("/profile/two-factor", data={"code": _code(secret)})
    assert response.status_code == 200 and b"recovery codes" in response.data
    return secret, re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", response.data.decode())


def test_enrol_then_sign_in_with_a_code_or_a_recovery_code(app, client, make_user):
    make_user(Role.PRACTITIONER, email="two@test.example.org")
    client.post("/sign-in", data={"email": "two@test.example.org", "password": PASSWORD})
    secret, codes = _enrol_on_profile(client, "two@test.example.org")
    assert len(codes) == twofactor.RECOVERY_CODES
    client.post("/sign-out")

    browser = app.test_client()
    response = browser.post("/sign-in", data={"email": "two@test.example.org", "password": PASSWORD})
    assert response.headers["Location"].endswith("/sign-in/code")
    assert browser.get("/profile").status_code == 302  # the password alone does not sign in
    assert browser.post("/sign-in/code", data={"code": "000000"}).status_code == 422
    assert browser.post("/sign-in/code", data={"code": _code(secret, time.time() + 30)}).status_code == 302
    assert browser.get("/profile").status_code == 200
    browser.post("/sign-out")

    lost_phone = app.test_client()
    lost_phone.post("/sign-in", data={"email": "two@test.example.org", "password": PASSWORD})
    assert lost_phone.post("/sign-in/code", data={"code": codes[0].upper()}).status_code == 302
    assert lost_phone.get("/profile").status_code == 200
    lost_phone.post("/sign-out")
    again = app.test_client()
    again.post("/sign-in", data={"email": "two@test.example.org", "password": PASSWORD})
    assert again.post("/sign-in/code", data={"code": codes[0]}).status_code == 422  # used up


def test_a_code_is_accepted_once_only(app, make_user):
    user = make_user(Role.PRACTITIONER)
    with app.test_request_context():
        user = db.session.get(User, user.id)
        secret = twofactor.begin_enrolment(user)
        now = time.time()
        twofactor.confirm_enrolment(user, _code(secret, now))
        assert not twofactor.verify(user, _code(secret, now))  # replayed
        assert twofactor.verify(user, _code(secret, now + 30))
        assert not twofactor.verify(user, "123")


def test_required_for_admin_and_la_officers_enrolment_at_sign_in(app, make_user):
    app.config["TWO_FACTOR_REQUIRED"] = True
    make_user(Role.LA_OFFICER, email="officer@test.example.org")
    make_user(Role.PRACTITIONER, email="teacher@test.example.org")
    teacher = app.test_client()
    assert (
        teacher.post("/sign-in", data={"email": "teacher@test.example.org", "password": PASSWORD})
        .headers["Location"]
        .endswith("/home")
    )
    officer = app.test_client()
    assert (
        officer.post("/sign-in", data={"email": "officer@test.example.org", "password": PASSWORD})
        .headers["Location"]
        .endswith("/sign-in/code")
    )
    page = officer.get("/sign-in/code")
    assert b"Set up two-factor sign-in" in page.data and b"<svg" in page.data
    with app.app_context():
        secret = _secret("officer@test.example.org")
    response = officer.post("/sign-in/code", data={"code": _code(secret)})
    assert response.status_code == 200 and b"recovery codes" in response.data
    assert officer.get("/people").status_code == 200
    page = officer.get("/profile/two-factor")
    assert b"Your role requires two-factor sign-in" in page.data


def test_wrong_codes_are_throttled(app, make_user):
    app.config["TWO_FACTOR_REQUIRED"] = True
    make_user(Role.ADMIN, email="admin@test.example.org")
    browser = app.test_client()
    browser.post("/sign-in", data={"email": "admin@test.example.org", "password": PASSWORD})
    statuses = [browser.post("/sign-in/code", data={"code": "111111"}).status_code for _ in range(4)]
    assert statuses == [422, 422, 422, 429]


@pytest.mark.parametrize("demo, expected", [("1", False), ("0", True)])
def test_the_setting_is_on_by_default_and_off_in_demo_mode(monkeypatch, demo, expected):
    import portal.config as config

    monkeypatch.setenv("DEMO_MODE", demo)
    monkeypatch.delenv("TWO_FACTOR_REQUIRED", raising=False)
    try:
        assert importlib.reload(config).Config.TWO_FACTOR_REQUIRED is expected
    finally:
        monkeypatch.undo()
        importlib.reload(config)
