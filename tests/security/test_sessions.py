"""Revocable sessions: sign-out, a password reset, role changes and deactivation end every session of the
person, so a copied cookie stops working; "sign out everywhere else" keeps only this browser."""

from portal.accounts import services
from portal.accounts.models import User
from portal.core.roles import Role
from portal.extensions import db
from tests.factories import PASSWORD


def _signed_in(app, email):
    client = app.test_client()
    response = client.post("/sign-in", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def _copy(app, client):
    """Another browser holding a copy of `client`'s session cookie (a stolen cookie)."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def _works(client) -> bool:
    return client.get("/profile").status_code == 200


def test_a_copied_cookie_dies_at_sign_out(app, make_user):
    make_user(Role.PRACTITIONER, email="out@test.example.org")
    owner = _signed_in(app, "out@test.example.org")
    thief = _copy(app, owner)
    assert _works(thief)
    owner.post("/sign-out")
    assert not _works(thief) and not _works(owner)


def test_a_copied_cookie_dies_at_a_password_reset(app, make_user, mailbox):
    make_user(Role.PRACTITIONER, email="reset@test.example.org")
    owner = _signed_in(app, "reset@test.example.org")
    thief = _copy(app, owner)
    owner.post("/password/forgot", data={"email": "reset@test.example.org"})
    path = mailbox.link(mailbox.last_to("reset@test.example.org"), "/password/reset/").split("localhost", 1)[-1]
    new = "kettle orbit lantern grove"
    response = owner.post(path, data={"password": new, "confirm": new})
    assert response.status_code == 302
    assert _works(owner)  # the browser that set the password is signed in again
    assert not _works(thief)


def test_role_change_and_deactivation_end_the_persons_sessions(app, make_user):
    admin = make_user(Role.ADMIN)
    person = make_user(Role.PRACTITIONER, email="changed@test.example.org")
    browser = _signed_in(app, "changed@test.example.org")
    with app.test_request_context():
        services.set_roles(
            db.session.get(User, person.id),
            {Role.PRACTITIONER, Role.SENIOR_LEADER},
            actor=db.session.get(User, admin.id),
        )
        db.session.commit()
    assert not _works(browser)
    browser = _signed_in(app, "changed@test.example.org")
    with app.test_request_context():
        services.set_active(db.session.get(User, person.id), False, actor=db.session.get(User, admin.id))
        db.session.commit()
    assert not _works(browser)
    assert (
        app.test_client().post("/sign-in", data={"email": "changed@test.example.org", "password": PASSWORD}).status_code
        == 422
    )


def test_saving_the_same_roles_keeps_sessions(app, make_user):
    admin = make_user(Role.ADMIN)
    person = make_user(Role.PRACTITIONER, email="same@test.example.org")
    browser = _signed_in(app, "same@test.example.org")
    with app.test_request_context():
        services.set_roles(db.session.get(User, person.id), {Role.PRACTITIONER}, actor=db.session.get(User, admin.id))
        db.session.commit()
    assert _works(browser)


def test_sign_out_everywhere_else_keeps_this_browser_only(app, make_user):
    make_user(Role.PRACTITIONER, email="everywhere@test.example.org")
    here = _signed_in(app, "everywhere@test.example.org")
    laptop = _signed_in(app, "everywhere@test.example.org")
    assert b"Sign out everywhere else" in here.get("/profile").data
    assert here.post("/profile/sign-out-everywhere").status_code == 302
    assert _works(here)
    assert not _works(laptop)


def test_a_copied_cookie_dies_at_a_password_change_and_this_browser_stays(app, make_user):
    make_user(Role.PRACTITIONER, email="change@test.example.org")
    owner = _signed_in(app, "change@test.example.org")
    thief = _copy(app, owner)
    new = "kettle orbit lantern grove"
    wrong = owner.post("/profile/password", data={"current": "not it", "password": new, "confirm": new})
    assert wrong.status_code == 422 and b"current password is not right" in wrong.data and _works(thief)
    assert (
        owner.post("/profile/password", data={"current": PASSWORD, "password": new, "confirm": new}).status_code == 302
    )
    assert _works(owner) and not _works(thief)
