"""seek indexes: each forum's coordinators; a leader's evaluations of a framework by date; events to come by context

Revision ID: 0019_seek_indexes
Revises: 0018_people_search
Create Date: 2026-12-01 23:30:00

`ix_forum_membership_coordinators` (partial): the forums list and every forum page name each forum's coordinators,
a handful among hundreds of members. They were found by reading every membership of the forums and checking its
flag (5,346 rows for the forums list on the scale data); the index holds the coordinators' memberships only.

`ix_self_evaluation_owner_framework`: the repeat of an evaluation (the owner's latest evaluation of the same
framework submitted after it, on the development plan and the result page) was found by walking every submitted
evaluation in the region (SQLite chose the index of `status`: 1.4 ms on the scale data); now one seek.

`ix_event_context_ends`: the events list finds, for each kind of context a person may see, the events not yet
ended; the partnership's events were read whole (3,011 on the scale data, 147 to come), for the count and again for
the page (0.5 ms each on SQLite); now a range of the index.
"""

import sqlalchemy as sa
from alembic import op

revision = "0019_seek_indexes"
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
    op.create_index(
        "ix_self_evaluation_owner_framework",
        "self_evaluation",
        ["owner_id", "framework_id", "submitted_at"],
        unique=False,
    )
    op.create_index("ix_event_context_ends", "event", ["context_type", "ends_at"], unique=False)


def downgrade():
    op.drop_index("ix_event_context_ends", table_name="event")
    op.drop_index("ix_self_evaluation_owner_framework", table_name="self_evaluation")
    op.drop_index("ix_forum_membership_coordinators", table_name="forum_membership")
