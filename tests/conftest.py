"""Fixtures: the app on SQLite and on a real PostgreSQL server, a real SMTP server, clients, sign-in."""

import json
import os
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask.testing import FlaskClient
from sqlalchemy import make_url, select

from portal import create_app
from portal.accounts.models import User
from portal.config import TestConfig
from portal.core import collector
from portal.demo.commands import load_demo
from portal.extensions import db
from portal.organisations.reference import ensure_authorities
from tests.factories import make_establishment, make_user  # noqa: F401  (fixtures)
from tests.support.once import once_per_session, shared_folder
from tests.support.postgres import PG_BIN, PostgresServer
from tests.support.smtp import outbox_deliverer, start_smtp

DATABASES = ["sqlite", "postgresql"]


# The longest tests first. pytest-xdist hands tests to the workers in collection order, and the walks over every
# route (collected last, as tests/test_*.py sort after the domain folders) each take a minute: started last, they
# kept one worker busy while the others had finished. Then the browser tests, then the rest (quick ones fill in).
LONGEST_FIRST = (
    "tests/test_hostile_inputs.py",
    "tests/test_access_matrix.py",
    "tests/system/",
    "tests/bench/test_page_queries.py",
    "tests/browser/test_phones.py",
    "tests/browser/test_leaders_year.py",
    "tests/browser/",
)


def pytest_collection_finish(session):
    # As a web worker does once the portal is loaded (portal/core/collector.py): the full passes over each worker's
    # heap (several portals, their templates and mappings) and the young pass every 700 allocations cost about an
    # eighth of the suite's CPU.
    collector.settle()


def pytest_collection_modifyitems(items):
    def rank(item) -> int:
        return next((i for i, prefix in enumerate(LONGEST_FIRST) if item.nodeid.startswith(prefix)), len(LONGEST_FIRST))

    items.sort(key=rank)  # stable: collection order within each rank


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


@pytest.fixture(scope="session", autouse=True)
def _compiled_templates_shared(tmp_path_factory):
    """Every portal the session builds (per worker, engine and test) loads compiled templates from one folder
    instead of compiling all of them again (about a second and a half per portal)."""
    TestConfig.TEMPLATE_CACHE_DIR = str(shared_folder(tmp_path_factory) / "compiled-templates")
    yield
    TestConfig.TEMPLATE_CACHE_DIR = ""


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
    yield application
    with application.app_context():
        db.engine.dispose()  # no connection left for the garbage collector to warn about at the end


def _empty_tables() -> None:
    """Empty every table and restart every sequence in one round trip: far cheaper than TRUNCATE (which makes
    new files for every table) on the small tables a test leaves behind. Until the transaction ends, foreign keys
    are not checked (`session_replication_role = replica`: every table is being emptied, or filled from a
    consistent copy), which made emptying the demo 86-147 ms and copying it back 62-105 ms, against 5-29 and
    21-41 without the checks."""
    deletes = "; ".join(f'DELETE FROM "{t.name}"' for t in reversed(db.metadata.sorted_tables))
    db.session.connection().exec_driver_sql(
        f"SET LOCAL session_replication_role = replica; {deletes}; "
        "SELECT setval(c.oid::regclass, 1, false) FROM pg_class c WHERE c.relkind = 'S'"
    )


def fresh_sqlite_file(template: Path, path: Path) -> None:
    """Put a copy of `template` at `path` as a new file, never written over the old one: a connection an earlier
    test left open keeps the old file (and, in write-ahead-log mode, its own log and shared-memory index), so it
    can never see the new file change under it (writing over it in place gave "disk I/O error")."""
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    copy = path.with_name(path.name + ".copy")
    shutil.copyfile(template, copy)
    os.replace(copy, path)


@pytest.fixture(params=DATABASES)
def app(request, tmp_path, smtp_server):
    """The portal on a fresh database: a copy of the SQLite template, or the worker's PostgreSQL database
    emptied. The app and the schema are built once per worker and engine, never per test (building the URL
    map was most of a test's setup); each test gets the test configuration back and its own file folders."""
    if request.param == "sqlite":
        application, path = request.getfixturevalue("sqlite_app")
        fresh_sqlite_file(request.getfixturevalue("sqlite_template"), path)
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


# What load_demo() left, per worker process and engine, copied into each test that asks for the demo: on SQLite the
# session's shared file, on PostgreSQL a schema of the worker's database filled by its first such test.
_DEMO_SNAPSHOTS: dict[str, SimpleNamespace] = {}
_SEQUENCES_TO_MAX = """DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
  LOOP
    EXECUTE format('SELECT setval(%%L, coalesce((SELECT max(%%I) FROM %%I), 0) + 1, false)', r.seq, r.col, r.tbl);
  END LOOP; END $$"""


def build_sqlite_demo(folder: Path) -> None:
    """`flask demo load` in a new SQLite database (the test schema with the eight authorities): `demo.db`, the
    `uploads/` it wrote and `people.json` (each demo person's id and e-mail by key). Built once per session and
    shared by every worker: the `demo` fixture's SQLite copies and the browser tests' served portal."""
    app = create_app(
        config_for_tests(SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder / 'demo.db'}", UPLOAD_ROOT=str(folder / "uploads"))
    )
    with app.app_context():
        db.create_all()
        ensure_authorities()
        db.session.commit()
        people = {key: {"id": user.id, "email": user.email} for key, user in load_demo().users.items()}
        db.session.remove()
        db.engine.dispose()
    (folder / "people.json").write_text(json.dumps(people))


