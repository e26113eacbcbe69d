"""capture: a new row notes its insert's clock (the triggers are put back after upgrading)

A PC keeps no clock for a row it pulled with only its insert's clock, and the hub reads an
edit based on no clock as based on the row's insert. A row this PC made itself must then
hold its own insert's clock: another PC may have made a row with the same id first.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 19:00:00
"""
from alembic import op

from campdesk.store import capture

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    capture.install(op.get_bind())


def downgrade() -> None:
    pass  # the triggers of 0003 suit 0002: a clock noted for a new row is only more exact
