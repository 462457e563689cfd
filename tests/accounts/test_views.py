"""Account pages: sign-in, sign-out, reset, profile, people (both renderings), invitations, CSV invitations."""

import io
import re

from portal.accounts.models import User
from portal.core.roles import Role
from portal.extensions import db
from tests.factories import PASSWORD, authority


def test_sign_in_and_out(client, make_user):
    make_user(Role.PRACTITIONER, email="me@test.example.org")
    response = client.post("/sign-in", data={"email": "me@test.example.org", "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"].endswith("/home")
    assert client.get("/home").status_code == 200
    assert client.post("/sign-out").status_code == 302
    assert client.get("/home").status_code == 302


def test_sign_in_keeps_the_address_on_error(client, make_user):
    response = client.post("/sign-in", data={"email": "who@test.example.org", "password": "nope"})
    assert response.status_code == 422
    assert b'value="who@test.example.org"' in response.data
    assert b"There is a problem" in response.data


def test_next_parameter_cannot_leave_the_site(client, make_user):
    make_user(Role.PRACTITIONER, email="safe@test.example.org")
    response = client.post(
        "/sign-in?next=//evil.example.com/x", data={"email": "safe@test.example.org", "password": PASSWORD}
    )
    assert response.headers["Location"].endswith("/home")


def test_session_cookie_flags(client, make_user):
    make_user(Role.PRACTITIONER, email="cookie@test.example.org")
    response = client.post("/sign-in", data={"email": "cookie@test.example.org", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_secure_cookies_outside_development(monkeypatch):
    import importlib

    import portal.config as config

    monkeypatch.setenv("PORTAL_ENV", "production")
    try:
        assert importlib.reload(config).Config.SESSION_COOKIE_SECURE is True
    finally:
        monkeypatch.delenv("PORTAL_ENV")
        importlib.reload(config)


def test_forgot_password_never_reveals_accounts(client, make_user, mailbox):
    make_user(Role.PRACTITIONER, email="real@test.example.org")
    known = client.post("/password/forgot", data={"email": "real@test.example.org"})
    unknown = client.post("/password/forgot", data={"email": "ghost@test.example.org"})
    assert known.status_code == unknown.status_code == 200
    assert known.data.replace(b"real", b"X") == unknown.data.replace(b"ghost", b"X")
    assert len(mailbox.messages) == 1


def test_reset_link_from_the_email_sets_a_new_password(client, make_user, mailbox):
    make_user(Role.PRACTITIONER, email="reset@test.example.org")
    client.post("/password/forgot", data={"email": "reset@test.example.org"})
    link = mailbox.link(mailbox.last_to("reset@test.example.org"), "/password/reset/")
    path = link.split("localhost", 1)[-1]
    assert client.get(path).status_code == 200
    response = client.post(path, data={"password": "a brand new passphrase", "confirm": "a brand new passphrase"})
    assert response.status_code == 302
    assert client.get(path).status_code == 410  # used


def test_profile_edit_keeps_input_on_error(client, login, make_user):
    login(make_user(Role.PRACTITIONER))
    response = client.post("/profile", data={"name": "Ann Other", "job_title": "PT", "establishment": "Nowhere School"})
    assert response.status_code == 422
    assert b"No establishment is called" in response.data and b'value="Ann Other"' in response.data


def test_profile_edit_saves(client, login, make_user, make_establishment):
    school = make_establishment(name="Unique Academy")
    me = make_user(Role.PRACTITIONER)
    login(me)
    response = client.post(
        "/profile", data={"name": "Renamed", "job_title": "PT", "establishment": school.seed_code, "promoted": "y"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(User, me.id)
    assert (saved.name, saved.establishment_id, saved.promoted) == ("Renamed", school.id, True)


def test_la_officer_sees_only_their_la(client, login, make_user):
    login(make_user(Role.LA_OFFICER, authority_slug="inverclyde"))
    mine = make_user(Role.PRACTITIONER, authority_slug="inverclyde", name="Inverclyde Teacher")
    theirs = make_user(Role.PRACTITIONER, authority_slug="renfrewshire", name="Renfrewshire Teacher")
    page = client.get("/people").data
    assert b"Inverclyde Teacher" in page and b"Renfrewshire Teacher" not in page
    assert client.get(f"/people/{mine.id}").status_code == 200
    assert client.get(f"/people/{theirs.id}").status_code == 404


def test_the_list_without_a_search_binds_each_officers_own_la(client, login, make_user):
    """The list's statements are built once per scope and filters: each officer's LA is a value bound per request."""
    make_user(Role.PRACTITIONER, authority_slug="inverclyde", name="Inverclyde Teacher")
    make_user(Role.SENIOR_LEADER, authority_slug="renfrewshire", name="Renfrewshire Leader")
    make_user(Role.PRACTITIONER, authority_slug="renfrewshire", name="Renfrewshire Teacher")
    for ours, theirs, leaders in (
        ("Inverclyde", "Renfrewshire", []),
        ("Renfrewshire", "Inverclyde", ["Renfrewshire Leader"]),
    ):
        login(make_user(Role.LA_OFFICER, authority_slug=ours.lower()))
        page = client.get("/people").text
        assert f"{ours} Teacher" in page and f"{theirs} Teacher" not in page
        assert _listed(client.get("/people?role=senior_leader").text) == leaders
    login(make_user(Role.ADMIN))
    assert "Inverclyde Teacher" in client.get("/people").text
    only = client.get(f"/people?authority={authority('renfrewshire').id}&role=practitioner").text
    assert _listed(only) == ["Renfrewshire Teacher"]


def test_people_list_fragment_and_vary(client, login, make_user, htmx_get):
    login(make_user(Role.ADMIN))
    make_user(Role.PRACTITIONER, name="Zebedee Findme")
    full = client.get("/people?q=zebedee")
    assert b"<html" in full.data and b"Zebedee Findme" in full.data
    fragment = htmx_get("/people?q=zebedee", "people-results")
    assert b"<html" not in fragment.data and fragment.data.strip().startswith(b'<div id="people-results"')
    assert b"Zebedee Findme" in fragment.data
    assert "HX-Request" in fragment.headers["Vary"]
    boosted = client.get(
        "/people?q=zebedee", headers={"HX-Request": "true", "HX-Boosted": "true", "HX-Target": "people-results"}
    )
    assert b"<html" in boosted.data


def test_people_list_query_count_does_not_grow(client, login, make_user):
    login(make_user(Role.ADMIN))
    for _ in range(3):
        make_user(Role.PRACTITIONER)
    small = int(client.get("/people").headers["X-Query-Count"])
    for _ in range(30):
        make_user(Role.SENIOR_LEADER, Role.PRACTITIONER)
    large = int(client.get("/people").headers["X-Query-Count"])
    assert small == large


def test_people_search_counts_pages_and_shows_places_and_roles(client, login, make_user):
    """A search reads its count with the page: right on every page, and past the last one."""
    login(make_user(Role.ADMIN))
    for n in range(30):
        make_user(Role.SENIOR_LEADER, Role.PRACTITIONER, name=f"Mactavish {n:02d}", authority_slug="inverclyde")
    make_user(Role.PRACTITIONER, name="Somebody Else")
    make_user(Role.LA_OFFICER, name="Mactavish Officer", authority_slug="inverclyde")
    first = client.get("/people?q=MACTAV").get_data(as_text=True)
    assert "31 people found" in first and "Mactavish 00" in first and "Mactavish 25" not in first
    assert "Somebody Else" not in first
    assert "Practitioner, Senior leader" in first
    second = client.get("/people?q=mactav&page=2").get_data(as_text=True)
    assert "31 people found" in second and "Mactavish 25" in second and "Mactavish 00" not in second
    assert "<td>Inverclyde</td><td>LA link officer</td>" in second.replace("\n", "").replace("  ", "")
    past = client.get("/people?q=mactav&page=3").get_data(as_text=True)
    assert "31 people found" in past and "Nobody matches these filters." in past
    assert "0 people found" in client.get("/people?q=nobody-has-this").get_data(as_text=True)


def test_admin_edits_roles(client, login, make_user):
    login(make_user(Role.ADMIN))
    person = make_user(Role.PRACTITIONER)
    response = client.post(
        f"/people/{person.id}", data={"roles": ["practitioner", "key_facilitator"], "authority": "0", "active": "y"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, person.id).roles == {Role.PRACTITIONER, Role.KEY_FACILITATOR}


def test_la_officer_cannot_edit_roles(client, login, make_user):
    login(make_user(Role.LA_OFFICER))
    person = make_user(Role.PRACTITIONER)
    response = client.post(f"/people/{person.id}", data={"roles": ["admin"], "active": "y"})
    assert response.status_code == 403


def test_invite_page_sends_a_real_email(client, login, make_user, make_establishment, mailbox):
    login(make_user(Role.ADMIN))
    school = make_establishment()
    response = client.post(
        "/people/invite",
        data={
            "name": "Invitee",
            "email": "invitee@test.example.org",
            "establishment": school.seed_code,
            "roles": ["senior_leader"],
        },
    )
    assert response.status_code == 302
    message = mailbox.last_to("invitee@test.example.org")
    assert "/invitation/" in mailbox.body(message)


def test_people_csv_import_is_all_or_nothing(client, login, make_user, make_establishment, mailbox):
    login(make_user(Role.ADMIN))
    school = make_establishment()
    bad = (
        f"name,email,seed_code,roles\nGood Person,good@test.example.org,{school.seed_code},practitioner\n"
        f"Bad Person,not-an-email,{school.seed_code},wizard\n"
    )
    response = client.post(
        "/people/import", data={"file": (io.BytesIO(bad.encode()), "people.csv")}, content_type="multipart/form-data"
    )
    assert response.status_code == 422
    assert b"email is not a valid address" in response.data and b"&#39;wizard&#39; is not a role" in response.data
    assert db.session.query(User).filter_by(email="good@test.example.org").count() == 0
    assert mailbox.messages == []
    good = f"name,email,seed_code\nGood Person,good@test.example.org,{school.seed_code}\n"
    response = client.post(
        "/people/import", data={"file": (io.BytesIO(good.encode()), "people.csv")}, content_type="multipart/form-data"
    )
    assert response.status_code == 302
    assert len(mailbox.to("good@test.example.org")) == 1


def _listed(html: str) -> list[str]:
    return re.findall(r'<a class="ds_link" href="/people/\d+">([^<]+)</a>', html)


def test_la_officers_people_are_paged_in_name_order_with_staff_and_ties(client, login, make_user):
    """The list walks the name index page by page (ix_user_account_people_list): every person of the LA (its
    establishments' and its own staff) once, by name then id, on both databases; nobody from another LA."""
    officer = make_user(Role.LA_OFFICER, authority_slug="inverclyde", name="Mm Officer")
    ours = [officer] + [
        make_user(Role.PRACTITIONER, authority_slug="inverclyde", name=f"Name {n * 7 % 30:02d}") for n in range(30)
    ]
    ours += [make_user(Role.PRACTITIONER, authority_slug="inverclyde", name="Name 05") for _ in range(2)]  # ties
    ours.append(make_user(Role.LA_OFFICER, authority_slug="inverclyde", name="Aa Staff"))  # no establishment
    for n in range(5):
        make_user(Role.PRACTITIONER, authority_slug="renfrewshire", name=f"Name {n:02d}x")
    login(officer)
    first, second = client.get("/people").text, client.get("/people?page=2").text
    assert f"{len(ours)} people found" in first and f"{len(ours)} people found" in second
    expected = [u.name for u in sorted(ours, key=lambda u: (u.name, u.id))]
    assert _listed(first) + _listed(second) == expected
    ids = [int(i) for i in re.findall(r'href="/people/(\d+)">Name 05<', first + second)]
    assert ids == sorted(ids) and len(ids) == 3
    login(make_user(Role.ADMIN))
    filtered = client.get(f"/people?authority={authority('inverclyde').id}&page=2").text
    assert _listed(filtered) == expected[25:]


def test_a_role_filter_lists_only_people_holding_it(client, login, make_user):
    login(make_user(Role.ADMIN))
    make_user(Role.SENIOR_LEADER, name="Macleod Leader")
    make_user(Role.PRACTITIONER, name="Macleod Teacher")
    make_user(Role.SENIOR_LEADER, Role.PRACTITIONER, name="Macleod Both")
    make_user(Role.KEY_FACILITATOR, Role.PRACTITIONER, name="Macleod Facilitator")
    page = client.get("/people?q=macleod&role=senior_leader").text  # a role most people hold: checked per person
    assert "2 people found" in page and _listed(page) == ["Macleod Both", "Macleod Leader"]
    page = client.get("/people?q=macleod&role=key_facilitator").text  # a role of a few: read from its index
    assert "1 person found" in page and _listed(page) == ["Macleod Facilitator"]
    page = client.get("/people?q=macleod&role=practitioner").text
    assert _listed(page) == ["Macleod Both", "Macleod Facilitator", "Macleod Teacher"]
