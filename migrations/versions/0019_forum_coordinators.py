"""forum coordinators: a partial index of each forum's coordinators

Revision ID: 0019_forum_coordinators
Revises: 0018_people_search
Create Date: 2026-12-01 23:30:00

The forums list and every forum page name each forum's coordinators, a handful among hundreds of members. They
were found by reading every membership of the forums and checking its flag (5,346 rows for the forums list on the
scale data); the index holds the coordinators' memberships only.
"""

import sqlalchemy as sa
from alembic import op

revision = "0019_forum_coordinators"
down_revision = "0018_people_search"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_forum_membership_coordinators",
        "forum_membership",
        ["forum_id"],
        unique=False,
        sqlite_where=sa.text("coordinator IS 1"),
        postgresql_where=sa.text("coordinator IS true"),
    )


def downgrade():
    op.drop_index("ix_forum_membership_coordinators", table_name="forum_membership")
