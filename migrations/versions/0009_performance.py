"""performance: per-domain scores of submitted evaluations (leadership insights)

Revision ID: 0009_performance
Revises: 0008_network_teams (the lead re-chains it after 0008_network_teams)
Create Date: 2026-11-24 00:23:24.375627

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_performance'
down_revision = '0008_network_teams'
branch_labels = None
depends_on = None


def _backfill_scores():
    """Every submitted evaluation's rating total and count per domain key (as portal.leadership.insights
    writes them at submission); lightweight tables so the migration never depends on today's models."""
    evaluation = sa.table('self_evaluation', sa.column('id'), sa.column('framework_id'), sa.column('owner_id'),
                          sa.column('status'), sa.column('submitted_at'))
    answer = sa.table('evaluation_answer', sa.column('evaluation_id'), sa.column('item_id'), sa.column('rating'))
    item = sa.table('framework_item', sa.column('id'), sa.column('section_id'))
    section = sa.table('framework_section', sa.column('id'), sa.column('key'), sa.column('short_title'))
    score = sa.table('evaluation_domain_score', *(sa.column(c) for c in (
        'evaluation_id', 'framework_id', 'owner_id', 'year', 'section_key', 'title', 'rating_sum', 'rating_count')))
    year = sa.cast(sa.extract('year', evaluation.c.submitted_at), sa.Integer)
    source = (
        sa.select(evaluation.c.id, evaluation.c.framework_id, evaluation.c.owner_id, year, section.c.key,
                  sa.func.max(section.c.short_title), sa.func.sum(answer.c.rating), sa.func.count(answer.c.rating))
        .select_from(evaluation)
        .join(answer, answer.c.evaluation_id == evaluation.c.id)
        .join(item, item.c.id == answer.c.item_id)
        .join(section, section.c.id == item.c.section_id)
        .where(evaluation.c.status == 'submitted')
        .group_by(evaluation.c.id, evaluation.c.framework_id, evaluation.c.owner_id, year, section.c.key)
    )
    op.execute(score.insert().from_select(list(score.c.keys()), source))


def upgrade():
    op.create_table('evaluation_domain_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('framework_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('section_key', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=60), nullable=False),
    sa.Column('rating_sum', sa.Integer(), nullable=False),
    sa.Column('rating_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['self_evaluation.id'], name=op.f('fk_evaluation_domain_score_evaluation_id_self_evaluation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['framework_id'], ['framework.id'], name=op.f('fk_evaluation_domain_score_framework_id_framework')),
    sa.ForeignKeyConstraint(['owner_id'], ['user_account.id'], name=op.f('fk_evaluation_domain_score_owner_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_domain_score')),
    sa.UniqueConstraint('evaluation_id', 'section_key', name='uq_evaluation_domain_score_evaluation_id_key')
    )
    with op.batch_alter_table('evaluation_domain_score', schema=None) as batch_op:
        batch_op.create_index('ix_evaluation_domain_score_insights', ['framework_id', 'section_key', 'year', 'owner_id', 'title', 'rating_sum', 'rating_count'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluation_domain_score_owner_id'), ['owner_id'], unique=False)
    _backfill_scores()


def downgrade():
    with op.batch_alter_table('evaluation_domain_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_domain_score_owner_id'))
        batch_op.drop_index('ix_evaluation_domain_score_insights')

    op.drop_table('evaluation_domain_score')
