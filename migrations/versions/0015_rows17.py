"""rows17: the people list and "my teams" read a page in the order of an index

Revision ID: 0015_rows17
Revises: 0014_snap17
Create Date: 2026-12-01 13:30:00

`ix_user_account_people_list` (name, id, LA, establishment, e-mail) replaces the plain name index: a page of an
LA's people walks it in name order and stops, a search reads it instead of the table. `ix_enquiry_team_created_at_id`
gives "my teams" its order (newest first), and `ix_enquiry_team_member_authority_id_team_id` (replacing the plain LA
index) gives an LA's teams from the index alone.
"""

from alembic import op


revision = "0015_rows17"
down_revision = "0014_snap17"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_user_account_people_list",
        "user_account",
        ["name", "id", "authority_id", "establishment_id", "email"],
        unique=False,
    )
    op.drop_index("ix_user_account_name", table_name="user_account")
    op.create_index("ix_enquiry_team_created_at_id", "enquiry_team", ["created_at", "id"], unique=False)
    op.create_index(
        "ix_enquiry_team_member_authority_id_team_id", "enquiry_team_member", ["authority_id", "team_id"], unique=False
    )
    op.drop_index("ix_enquiry_team_member_authority_id", table_name="enquiry_team_member")


def downgrade():
    op.create_index("ix_enquiry_team_member_authority_id", "enquiry_team_member", ["authority_id"], unique=False)
    op.drop_index("ix_enquiry_team_member_authority_id_team_id", table_name="enquiry_team_member")
    op.drop_index("ix_enquiry_team_created_at_id", table_name="enquiry_team")
    op.create_index("ix_user_account_name", "user_account", ["name"], unique=False)
    op.drop_index("ix_user_account_people_list", table_name="user_account")
