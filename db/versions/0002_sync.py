"""sync: outbox, clocks, sync state, conflicts, and the change-capture triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 13:00:24
"""
from alembic import op
import sqlalchemy as sa

from campdesk.store import capture

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_conflict',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('tbl', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=True),
    sa.Column('other_id', sa.String(length=36), nullable=True),
    sa.Column('loser_value', sa.Text(), nullable=True),
    sa.Column('winner_value', sa.Text(), nullable=True),
    sa.Column('loser_site', sa.String(length=40), nullable=True),
    sa.Column('winner_site', sa.String(length=40), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by', sa.String(length=36), nullable=True),
    sa.Column('resolution', sa.String(length=40), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('archived', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflict_row', ['tbl', 'row_id'], unique=False)

    op.create_table('sync_outbox',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('tbl', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('patch', sa.Text(), nullable=True),
    sa.Column('base', sa.Text(), nullable=True),
    sa.Column('clock', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_outbox')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.create_index('ix_sync_outbox_row', ['tbl', 'row_id'], unique=False)

    op.create_table('sync_row_clock',
    sa.Column('tbl', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('clocks', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('tbl', 'row_id', name=op.f('pk_sync_row_clock'))
    )
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('skew_ms', sa.BigInteger(), nullable=False),
    sa.Column('applying', sa.Integer(), nullable=False),
    sa.Column('pull_cursor', sa.BigInteger(), nullable=False),
    sa.Column('hub_generation', sa.String(length=36), nullable=True),
    sa.Column('clock_offset_ms', sa.BigInteger(), nullable=True),
    sa.Column('last_sync_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.CheckConstraint('id = 1', name=op.f('ck_sync_state_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )

    conn = op.get_bind()
    capture.init_state(conn)
    capture.install(conn)
    capture.enqueue_existing(conn)


def downgrade() -> None:
    capture.uninstall(op.get_bind())
    op.drop_table('sync_state')
    op.drop_table('sync_row_clock')
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_outbox_row')
    op.drop_table('sync_outbox')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_conflict_row')
    op.drop_table('sync_conflict')
