"""Flask extensions, created unbound and initialised in create_app."""

import sqlite3
import sys

from flask_htmx import HTMX
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Engine, MetaData, event
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    # Named constraints keep Alembic migrations identical on SQLite and PostgreSQL.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


@event.listens_for(Engine, "connect")
def _sqlite_write_ahead_log(dbapi_connection, connection_record) -> None:
    """SQLite, the embedded default, in write-ahead-log mode: readers never wait for a writer (two web workers on
    one file), and a commit appends to the log instead of writing a rollback journal and waiting for the disk
    twice. synchronous=NORMAL: the file is never corrupted; a power cut may lose the last commits before a
    checkpoint (PostgreSQL is the choice where that matters: README, "Running the region")."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


@event.listens_for(Engine, "connect")
def _postgresql_cursor(dbapi_connection, connection_record) -> None:
    """PostgreSQL's cursors describe a result's columns only when they are read (`core.pgcursor`). psycopg is
    imported only where PostgreSQL is used: loaded for nothing beside SQLite, its objects made every full pass of the
    garbage collector longer (the audit log in process, 4-6 ms a request against 8-10)."""
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None and isinstance(dbapi_connection, psycopg.Connection):
        from portal.core.pgcursor import DescribedOnReadCursor

        dbapi_connection.cursor_factory = DescribedOnReadCursor


db = SQLAlchemy(model_class=Base)  # lists page through portal.core.paging.paginate, never db.paginate
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
htmx = HTMX()
