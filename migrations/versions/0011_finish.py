"""finish: misuse reports and post reports resolved with an outcome; forum needs triaged (merged into another,
with a note); development plan comments resolve

Revision ID: 0011_finish
Revises: 0010_runcharts
Create Date: 2026-11-30 19:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0011_finish"
down_revision = "0010_runcharts"
branch_labels = None
depends_on = None


def _resolved_by(batch_op, table):
    batch_op.add_column(sa.Column("resolved_at", sa.DateTime(), nullable=True))
    batch_op.add_column(sa.Column("resolved_by_id", sa.Integer(), nullable=True))
    batch_op.create_foreign_key(
        batch_op.f(f"fk_{table}_resolved_by_id_user_account"), "user_account", ["resolved_by_id"], ["id"],
        ondelete="SET NULL",
    )


def _drop_resolved_by(batch_op, table):
    batch_op.drop_constraint(batch_op.f(f"fk_{table}_resolved_by_id_user_account"), type_="foreignkey")
    batch_op.drop_column("resolved_by_id")
    batch_op.drop_column("resolved_at")


def upgrade():
    with op.batch_alter_table("gateway_misuse_report", schema=None) as batch_op:
        _resolved_by(batch_op, "gateway_misuse_report")
        batch_op.add_column(sa.Column("outcome", sa.String(length=20), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("outcome_note", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("discussion_report", schema=None) as batch_op:
        _resolved_by(batch_op, "discussion_report")
        batch_op.add_column(sa.Column("outcome", sa.String(length=12), nullable=False, server_default=""))
    with op.batch_alter_table("forum_need", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("triage_note", sa.Text(), nullable=False, server_default=""))
        batch_op.create_foreign_key(
            batch_op.f("fk_forum_need_merged_into_id_forum_need"), "forum_need", ["merged_into_id"], ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("plan_comment", schema=None) as batch_op:
        _resolved_by(batch_op, "plan_comment")


def downgrade():
    with op.batch_alter_table("plan_comment", schema=None) as batch_op:
        _drop_resolved_by(batch_op, "plan_comment")
    with op.batch_alter_table("forum_need", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_forum_need_merged_into_id_forum_need"), type_="foreignkey")
        batch_op.drop_column("triage_note")
        batch_op.drop_column("merged_into_id")
    with op.batch_alter_table("discussion_report", schema=None) as batch_op:
        batch_op.drop_column("outcome")
        _drop_resolved_by(batch_op, "discussion_report")
    with op.batch_alter_table("gateway_misuse_report", schema=None) as batch_op:
        batch_op.drop_column("outcome_note")
        batch_op.drop_column("outcome")
        _drop_resolved_by(batch_op, "gateway_misuse_report")
