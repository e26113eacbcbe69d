"""sync: a PC proves its site id to the hub; pulls go on where they stopped; conflicts say
who made each value, on which PC and when

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 16:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pull_after', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('site_token', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('site_tokens_proposed', sa.Text(), nullable=True))
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.add_column(sa.Column('loser_by', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('winner_by', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('loser_pc', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('winner_pc', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('loser_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('winner_at', sa.DateTime(), nullable=True))
    # The capture triggers of sync_conflict are made again with its new columns by
    # campdesk.store.migrate after every upgrade.


def downgrade() -> None:
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        for name in ('winner_at', 'loser_at', 'winner_pc', 'loser_pc', 'winner_by', 'loser_by'):
            batch_op.drop_column(name)
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        for name in ('site_tokens_proposed', 'site_token', 'pull_after'):
            batch_op.drop_column(name)
