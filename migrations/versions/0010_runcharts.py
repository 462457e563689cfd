"""runcharts: better-is-up/down and chart kind per measure; phase starts of a measure's chart

Revision ID: 0010_runcharts
Revises: 0010_record
Create Date: 2026-11-30 17:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0010_runcharts'
down_revision = "0010_record"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('enquiry_measure') as batch:
        batch.add_column(sa.Column('better', sa.String(length=4), nullable=False, server_default=''))
        batch.add_column(sa.Column('chart', sa.String(length=4), nullable=False, server_default='run'))
    op.create_table(
        'enquiry_measure_phase',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('measure_id', sa.Integer(), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=False),
        sa.Column('label', sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(['measure_id'], ['enquiry_measure.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('measure_id', 'starts_on', name='uq_enquiry_measure_phase_measure_on'),
    )
    op.create_index('ix_enquiry_measure_phase_measure_id', 'enquiry_measure_phase', ['measure_id'])


def downgrade():
    op.drop_index('ix_enquiry_measure_phase_measure_id', table_name='enquiry_measure_phase')
    op.drop_table('enquiry_measure_phase')
    with op.batch_alter_table('enquiry_measure') as batch:
        batch.drop_column('chart')
        batch.drop_column('better')
