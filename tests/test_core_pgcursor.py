"""PostgreSQL's cursor describes a result's columns only when they are read, and then as psycopg does."""

import psycopg
import pytest
from sqlalchemy import select, text

from portal.core.pgcursor import DescribedOnReadCursor
from portal.extensions import db
from portal.organisations.models import LocalAuthority


@pytest.mark.parametrize("app", ["postgresql"], indirect=True)
def test_columns_are_described_when_read_and_as_psycopg_describes_them(app):
    raw = db.session.connection().connection.dbapi_connection
    assert raw.cursor_factory is DescribedOnReadCursor
    cursor = raw.cursor()
    cursor.execute("SELECT id, name, 1.5::numeric(4, 2) AS ratio FROM local_authority ORDER BY id LIMIT 1")
    described = cursor.description
    assert len(described) == 3 and described._columns is None  # nothing built yet
    plain = psycopg.Cursor(raw)
    plain.execute("SELECT id, name, 1.5::numeric(4, 2) AS ratio FROM local_authority ORDER BY id LIMIT 1")
    assert [tuple(c) for c in described] == [tuple(c) for c in plain.description]
    assert [c.name for c in described] == ["id", "name", "ratio"] and described[2].scale == 2
    cursor.execute("SELECT 1 AS one")
    assert cursor.description[0].name == "one"
    cursor.execute("SET statement_timeout = 0")
    assert cursor.description is None  # a statement returning no rows describes none, as psycopg says


@pytest.mark.parametrize("app", ["postgresql"], indirect=True)
def test_a_description_read_late_refuses_rather_than_describing_another_result(app):
    cursor = db.session.connection().connection.dbapi_connection.cursor()
    cursor.execute("SELECT 1 AS one")
    described = cursor.description
    cursor.execute("SELECT 2 AS two, 3 AS three")
    with pytest.raises(RuntimeError):
        described[0]


def test_results_read_by_name_on_both_databases(app):
    # Textual SQL gives SQLAlchemy no columns of its own: it reads the description's names.
    row = db.session.execute(text("SELECT name AS la_name, id FROM local_authority ORDER BY id LIMIT 1")).one()
    assert row._mapping["la_name"] == db.session.scalar(select(LocalAuthority.name).order_by(LocalAuthority.id))
