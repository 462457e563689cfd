"""leader: PRD targets (linked to plan goals, with history), the stored sign-off date, forum meeting attendance

Revision ID: 0012_leader
Revises: 0011_leader
Create Date: 2026-12-01 00:10:00

"""

from alembic import op
import sqlalchemy as sa


revision = "0012_leader"
down_revision = "0012_feedback"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "prd_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("school_year", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("shared_with_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["goal_id"], ["plan_goal.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["shared_with_id"], ["user_account.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_prd_target_user_id", "prd_target", ["user_id"])
    op.create_index("ix_prd_target_goal_id", "prd_target", ["goal_id"])
    op.create_index("ix_prd_target_shared_with_id", "prd_target", ["shared_with_id"])
    op.create_table(
        "prd_target_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["target_id"], ["prd_target.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_prd_target_revision_target_id", "prd_target_revision", ["target_id"])
    op.create_table(
        "learning_settings",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("signoff_on", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_table(
        "forum_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["forum_meeting.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["user_account.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id", "user_id", name="uq_forum_attendance_meeting_id_user_id"),
    )
    op.create_index("ix_forum_attendance_meeting_id", "forum_attendance", ["meeting_id"])
    op.create_index("ix_forum_attendance_user_id", "forum_attendance", ["user_id"])


def downgrade():
    op.drop_index("ix_forum_attendance_user_id", table_name="forum_attendance")
    op.drop_index("ix_forum_attendance_meeting_id", table_name="forum_attendance")
    op.drop_table("forum_attendance")
    op.drop_table("learning_settings")
    op.drop_index("ix_prd_target_revision_target_id", table_name="prd_target_revision")
    op.drop_table("prd_target_revision")
    op.drop_index("ix_prd_target_shared_with_id", table_name="prd_target")
    op.drop_index("ix_prd_target_goal_id", table_name="prd_target")
    op.drop_index("ix_prd_target_user_id", table_name="prd_target")
    op.drop_table("prd_target")
