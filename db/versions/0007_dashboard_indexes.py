"""dashboard indexes: open follow-ups by outcome (ix_consultations_open) and the log by
moment with what the month charts count (ix_consultations_month), so the dashboard's first
read needs no scan of the whole log

Revision ID: 0007_dashboard_indexes
Revises: 0006_outreach
Create Date: 2027-01-11 09:00:00
"""
from alembic import op


revision = '0007_dashboard_indexes'
down_revision = '0006_outreach'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_consultations_open', 'consultations',
                    ['outcome', 'closed_at', 'archived', 'due_on'], unique=False)
    op.create_index('ix_consultations_month', 'consultations',
                    ['occurred_at', 'archived', 'channel', 'category'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_consultations_month', table_name='consultations')
    op.drop_index('ix_consultations_open', table_name='consultations')
