"""Gateway pages: contact details hidden until acceptance, both renderings, forms that keep what was typed,
confirm pages, accepting lands in the team's plan, query counts that do not grow with the data."""

from sqlalchemy import insert, select

from portal.accounts.models import User, UserRole
from portal.core.roles import Role
from portal.extensions import db
from portal.gateway.models import Profile, Request

from .conftest import OUTDOOR


def test_contact_details_hidden_until_acceptance(client, login, people):
    login(people.ewan)
    page = client.get(f"/gateway/profiles/{people.ailsa_profile.id}").get_data(as_text=True)
    assert "Ailsa" in page and "ailsa@test.example.org" not in page
    response = client.post(
        f"/gateway/profiles/{people.ailsa_profile.id}/requests",
        data={"message": "Shall we plan outdoor numeracy together?", "team": "0"},
    )
    assert response.status_code == 303
    req = db.session.scalar(select(Request))
    login(people.ailsa)
    page = client.get(f"/gateway/requests/{req.id}").get_data(as_text=True)
    assert "Shall we plan outdoor numeracy" in page and "ewan@test.example.org" not in page
    response = client.post(f"/gateway/requests/{req.id}/decide", data={"decision": "accept"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/plan")
    assert "ewan@test.example.org" in client.get(f"/gateway/requests/{req.id}").get_data(as_text=True)
    login(people.ewan)
    assert "ailsa@test.example.org" in client.get(f"/gateway/profiles/{people.ailsa_profile.id}").get_data(as_text=True)
    assert client.get(response.headers["Location"]).status_code == 200  # Ewan is in the team and sees its plan


def test_a_third_person_never_sees_the_request_or_the_address(client, login, people, publish):
    login(people.ewan)
    client.post(f"/gateway/profiles/{people.ailsa_profile.id}/requests", data={"message": "Hello", "team": "0"})
    req = db.session.scalar(select(Request))
    publish(people.fraser)
    login(people.fraser)
    assert client.get(f"/gateway/requests/{req.id}").status_code == 404
    assert client.post(f"/gateway/requests/{req.id}/decide", data={"decision": "accept"}).status_code == 404
    assert "ailsa@test.example.org" not in client.get(f"/gateway/profiles/{people.ailsa_profile.id}").get_data(
        as_text=True
    )


def test_paused_profile_is_not_there_for_others(client, login, people):
    login(people.ailsa)
    page = client.get("/gateway/profile/person/status/paused")
    assert b"Pause my profile" in page.data
    assert client.post("/gateway/profile/person/status/paused").status_code == 303
    login(people.ewan)
    assert client.get(f"/gateway/profiles/{people.ailsa_profile.id}").status_code == 404


def test_profile_form_keeps_what_was_typed_when_refused(client, login, people):
    login(people.fraser)
    response = client.post(
        "/gateway/profile/person", data={"hunch": "Boys' writing outdoors", "mode": "online", "frequency": "weekly"}
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Choose at least one interest" in page and "Boys&#39; writing outdoors" in page
    response = client.post(
        "/gateway/profile/person",
        data={
            "hunch": "Boys' writing outdoors",
            "mode": "online",
            "frequency": "weekly",
            "themes": [OUTDOOR],
            "stages": ["second"],
            "open_to_contact": "y",
        },
    )
    assert response.status_code == 302 and "/gateway/suggestions" in response.headers["Location"]


def test_request_without_message_is_refused_and_shown_again(client, login, people):
    login(people.ewan)
    response = client.post(f"/gateway/profiles/{people.ailsa_profile.id}/requests", data={"message": " ", "team": "0"})
    assert response.status_code == 422
    assert b"Write a short message" in response.data


def test_suggestions_page_and_fragment(client, login, people, htmx_get):
    login(people.ewan)
    page = client.get("/gateway/suggestions")
    assert page.status_code == 200 and b"Ailsa" in page.data and b"another local authority" in page.data
    assert "HX-Request" in page.headers["Vary"]
    fragment = htmx_get("/gateway/suggestions?sector=Secondary", "suggestion-results")
    body = fragment.get_data(as_text=True)
    assert body.lstrip().startswith('<div id="suggestion-results"') and "Ailsa" not in body


def test_suggestions_ask_for_a_profile_first(client, login, people):
    login(people.fraser)
    response = client.get("/gateway/suggestions")
    assert response.status_code == 302 and response.headers["Location"].endswith("/gateway/profile/person")


def _grow(n: int, start: int, establishment_id: int, authority_id: int) -> None:
    users = db.session.scalars(
        insert(User).returning(User.id),
        [
            {
                "name": f"Grown {start + i}",
                "email": f"grown{start + i}@test.example.org",
                "job_title": "Teacher",
                "promoted": False,
                "active": True,
                "establishment_id": establishment_id,
            }
            for i in range(n)
        ],
    ).all()
    db.session.execute(insert(UserRole), [{"user_id": u, "role": "practitioner"} for u in users])
    db.session.execute(
        insert(Profile),
        [
            {
                "owner_id": u,
                "kind": "person",
                "establishment_id": establishment_id,
                "authority_id": authority_id,
                "sector": "Primary",
                "hunch": "Outdoor numeracy",
                "interests": OUTDOOR,
                "stages": "second",
                "mode": "either",
                "frequency": "monthly",
                "open_to_contact": True,
                "status": "active",
            }
            for u in users
        ],
    )
    db.session.execute(
        insert(Request),
        [
            {
                "sender_id": u,
                "profile_id": db.session.scalar(select(Profile.id).where(Profile.owner_id == users[0])),
                "recipient_id": users[0],
                "message": "Hi",
                "status": "pending",
                "sector": "Primary",
                "authority_id": authority_id,
            }
            for u in users[1:]
        ],
    )
    db.session.commit()


def test_query_counts_do_not_grow(client, login, people):
    est, la = people.ailsa.establishment_id, people.ailsa_profile.authority_id
    pages = [
        "/gateway/",
        "/gateway/suggestions",
        "/gateway/suggestions?interest=outdoor-learning",
        f"/gateway/profiles/{people.ailsa_profile.id}",
    ]

    def counts(user):
        login(user)
        return {url: int(client.get(url).headers["X-Query-Count"]) for url in pages}

    _grow(3, 0, est, la)
    small = counts(people.ewan)
    _grow(40, 100, est, la)
    large = counts(people.ewan)
    assert small == large, (small, large)
    login(people.admin)
    first = int(client.get("/gateway/uptake").headers["X-Query-Count"])
    _grow(10, 500, est, la)
    assert int(client.get("/gateway/uptake").headers["X-Query-Count"]) == first


def test_uptake_for_officers_says_fewer_than_5(client, login, people, make_user):
    login(make_user(Role.LA_OFFICER, authority_slug="renfrewshire"))
    page = client.get("/gateway/uptake").get_data(as_text=True)
    assert '<th scope="row">Renfrewshire</th>' in page and "fewer than 5" in page
    assert '<th scope="row">Glasgow City</th>' not in page
