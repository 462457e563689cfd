"""trust-b: a measure's unit (number, percentage or count) bounds its values

Revision ID: 0010_trust_b
Revises: 0010_trust_a
Create Date: 2026-11-30 16:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0010_trust_b'
down_revision = "0010_trust_a"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('enquiry_measure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit', sa.String(length=16), server_default='number', nullable=False))


def downgrade():
    with op.batch_alter_table('enquiry_measure', schema=None) as batch_op:
        batch_op.drop_column('unit')
