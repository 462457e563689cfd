"""survey: the annual Conditions for Change survey (instrument versions, invitations, open links, anonymous
responses stored WITHOUT ROWID on SQLite)

Revision ID: 0011_survey
Revises: 0010_runcharts
Create Date: 2026-11-30 18:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0011_survey'
down_revision = "0011_finish"
branch_labels = None
depends_on = None

THEMES = ('reflection', 'planning', 'involvement', 'clpl', 'leadership')


def upgrade():
    op.create_table(
        'cfc_survey',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('school_year', sa.Integer(), nullable=False),
        sa.Column('opens_on', sa.Date(), nullable=False),
        sa.Column('closes_on', sa.Date(), nullable=False),
        sa.Column('open_question', sa.String(length=300), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('school_year'),
    )
    op.create_table(
        'cfc_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('survey_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('in_use', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['survey_id'], ['cfc_survey.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('survey_id', 'number', name='uq_cfc_version_survey_id_number'),
    )
    op.create_index('ix_cfc_version_survey_id', 'cfc_version', ['survey_id'])
    op.create_table(
        'cfc_item',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('theme', sa.String(length=20), nullable=False),
        sa.Column('audience', sa.String(length=8), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('text', sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(['version_id'], ['cfc_version.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_cfc_item_version_id', 'cfc_item', ['version_id'])
    op.create_table(
        'cfc_invitation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('survey_id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('establishment_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.String(length=8), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=True),
        sa.Column('invited_on', sa.Date(), nullable=False),
        sa.Column('reminded_on', sa.Date(), nullable=True),
        sa.Column('answered_on', sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(['survey_id'], ['cfc_survey.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['establishment_id'], ['establishment.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('survey_id', 'email', name='uq_cfc_invitation_survey_id_email'),
        sa.UniqueConstraint('token_hash'),
    )
    op.create_index('ix_cfc_invitation_survey_id', 'cfc_invitation', ['survey_id'])
    op.create_index('ix_cfc_invitation_establishment_id', 'cfc_invitation', ['establishment_id'])
    op.create_table(
        'cfc_open_link',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('survey_id', sa.Integer(), nullable=False),
        sa.Column('establishment_id', sa.Integer(), nullable=False),
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('cap', sa.Integer(), nullable=False),
        sa.Column('used', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['survey_id'], ['cfc_survey.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['establishment_id'], ['establishment.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('token'),
    )
    op.create_index('ix_cfc_open_link_survey_id', 'cfc_open_link', ['survey_id'])
    op.create_index('ix_cfc_open_link_establishment_id', 'cfc_open_link', ['establishment_id'])
    scores = [
        sa.Column(f'{theme}_{part}', sa.Integer(), nullable=False)
        for theme in THEMES
        for part in ('rated', 'agree', 'sum')
    ]
    op.create_table(
        'cfc_response',
        sa.Column('id', sa.String(length=32), nullable=False),
        sa.Column('survey_id', sa.Integer(), nullable=False),
        sa.Column('version_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.String(length=8), nullable=False),
        sa.Column('sector', sa.String(length=12), nullable=False),
        sa.Column('role_group', sa.String(length=20), nullable=False),
        sa.Column('years_in_post', sa.String(length=8), nullable=False),
        sa.Column('authority_id', sa.Integer(), nullable=False),
        sa.Column('establishment_id', sa.Integer(), nullable=True),
        sa.Column('answers', sa.Text(), nullable=False),
        sa.Column('open_answer', sa.Text(), nullable=False),
        *scores,
        sa.ForeignKeyConstraint(['survey_id'], ['cfc_survey.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['version_id'], ['cfc_version.id']),
        sa.ForeignKeyConstraint(['authority_id'], ['local_authority.id']),
        sa.ForeignKeyConstraint(['establishment_id'], ['establishment.id']),
        sa.PrimaryKeyConstraint('id'),
        sqlite_with_rowid=False,
    )
    op.create_index('ix_cfc_response_survey_id', 'cfc_response', ['survey_id'])
    op.create_index('ix_cfc_response_version_id', 'cfc_response', ['version_id'])
    op.create_index('ix_cfc_response_authority_id', 'cfc_response', ['authority_id'])


def downgrade():
    op.drop_table('cfc_response')
    op.drop_table('cfc_open_link')
    op.drop_table('cfc_invitation')
    op.drop_table('cfc_item')
    op.drop_table('cfc_version')
    op.drop_table('cfc_survey')
