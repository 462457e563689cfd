"""`flask db upgrade` on an empty database yields exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, select, text

from portal import create_app
from portal.core.textindex import compared_with_the_models
from portal.extensions import db
from portal.organisations.models import LocalAuthority
from tests.conftest import config_for_tests


def _check(url: str) -> None:
    app = create_app(config_for_tests(SQLALCHEMY_DATABASE_URI=url))
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            opts = {"compare_type": True, "include_name": compared_with_the_models}
            diff = compare_metadata(MigrationContext.configure(conn, opts=opts), db.metadata)
        assert diff == [], f"migrations and models differ: {diff}"
        assert len(db.session.scalars(select(LocalAuthority)).all()) == 8
        db.session.remove()
        db.engine.dispose()


def test_migrations_match_models_on_sqlite(tmp_path):
    _check(f"sqlite:///{tmp_path / 'migrated.db'}")


def test_migrations_match_models_on_postgresql(postgres):
    url = postgres.create_database("portal_migrations")
    _check(url)
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from alembic_version")).scalar() == 1
    engine.dispose()
