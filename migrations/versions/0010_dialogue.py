"""dialogue: discussion topics, posts, reports and reads; notifications and e-mail preferences

Revision ID: 0010_dialogue
Revises: 0010_gateway
Create Date: 2026-11-30 16:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0010_dialogue'
down_revision = "0010_gateway"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'discussion_topic',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('space_type', sa.String(length=40), nullable=False),
        sa.Column('space_id', sa.Integer(), nullable=False),
        sa.Column('anchor', sa.String(length=60), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('last_post_at', sa.DateTime(), nullable=False),
        sa.Column('post_count', sa.Integer(), nullable=False),
        sa.Column('resolved_at', sa.DateTime(), nullable=True),
        sa.Column('resolved_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_discussion_topic_author_id_user_account'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['resolved_by_id'], ['user_account.id'], name=op.f('fk_discussion_topic_resolved_by_id_user_account'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_discussion_topic')),
    )
    with op.batch_alter_table('discussion_topic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discussion_topic_author_id'), ['author_id'], unique=False)
        batch_op.create_index('ix_discussion_topic_space', ['space_type', 'space_id', 'last_post_at'], unique=False)

    op.create_table(
        'discussion_post',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('topic_id', sa.Integer(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('body_html', sa.Text(), nullable=False),
        sa.Column('quote_of_id', sa.Integer(), nullable=True),
        sa.Column('file_key', sa.String(length=80), nullable=False),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('edited_at', sa.DateTime(), nullable=True),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('deleted_by_id', sa.Integer(), nullable=True),
        sa.Column('delete_reason', sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_discussion_post_author_id_user_account'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['deleted_by_id'], ['user_account.id'], name=op.f('fk_discussion_post_deleted_by_id_user_account'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['quote_of_id'], ['discussion_post.id'], name=op.f('fk_discussion_post_quote_of_id_discussion_post'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['topic_id'], ['discussion_topic.id'], name=op.f('fk_discussion_post_topic_id_discussion_topic'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_discussion_post')),
    )
    with op.batch_alter_table('discussion_post', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discussion_post_author_id'), ['author_id'], unique=False)
        batch_op.create_index('ix_discussion_post_topic', ['topic_id', 'id'], unique=False)

    op.create_table(
        'discussion_report',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('post_id', sa.Integer(), nullable=False),
        sa.Column('reporter_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.String(length=500), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['post_id'], ['discussion_post.id'], name=op.f('fk_discussion_report_post_id_discussion_post'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['reporter_id'], ['user_account.id'], name=op.f('fk_discussion_report_reporter_id_user_account'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_discussion_report')),
    )
    with op.batch_alter_table('discussion_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discussion_report_post_id'), ['post_id'], unique=False)

    op.create_table(
        'discussion_read',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('topic_id', sa.Integer(), nullable=False),
        sa.Column('read_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['topic_id'], ['discussion_topic.id'], name=op.f('fk_discussion_read_topic_id_discussion_topic'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_discussion_read_user_id_user_account'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'topic_id', name=op.f('pk_discussion_read')),
    )
    with op.batch_alter_table('discussion_read', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discussion_read_topic_id'), ['topic_id'], unique=False)

    op.create_table(
        'notification',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('subject', sa.String(length=200), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('url', sa.String(length=500), nullable=False),
        sa.Column('space_type', sa.String(length=40), nullable=False),
        sa.Column('space_id', sa.Integer(), nullable=True),
        sa.Column('space_label', sa.String(length=200), nullable=False),
        sa.Column('email_mode', sa.String(length=12), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('read_at', sa.DateTime(), nullable=True),
        sa.Column('emailed_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_notification_user_id_user_account'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_notification')),
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index('ix_notification_digest', ['email_mode', 'emailed_at'], unique=False)
        batch_op.create_index('ix_notification_user_created', ['user_id', 'created_at'], unique=False)
        batch_op.create_index('ix_notification_user_unread', ['user_id', 'read_at'], unique=False)

    op.create_table(
        'notification_preference',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('mode', sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_notification_preference_user_id_user_account'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'kind', name=op.f('pk_notification_preference')),
    )


def downgrade():
    op.drop_table('notification_preference')
    op.drop_table('notification')
    op.drop_table('discussion_read')
    op.drop_table('discussion_report')
    op.drop_table('discussion_post')
    op.drop_table('discussion_topic')
