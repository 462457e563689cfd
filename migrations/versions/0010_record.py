"""record: the professional learning record (learning entries, shared entry by entry with a reviewer)

Revision ID: 0010_record
Revises: 0010_trust_b
Create Date: 2026-11-30 16:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_record'
down_revision = "0010_trust_b"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('learning_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('hours', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.Column('standard', sa.String(length=20), nullable=False),
    sa.Column('sections', sa.String(length=20), nullable=False),
    sa.Column('reflection', sa.Text(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('shared_with_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['shared_with_id'], ['user_account.id'], name=op.f('fk_learning_entry_shared_with_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_learning_entry_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_entry')),
    sa.UniqueConstraint('user_id', 'source', 'source_id', name=op.f('uq_learning_entry_user_id'))
    )
    with op.batch_alter_table('learning_entry', schema=None) as batch_op:
        batch_op.create_index('ix_learning_entry_user_started', ['user_id', 'started_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_learning_entry_shared_with_id'), ['shared_with_id'], unique=False)


def downgrade():
    with op.batch_alter_table('learning_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_entry_shared_with_id'))
        batch_op.drop_index('ix_learning_entry_user_started')
    op.drop_table('learning_entry')
