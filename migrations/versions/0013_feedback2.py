"""feedback2: who was reminded of each round of the end-of-year evaluation (one reminder per person per round)

Revision ID: 0013_feedback2
Revises: 0012_leader
Create Date: 2026-12-01 02:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0013_feedback2"
down_revision = "0012_leader"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('evaluation_reminder',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['network_evaluation_round.id'], name=op.f('fk_evaluation_reminder_round_id_network_evaluation_round'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_evaluation_reminder_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_reminder')),
    sa.UniqueConstraint('round_id', 'user_id', name='uq_evaluation_reminder_round_id_user_id')
    )
    with op.batch_alter_table('evaluation_reminder', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_reminder_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('evaluation_reminder', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_reminder_user_id'))

    op.drop_table('evaluation_reminder')
