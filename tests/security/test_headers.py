"""Headers: no-store on signed-in pages, HSTS outside development, Permissions-Policy, the floor page only
while benchmarking, downloads with one charset and the original name (RFC 6266 filename*)."""

import io

from werkzeug.datastructures import FileStorage

from portal import create_app
from portal.core.roles import Role
from portal.core.uploads import send_stored, store_upload
from tests.conftest import config_for_tests


def test_signed_in_pages_are_never_stored(client, login, make_user):
    anonymous = client.get("/sign-in")
    assert "no-store" not in anonymous.headers.get("Cache-Control", "")
    login(make_user(Role.PRACTITIONER))
    for path in ("/home", "/profile", "/events/"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "no-store", path
    assert "Permissions-Policy" in response.headers and "camera=()" in response.headers["Permissions-Policy"]


def test_hsts_outside_development_only(app, client):
    assert "Strict-Transport-Security" not in client.get("/sign-in").headers
    production = create_app(
        config_for_tests(SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"], ENV_NAME="production")
    )
    response = production.test_client().get("/sign-in")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_floor_page_exists_only_while_benchmarking(app, client):
    assert client.get("/floor").status_code == 404
    app.config["BENCHMARK"] = True
    assert client.get("/floor").status_code == 200


def test_downloads_keep_the_original_name_and_say_one_charset(app):
    with app.test_request_context():
        stored = store_upload(FileStorage(io.BytesIO(b"a,b\n1,2\n"), filename="C:\\Users\\me\\Évaluation début.csv"))
        assert stored.filename == "Évaluation début.csv"
        response = send_stored(stored.key, stored.filename)
        response.close()
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Evaluation_debut.csv"')
    assert "filename*=UTF-8''%C3%89valuation%20d%C3%A9but.csv" in disposition
