"""pg9: discussion search on PostgreSQL reads each post's stored words through a GIN index; topics by latest post

Revision ID: 0016_pg9
Revises: 0015_rows17
Create Date: 2026-12-01 16:20:00

`discussion_post.body_words` is `to_tsvector('english', body)`, a column the database writes itself, with a GIN index:
a search checked each post's body by parsing it again (a forum's 10,000 posts for a word nobody wrote: 350 ms).
On SQLite (which searches with LIKE) the column is a virtual NULL (never stored) and its index is empty (WHERE 0).
`ix_discussion_topic_last_post_at`: "what's new" for someone who sees every space reads topics newest first and stops
at the 50th, instead of reading every topic of the last 60 days and sorting them (both databases).
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR

revision = "0016_pg9"
down_revision = "0015_rows17"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        words = sa.Column("body_words", TSVECTOR(), sa.Computed("to_tsvector('english', body)", persisted=True))
    else:
        words = sa.Column("body_words", sa.Text(), sa.Computed("NULL"))  # virtual: SQLite adds no stored column
    op.add_column("discussion_post", words)
    op.create_index(
        "ix_discussion_post_body_words",
        "discussion_post",
        ["body_words"],
        unique=False,
        postgresql_using="gin",
        sqlite_where=sa.false(),
    )
    op.create_index("ix_discussion_topic_last_post_at", "discussion_topic", ["last_post_at"], unique=False)


def downgrade():
    op.drop_index("ix_discussion_topic_last_post_at", table_name="discussion_topic")
    op.drop_index("ix_discussion_post_body_words", table_name="discussion_post")
    with op.batch_alter_table("discussion_post") as batch:
        batch.drop_column("body_words")
