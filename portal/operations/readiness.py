"""Is this host ready for traffic: the database answers and its schema is at the code's migration head."""

from functools import cache
from pathlib import Path

from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from flask import current_app
from sqlalchemy import text

from portal.extensions import db


@cache
def migration_heads(migrations: str) -> frozenset[str]:
    """The head revision(s) the code ships (read once per process: files do not change while it runs)."""
    config = AlembicConfig()
    config.set_main_option("script_location", migrations)
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def readiness() -> list[str]:
    """What stops this host serving (empty when ready)."""
    migrations = str(Path(current_app.root_path).parent / "migrations")
    try:
        current = set(db.session.scalars(text("SELECT version_num FROM alembic_version")))
    except Exception as error:  # unreachable, or never migrated: either way not ready
        db.session.rollback()
        current_app.logger.warning("not ready: %s", error)
        return ["The database is unreachable or has never been migrated."]
    finally:
        db.session.remove()
    if current != migration_heads(migrations):
        return [f"The database is at {sorted(current)}; the code expects {sorted(migration_heads(migrations))}."]
    return []
