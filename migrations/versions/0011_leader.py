"""leader: one living plan (capacity evaluation, lifecycle, reopening), goal progress, reviews; learning entry revisions

Revision ID: 0011_leader
Revises: 0010_runcharts
Create Date: 2026-11-30 18:50:00

"""

from alembic import op
import sqlalchemy as sa


revision = "0011_leader"
down_revision = "0011_enquiry"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("development_plan") as batch:
        batch.add_column(sa.Column("capacity_evaluation_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("modules_chosen", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("reopened_from", sa.String(length=12), nullable=True))
        batch.add_column(sa.Column("agreed_snapshot", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("change_note", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("completed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("review_prompted", sa.String(length=8), nullable=False, server_default=""))
        batch.create_foreign_key(
            "fk_development_plan_capacity_evaluation_id_self_evaluation",
            "self_evaluation",
            ["capacity_evaluation_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_development_plan_capacity_evaluation_id", ["capacity_evaluation_id"])
    with op.batch_alter_table("plan_goal") as batch:
        batch.add_column(sa.Column("reflection", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("plan_comment") as batch:
        batch.add_column(sa.Column("goal_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_plan_comment_goal_id_plan_goal", "plan_goal", ["goal_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_plan_comment_goal_id", ["goal_id"])
    op.create_table(
        "goal_update",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("file_key", sa.String(length=80), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("enquiry_team_id", sa.Integer(), nullable=True),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["plan_goal.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["author_id"], ["user_account.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["enquiry_team_id"], ["enquiry_team.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["booking_id"], ["event_booking.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_goal_update_goal_id", "goal_update", ["goal_id"])
    op.create_table(
        "plan_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("met_on", sa.Date(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["development_plan.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["reviewer_id"], ["user_account.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_review_plan_id", "plan_review", ["plan_id"])
    op.create_table(
        "learning_entry_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["learning_entry.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_learning_entry_revision_entry_id", "learning_entry_revision", ["entry_id"])


def downgrade():
    op.drop_index("ix_learning_entry_revision_entry_id", table_name="learning_entry_revision")
    op.drop_table("learning_entry_revision")
    op.drop_index("ix_plan_review_plan_id", table_name="plan_review")
    op.drop_table("plan_review")
    op.drop_index("ix_goal_update_goal_id", table_name="goal_update")
    op.drop_table("goal_update")
    with op.batch_alter_table("plan_comment") as batch:
        batch.drop_index("ix_plan_comment_goal_id")
        batch.drop_constraint("fk_plan_comment_goal_id_plan_goal", type_="foreignkey")
        batch.drop_column("goal_id")
    with op.batch_alter_table("plan_goal") as batch:
        batch.drop_column("reflection")
    with op.batch_alter_table("development_plan") as batch:
        batch.drop_index("ix_development_plan_capacity_evaluation_id")
        batch.drop_constraint("fk_development_plan_capacity_evaluation_id_self_evaluation", type_="foreignkey")
        batch.drop_column("review_prompted")
        batch.drop_column("completed_at")
        batch.drop_column("change_note")
        batch.drop_column("agreed_snapshot")
        batch.drop_column("reopened_from")
        batch.drop_column("modules_chosen")
        batch.drop_column("capacity_evaluation_id")
