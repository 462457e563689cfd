"""people search: on SQLite, an FTS5 trigram index of people's names and e-mail addresses

Revision ID: 0018_people_search
Revises: 0017_ended
Create Date: 2026-12-01 21:15:00

People search ("name or e-mail contains ...") read all 30,000 people on SQLite, which has no trigram index of its
own (PostgreSQL answers it from pg_trgm, since 0001). An FTS5 table with the trigram tokenizer, holding no text of
its own (it reads `user_account`) and kept by triggers, answers it on SQLite. PostgreSQL is unchanged.
"""

from alembic import op

revision = "0018_people_search"
down_revision = "0017_ended"
branch_labels = None
depends_on = None

INDEX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS user_account_search USING fts5(name, email, content='user_account', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS user_account_search_insert AFTER INSERT ON user_account BEGIN "
    "INSERT INTO user_account_search(rowid, name, email) VALUES (new.id, new.name, new.email); END",
    "CREATE TRIGGER IF NOT EXISTS user_account_search_delete AFTER DELETE ON user_account BEGIN "
    "INSERT INTO user_account_search(user_account_search, rowid, name, email) "
    "VALUES ('delete', old.id, old.name, old.email); END",
    "CREATE TRIGGER IF NOT EXISTS user_account_search_update AFTER UPDATE OF name, email ON user_account BEGIN "
    "INSERT INTO user_account_search(user_account_search, rowid, name, email) "
    "VALUES ('delete', old.id, old.name, old.email); "
    "INSERT INTO user_account_search(rowid, name, email) VALUES (new.id, new.name, new.email); END",
    "INSERT INTO user_account_search(user_account_search) VALUES ('rebuild')",
)


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        for statement in INDEX:
            op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS user_account_search_{trigger}")
        op.execute("DROP TABLE IF EXISTS user_account_search")
