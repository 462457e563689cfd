"""Password strength: zxcvbn refuses common and guessable passwords and the page says why."""

import pytest

from portal.accounts import passwords, services
from portal.core.roles import Role


@pytest.mark.parametrize(
    "password, reason",
    [
        ("short", "at least 12"),
        ("password1234", "very common password"),
        ("aaaaaaaaaaaaaaaa", "Repeats"),
        ("westpartnership", "easy to guess"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(password, reason):
    assert reason in passwords.weakness(password)


def test_a_password_made_of_the_persons_own_name_is_refused():
    assert passwords.weakness("MoragMcAllister", personal=("Morag McAllister", "morag@school.example")) is not None
    assert passwords.weakness("MoragMcAllister") is None


def test_a_passphrase_is_accepted():
    assert passwords.weakness("kettle orbit lantern grove") is None


def test_the_reset_page_shows_why_and_keeps_nothing_weak(app, client, make_user, mailbox):
    user = make_user(Role.PRACTITIONER, email="weak@test.example.org")
    with app.test_request_context(), pytest.raises(services.ServiceError):
        services.set_password(user, "password1234")
    client.post("/password/forgot", data={"email": "weak@test.example.org"})
    path = mailbox.link(mailbox.last_to("weak@test.example.org"), "/password/reset/").split("localhost", 1)[-1]
    response = client.post(path, data={"password": "qwertyuiop12", "confirm": "qwertyuiop12"})
    assert response.status_code == 422
    assert b"similar to a commonly used password" in response.data
