"""Health checks for the load balancer, JSON logs with a request id, and the optional Sentry DSN."""

import json
import logging

from flask_migrate import upgrade

from portal import create_app
from portal.extensions import db
from portal.operations.logging import JsonFormatter
from tests.conftest import config_for_tests


def test_healthz_answers_while_the_process_lives(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_readyz_fails_until_the_schema_is_at_the_migration_head(client):
    response = client.get("/readyz")  # the test database is made by create_all: no migration recorded
    assert response.status_code == 503 and response.json["status"] == "fail"


def test_readyz_is_ready_on_a_migrated_database(tmp_path):
    app = create_app(config_for_tests(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'migrated.db'}"))
    with app.app_context():
        upgrade()
        db.session.remove()
    response = app.test_client().get("/readyz")
    assert response.status_code == 200 and response.json == {"status": "ok", "problems": []}
    with app.app_context():
        db.session.execute(db.text("UPDATE alembic_version SET version_num = '0001_initial'"))
        db.session.commit()
    assert app.test_client().get("/readyz").status_code == 503
    with app.app_context():
        db.engine.dispose()


def test_readyz_fails_when_the_database_is_unreachable(tmp_path):
    app = create_app(config_for_tests(SQLALCHEMY_DATABASE_URI="postgresql+psycopg://nobody@127.0.0.1:1/none"))
    response = app.test_client().get("/readyz")
    assert response.status_code == 503 and "unreachable" in response.json["problems"][0]


class _Keep(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


def test_each_request_logs_one_json_line_with_its_request_id(app, client):
    app.config["LOG_REQUESTS"] = True
    keep = _Keep()
    access = logging.getLogger("portal.access")
    # Whatever ran before in this process (alembic's fileConfig disables loggers; the level is the root's unless
    # LOG_JSON set it), this logger listens at INFO for the test.
    state = access.level, access.disabled
    access.setLevel(logging.INFO)
    access.disabled = False
    access.addHandler(keep)
    try:
        given = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
        made = client.get("/healthz")
    finally:
        access.removeHandler(keep)
        access.setLevel(state[0])
        access.disabled = state[1]
    assert given.headers["X-Request-ID"] == "abc-123"
    assert len(made.headers["X-Request-ID"]) == 32
    records = keep.records
    assert [r.fields["path"] for r in records] == ["/healthz", "/healthz"]
    with app.test_request_context(headers={"X-Request-ID": "abc-123"}):
        app.preprocess_request()
        line = json.loads(JsonFormatter().format(records[0]))
    assert line["request_id"] == "abc-123" and line["status"] == 200 and line["method"] == "GET"


def test_sentry_is_initialised_only_when_a_dsn_is_set(monkeypatch):
    import sentry_sdk

    calls = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **kwargs: calls.append(kwargs))
    create_app(config_for_tests(SQLALCHEMY_DATABASE_URI="sqlite://"))
    assert calls == []
    create_app(config_for_tests(SQLALCHEMY_DATABASE_URI="sqlite://", SENTRY_DSN="https://key@sentry.example/1"))
    assert calls[0]["dsn"] == "https://key@sentry.example/1" and calls[0]["send_default_pii"] is False


def test_a_web_worker_settles_the_garbage_collector_once_the_portal_is_loaded(tmp_path):
    """gunicorn loads wsgi.py in each worker: the portal it loaded is frozen out of the collector's passes and the
    young pass runs every 50,000 allocations, not 700 (portal/core/collector.py)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from portal.core.collector import THRESHOLDS

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.db'}", "DEMO_MODE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", "import gc, wsgi; print(gc.get_threshold(), gc.get_freeze_count())"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split(") ")
    assert out[0] + ")" == str(THRESHOLDS)
    assert int(out[1]) > 100_000  # the loaded portal: frozen


def test_a_sqlite_database_runs_in_write_ahead_log_mode(tmp_path):
    """Readers never wait for a writer (two web workers on one file) and a commit does not wait for the disk
    twice (portal/extensions.py)."""
    app = create_app(config_for_tests(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'wal.db'}"))
    with app.app_context():
        connection = db.session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        db.session.remove()
        db.engine.dispose()
