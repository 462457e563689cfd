"""snap17: kept report figures and the insert-only change markers that make them stale

Revision ID: 0014_snap17
Revises: 0013_reports2
Create Date: 2026-12-01 11:30:00

`kept_figures` holds a report's computed result (JSON, already through disclosure control) by the hash of its
name and scope, with the data stamp it was computed at; `figures_change` gets one row per transaction that changes
data the reports read, and its largest id and row count are the stamp.
"""

import sqlalchemy as sa
from alembic import op


revision = "0014_snap17"
down_revision = "0013_reports2"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "figures_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figures_change")),
    )
    op.create_table(
        "kept_figures",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_kept_figures")),
    )
    op.create_index(op.f("ix_kept_figures_computed_at"), "kept_figures", ["computed_at"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_kept_figures_computed_at"), table_name="kept_figures")
    op.drop_table("kept_figures")
    op.drop_table("figures_change")
