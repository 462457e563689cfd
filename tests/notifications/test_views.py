"""Notification pages: the list opens and marks read, settings keep choices, unsubscribe needs no sign-in."""

from portal.core.roles import Role
from portal.extensions import db
from portal.notifications import services


def _note(app, person, **kw):
    with app.test_request_context():
        [note] = services.notify([person], "reply", "Ewan replied", "Try a tally chart", "/events", **kw)
        token = services.unsubscribe_token(person, "reply")
    db.session.commit()
    return note.id, token


def test_list_open_and_mark_all_read(app, client, login, make_user):
    person = make_user(Role.PRACTITIONER)
    note_id, _ = _note(app, person)
    _note(app, person)
    login(person)
    page = client.get("/notifications")
    assert page.data.count(b"Ewan replied") == 2 and b"New" in page.data
    opened = client.get(f"/notifications/{note_id}")
    assert opened.status_code == 302 and opened.headers["Location"] == "/events"
    assert services.unread_count(person) == 1
    assert client.post("/notifications/read").status_code == 302
    assert services.unread_count(person) == 0
    assert client.get("/notifications/bell").data.count(b"wp_bell__count") == 0


def test_the_header_has_a_plain_link_and_a_lazy_bell(client, login, make_user):
    login(make_user(Role.PRACTITIONER))
    home = " ".join(client.get("/notifications").data.decode().split())  # attributes may wrap in the source
    assert 'id="notification-bell" href="/notifications" data-hx-get="/notifications/bell"' in home


def test_settings_are_saved_per_kind(client, login, make_user):
    person = make_user(Role.PRACTITIONER)
    login(person)
    assert client.get("/notifications/settings").status_code == 200
    response = client.post("/notifications/settings", data={"reply": "weekly", "mention": "off"})
    assert response.status_code == 302
    chosen = services.preferences(person)
    assert chosen["reply"] == "weekly" and chosen["mention"] == "off" and chosen["comment"] == "immediately"
    assert client.post("/notifications/settings", data={"reply": "hourly"}).status_code == 422


def test_unsubscribe_without_signing_in(app, client, make_user):
    person = make_user(Role.PRACTITIONER, name="Morag")
    _, token = _note(app, person)
    page = client.get(f"/notifications/unsubscribe/{token}")
    assert page.status_code == 200 and b"Stop these e-mails" in page.data
    assert services.preferences(person)["reply"] == "immediately"  # a GET (e.g. a link scanner) changes nothing
    done = client.post(f"/notifications/unsubscribe/{token}")
    assert done.status_code == 200 and b"will get no more e-mails" in done.data
    assert services.preferences(person)["reply"] == "off"
    assert client.get("/notifications/unsubscribe/forged.token.here").status_code == 404
