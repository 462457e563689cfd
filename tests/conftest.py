"""Fixtures: the app on SQLite and on a real PostgreSQL server, a real SMTP server, clients, sign-in."""

import shutil

import pytest
from flask.testing import FlaskClient

from portal import create_app
from portal.config import TestConfig
from portal.extensions import db
from portal.organisations.reference import ensure_authorities
from tests.factories import make_establishment, make_user  # noqa: F401  (fixtures)
from tests.support.postgres import PostgresServer
from tests.support.smtp import outbox_deliverer, start_smtp

DATABASES = ["sqlite", "postgresql"]


class FreshContextClient(FlaskClient):
    """Each request runs in its own app context, as in production: a fresh `g` (the signed-in user, the
    query count) and a fresh database session, so tests see real query counts and committed data only."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


def config_for_tests(**overrides) -> dict:
    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    config.update(overrides)
    return config


@pytest.fixture(scope="session")
def postgres():
    server = PostgresServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def smtp_server():
    controller, box = start_smtp()
    yield controller, box
    controller.stop()


@pytest.fixture
def mailbox(smtp_server):
    box = smtp_server[1]
    box.reset()
    return box


def _app_for(url: str, smtp_port: int):
    application = create_app(config_for_tests(SQLALCHEMY_DATABASE_URI=url, MAIL_PORT=smtp_port))
    application.test_client_class = FreshContextClient
    return application


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """The SQLite schema (with the eight authorities), built once per worker; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "portal.db"
    app = create_app(config_for_tests(SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}"))
    with app.app_context():
        db.create_all()
        ensure_authorities()
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return path


@pytest.fixture(scope="session")
def sqlite_app(tmp_path_factory, sqlite_template, smtp_server):
    """One portal per worker on a SQLite file that each test replaces with a copy of the template."""
    path = tmp_path_factory.mktemp("sqlite") / "portal.db"
    return _app_for(f"sqlite:///{path}", smtp_server[0].port), path


@pytest.fixture(scope="session")
def pg_app(postgres, worker_id, smtp_server):
    """One portal per worker on its own PostgreSQL database; the schema is created once, emptied per test."""
    application = _app_for(postgres.create_database(f"portal_test_{worker_id}"), smtp_server[0].port)
    with application.app_context():
        db.create_all()
        db.session.remove()
    return application


def _empty_tables() -> None:
    """Empty every table and restart every sequence in one round trip: far cheaper than TRUNCATE (which makes
    new files for every table) on the small tables a test leaves behind."""
    deletes = "; ".join(f'DELETE FROM "{t.name}"' for t in reversed(db.metadata.sorted_tables))
    db.session.connection().exec_driver_sql(
        f"{deletes}; SELECT setval(c.oid::regclass, 1, false) FROM pg_class c WHERE c.relkind = 'S'"
    )


def _fresh_sqlite_file(template, path) -> None:
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(template, path)


@pytest.fixture(params=DATABASES)
def app(request, tmp_path, smtp_server):
    """The portal on a fresh database: a copy of the SQLite template, or the worker's PostgreSQL database
    emptied. The app and the schema are built once per worker and engine, never per test (building the URL
    map was most of a test's setup); each test gets the test configuration back and its own file folders."""
    if request.param == "sqlite":
        application, path = request.getfixturevalue("sqlite_app")
        _fresh_sqlite_file(request.getfixturevalue("sqlite_template"), path)
    else:
        application = request.getfixturevalue("pg_app")
    saved_config = dict(application.config)
    application.config.update(UPLOAD_ROOT=str(tmp_path / "uploads"), MAIL_OUTBOX=str(tmp_path / "outbox"))
    smtp_server[1].deliver = outbox_deliverer(application)
    try:
        with application.app_context():
            if request.param == "postgresql":
                _empty_tables()
                ensure_authorities()
                db.session.commit()
            yield application
            db.session.remove()
            if request.param == "sqlite":
                db.engine.dispose()  # the file is replaced before the next test
    finally:
        smtp_server[1].deliver = lambda: None
        application.config.clear()
        application.config.update(saved_config)


@pytest.fixture
def own_app(tmp_path, sqlite_template):
    """A portal of the test's own, for the rare test that changes the app itself (adds a route)."""
    shutil.copyfile(sqlite_template, tmp_path / "portal.db")
    application = _app_for(f"sqlite:///{tmp_path / 'portal.db'}", 0)
    with application.app_context():
        yield application
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def login(client):
    """Sign a user in on the test client (the sign-in form itself is tested in tests/accounts)."""

    def sign_in(user, on=None):
        target = on or client
        with target.session_transaction() as session:
            session["_user_id"] = str(user.id)
            session["_sv"] = user.session_version  # the session generation (portal/accounts/sessions.py)
            session["_fresh"] = True
        return target

    return sign_in


@pytest.fixture
def htmx_get(client):
    def get(url, target, **headers):
        return client.get(url, headers={"HX-Request": "true", "HX-Target": target, **headers})

    return get
