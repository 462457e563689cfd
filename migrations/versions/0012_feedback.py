"""feedback: event feedback (one per person per event), the prompts that asked for it, and the end-of-year
evaluation of each network (rounds per school year, one evaluation per person per network)

Revision ID: 0012_feedback
Revises: 0011_leader
Create Date: 2026-12-01 00:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0012_feedback"
down_revision = "0011_leader"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('network_evaluation_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=False),
    sa.Column('closes_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_evaluation_round')),
    sa.UniqueConstraint('school_year', name=op.f('uq_network_evaluation_round_school_year'))
    )
    op.create_table('network_evaluation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('network_kind', sa.String(length=10), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('progress', sa.SmallInteger(), nullable=False),
    sa.Column('impact', sa.SmallInteger(), nullable=False),
    sa.Column('progress_text', sa.Text(), nullable=False),
    sa.Column('helped', sa.Text(), nullable=False),
    sa.Column('hindered', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['network_evaluation_round.id'], name=op.f('fk_network_evaluation_round_id_network_evaluation_round'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_network_evaluation_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_evaluation')),
    sa.UniqueConstraint('round_id', 'network_kind', 'network_id', 'user_id', name='uq_network_evaluation_once')
    )
    with op.batch_alter_table('network_evaluation', schema=None) as batch_op:
        batch_op.create_index('ix_network_evaluation_network', ['round_id', 'network_kind', 'network_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_evaluation_user_id'), ['user_id'], unique=False)

    op.create_table('event_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.SmallInteger(), nullable=False),
    sa.Column('do_differently', sa.Text(), nullable=False),
    sa.Column('confidence_before', sa.SmallInteger(), nullable=False),
    sa.Column('confidence_after', sa.SmallInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_feedback_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_event_feedback_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_feedback')),
    sa.UniqueConstraint('event_id', 'user_id', name='uq_event_feedback_event_id_user_id')
    )
    with op.batch_alter_table('event_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_feedback_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_feedback_user_id'), ['user_id'], unique=False)

    op.create_table('event_feedback_prompt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_feedback_prompt_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_event_feedback_prompt_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_feedback_prompt')),
    sa.UniqueConstraint('event_id', 'user_id', name='uq_event_feedback_prompt_event_id_user_id')
    )
    with op.batch_alter_table('event_feedback_prompt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_feedback_prompt_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_feedback_prompt_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('event_feedback_prompt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_feedback_prompt_user_id'))
        batch_op.drop_index(batch_op.f('ix_event_feedback_prompt_event_id'))

    op.drop_table('event_feedback_prompt')
    with op.batch_alter_table('event_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_feedback_user_id'))
        batch_op.drop_index(batch_op.f('ix_event_feedback_event_id'))

    op.drop_table('event_feedback')
    with op.batch_alter_table('network_evaluation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_evaluation_user_id'))
        batch_op.drop_index('ix_network_evaluation_network')

    op.drop_table('network_evaluation')
    op.drop_table('network_evaluation_round')
