"""Account rules without HTTP: sign-in and throttling, invitations, tokens, roles."""

import pytest

from portal.accounts import services
from portal.accounts.models import User
from portal.core.forms import ServiceError
from portal.core.roles import Role
from portal.extensions import db
from tests.factories import PASSWORD


def test_authenticate_is_case_insensitive_on_email(app, make_user):
    user = make_user(Role.PRACTITIONER, email="mixed@test.example.org")
    with app.test_request_context():
        assert services.authenticate("  MIXED@Test.Example.org ", PASSWORD, "10.0.0.1").id == user.id


def test_wrong_password_and_unknown_account_give_the_same_message(app, make_user):
    make_user(Role.PRACTITIONER, email="known@test.example.org")
    with app.test_request_context():
        messages = set()
        for email in ("known@test.example.org", "unknown@test.example.org"):
            with pytest.raises(ServiceError) as error:
                services.authenticate(email, "wrong password!", "10.0.0.1")
            messages.add(str(error.value))
    assert messages == {"Enter a correct e-mail address and password."}


# Throttling (delays, never lock-outs) is tested in tests/security/test_throttling.py.


def test_la_officer_invites_only_into_their_own_la(app, make_user, make_establishment, mailbox):
    officer = make_user(Role.LA_OFFICER, authority_slug="glasgow-city")
    elsewhere = make_establishment(authority_slug="inverclyde")
    with app.test_request_context(), pytest.raises(ServiceError, match="own LA"):
        services.invite_person(actor=officer, name="A", email="a@test.example.org", establishment=elsewhere)
    assert mailbox.messages == []


def test_la_officer_cannot_grant_wide_roles(app, make_user, make_establishment):
    officer = make_user(Role.LA_OFFICER, authority_slug="glasgow-city")
    school = make_establishment(authority_slug="glasgow-city")
    with app.test_request_context(), pytest.raises(ServiceError, match="practitioners and senior leaders"):
        services.invite_person(
            actor=officer, name="B", email="b@test.example.org", establishment=school, roles={Role.ADMIN}
        )


def test_invitation_link_sets_a_password_once(app, make_user, make_establishment, mailbox):
    admin = make_user(Role.ADMIN)
    school = make_establishment()
    with app.test_request_context():
        person = services.invite_person(
            actor=admin, name="Newcomer", email="New@Test.example.org", establishment=school
        )
        db.session.commit()
        token = mailbox.link(mailbox.last_to("new@test.example.org"), "/invitation/").rsplit("/", 1)[-1]
        assert services.user_from_token(token, "invite").id == person.id
        assert services.user_from_token(token, "reset") is None  # purposes do not mix
        services.set_password(person, "a long enough password")
        assert services.user_from_token(token, "invite") is None  # used once


def test_duplicate_email_is_refused_case_insensitively(app, make_user, make_establishment):
    make_user(Role.PRACTITIONER, email="taken@test.example.org")
    with app.test_request_context(), pytest.raises(ServiceError, match="already has an account"):
        services.create_person(name="X", email="TAKEN@test.example.org", establishment=make_establishment())


def test_reset_is_silent_for_unknown_addresses(app, mailbox):
    with app.test_request_context():
        services.request_password_reset("nobody@test.example.org")
    assert mailbox.messages == []


def test_short_password_refused(app, make_user):
    user = make_user(Role.PRACTITIONER)
    with pytest.raises(ServiceError, match="12 characters"):
        services.set_password(user, "short")


def test_set_roles_requires_an_la_for_officers_and_keeps_the_admin(app, make_user):
    admin = make_user(Role.ADMIN)
    person = make_user(Role.PRACTITIONER)
    with pytest.raises(ServiceError, match="local authority"):
        services.set_roles(person, {Role.LA_OFFICER}, actor=admin)
    with pytest.raises(ServiceError, match="your own"):
        services.set_roles(admin, {Role.PRACTITIONER}, actor=admin)
    services.set_roles(person, {Role.PRACTITIONER, Role.KEY_FACILITATOR}, actor=admin)
    db.session.commit()
    assert db.session.get(User, person.id).roles == {Role.PRACTITIONER, Role.KEY_FACILITATOR}


def test_only_admins_set_roles(app, make_user):
    officer = make_user(Role.LA_OFFICER)
    person = make_user(Role.PRACTITIONER)
    with pytest.raises(ServiceError, match="Only the partnership lead officer"):
        services.set_roles(person, {Role.SENIOR_LEADER}, actor=officer)