def sqlite_demo(tmp_path_factory) -> tuple[Path, dict]:
    """The session's shared SQLite demo: its folder and its people by key."""
    folder = once_per_session(tmp_path_factory, "sqlite-demo", build_sqlite_demo)
    return folder, json.loads((folder / "people.json").read_text())


def _pg_tool(name: str, app, *args: str) -> None:
    """pg_dump or pg_restore on the portal's PostgreSQL database."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).set(drivername="postgresql").render_as_string(False)
    subprocess.run([str(PG_BIN / name), f"--dbname={url}", *args], check=True, capture_output=True)


def _snapshot_demo(app, tmp_path_factory):
    """The demo in the test's (empty) PostgreSQL database, and a copy of every table in a schema of its own. The
    session's first worker to ask runs load_demo() for real and leaves its rows (a data-only pg_dump), its people's
    ids and the uploads it wrote for the others, which restore them (a second or so, against several for loading).
    (SQLite copies the session's shared demo file: see `sqlite_demo`.)"""
    built_here = []

    def build(folder):
        ids = {key: user.id for key, user in load_demo().users.items()}
        db.session.commit()
        _pg_tool("pg_dump", app, "--data-only", "--format=custom", f"--file={folder / 'demo.pgdump'}")
        (folder / "ids.json").write_text(json.dumps(ids))
        if Path(app.config["UPLOAD_ROOT"]).exists():
            shutil.copytree(app.config["UPLOAD_ROOT"], folder / "uploads")
        built_here.append(folder)

    folder = once_per_session(tmp_path_factory, "postgresql-demo", build)
    if not built_here:
        _empty_tables()
        db.session.commit()
        _pg_tool(
            "pg_restore", app, "--data-only", "--disable-triggers", "--single-transaction", str(folder / "demo.pgdump")
        )
        if (folder / "uploads").exists():
            shutil.copytree(folder / "uploads", app.config["UPLOAD_ROOT"], dirs_exist_ok=True)
    ids = json.loads((folder / "ids.json").read_text())
    copies = "; ".join(
        f'CREATE TABLE demo_snapshot."{t.name}" AS TABLE public."{t.name}"' for t in db.metadata.sorted_tables
    )
    db.session.connection().exec_driver_sql(
        f"DROP SCHEMA IF EXISTS demo_snapshot CASCADE; CREATE SCHEMA demo_snapshot; {copies}"
    )
    db.session.commit()
    return SimpleNamespace(folder=folder, ids=ids)


def _restore_demo(engine: str, app, sqlite_path, snapshot) -> None:
    if engine == "sqlite":
        db.session.remove()
        db.engine.dispose()
        fresh_sqlite_file(snapshot.folder / "demo.db", sqlite_path)
    else:
        _empty_tables()
        copies = "; ".join(
            f'INSERT INTO public."{t.name}" ({columns}) SELECT {columns} FROM demo_snapshot."{t.name}"'
            for t in db.metadata.sorted_tables
            # a column the database writes itself (a post's stored words) is written again by it, never copied
            if (columns := ", ".join(f'"{c.name}"' for c in t.columns if c.computed is None))
        )
        db.session.connection().exec_driver_sql(f"{copies}; {_SEQUENCES_TO_MAX}")
        db.session.commit()
    if (snapshot.folder / "uploads").exists():
        shutil.copytree(snapshot.folder / "uploads", app.config["UPLOAD_ROOT"], dirs_exist_ok=True)


@pytest.fixture
def demo(app, request, tmp_path_factory):
    """The demo data, as `flask demo load` leaves it, in the test's fresh database. load_demo() runs for real
    once per session for SQLite and in the first test per worker on PostgreSQL; every other test gets a copy of
    what it left (loading takes several seconds). `users` holds the demo's people by key, `ids` their ids."""
    engine = db.engine.dialect.name
    if engine == "sqlite":
        if engine not in _DEMO_SNAPSHOTS:
            folder, people = sqlite_demo(tmp_path_factory)
            _DEMO_SNAPSHOTS[engine] = SimpleNamespace(folder=folder, ids={k: p["id"] for k, p in people.items()})
        _restore_demo(engine, app, request.getfixturevalue("sqlite_app")[1], _DEMO_SNAPSHOTS[engine])
    elif engine not in _DEMO_SNAPSHOTS:
        _DEMO_SNAPSHOTS[engine] = _snapshot_demo(app, tmp_path_factory)
    else:
        _restore_demo(engine, app, None, _DEMO_SNAPSHOTS[engine])
    ids = _DEMO_SNAPSHOTS[engine].ids
    users = {user.id: user for user in db.session.scalars(select(User).where(User.id.in_(ids.values())))}
    return SimpleNamespace(ids=dict(ids), users={key: users[i] for key, i in ids.items()})


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
