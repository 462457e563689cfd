"""trust-a: a development plan's programme year (bookings follow one plan per year); cancelled forum meetings

Revision ID: 0010_trust_a
Revises: 0010_region
Create Date: 2026-11-30 15:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0010_trust_a'  # alembic refuses '-' in ids
down_revision = "0010_region"
branch_labels = None
depends_on = None


def _backfill_plan_years():
    """A plan belongs to the programme year its creation date falls in (lightweight tables, no live models)."""
    plan = sa.table('development_plan', sa.column('id'), sa.column('year_id'), sa.column('created_at'))
    year = sa.table('programme_year', sa.column('id'), sa.column('starts_on'), sa.column('ends_on'))
    made_on = sa.cast(plan.c.created_at, sa.Date)
    match = (
        sa.select(year.c.id)
        .where(year.c.starts_on <= made_on, year.c.ends_on >= made_on)
        .order_by(year.c.starts_on)
        .limit(1)
        .scalar_subquery()
    )
    op.execute(plan.update().values(year_id=match))


def upgrade():
    with op.batch_alter_table('development_plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('year_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_development_plan_year_id'), ['year_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_development_plan_year_id_programme_year'), 'programme_year',
                                    ['year_id'], ['id'], ondelete='SET NULL')
    _backfill_plan_years()
    with op.batch_alter_table('forum_meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cancelled_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('forum_meeting', schema=None) as batch_op:
        batch_op.drop_column('cancelled_at')
    with op.batch_alter_table('development_plan', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_development_plan_year_id_programme_year'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_development_plan_year_id'))
        batch_op.drop_column('year_id')
