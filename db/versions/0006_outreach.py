"""outreach: concert speakers, themes and moves, registrations and attendance; support
kinds, periods and companies as an agency wrote them; public calls' fields and eligibility,
and who was told about them (public_call_notices); questionnaire answers' technology themes
and the written consultation each became

Revision ID: 0006_outreach
Revises: 0005_mentoring
Create Date: 2026-12-04 18:25:19
"""
from alembic import op
import sqlalchemy as sa

import campdesk.store.base


revision = '0006_outreach'
down_revision = '0005_mentoring'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('public_call_notices',
    sa.Column('call_id', sa.String(length=36), nullable=False),
    sa.Column('company_id', sa.String(length=36), nullable=False),
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('told_at', campdesk.store.base.UTCDateTime(), nullable=False),
    sa.Column('staff_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', campdesk.store.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', campdesk.store.base.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('archived', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['public_calls.id'], name=op.f('fk_public_call_notices_call_id_public_calls')),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_public_call_notices_company_id_companies')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_public_call_notices_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_public_call_notices'))
    )
    with op.batch_alter_table('public_call_notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_public_call_notices_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_public_call_notices_company_id'), ['company_id'], unique=False)

    with op.batch_alter_table('agencies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('short_name', sa.String(length=40), nullable=True))

    with op.batch_alter_table('event_attendance', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('registered', sa.Boolean(), server_default=sa.text('0'), nullable=False))
        batch_op.add_column(sa.Column('registered_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('attended', sa.Boolean(), server_default=sa.text('1'), nullable=False))

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('speaker', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('theme', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('starts_at', sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column('moved_from', sa.Date(), nullable=True))

    with op.batch_alter_table('programme_supports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('starts_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('ends_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('business_no', sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column('company_name', sa.String(length=200), nullable=True))
        batch_op.alter_column('company_id',
               existing_type=sa.VARCHAR(length=36),
               nullable=True)

    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=40), nullable=True))

    with op.batch_alter_table('public_calls', schema=None) as batch_op:
        batch_op.add_column(sa.Column('agency_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('fields', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('eligible_relationships', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('eligible_stages', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('eligible_location', sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f('ix_public_calls_agency_id'), ['agency_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_public_calls_agency_id_agencies'), 'agencies', ['agency_id'], ['id'])

    with op.batch_alter_table('questionnaire_responses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tech_themes', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('consultation_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_questionnaire_responses_consultation_id_consultations'), 'consultations', ['consultation_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('questionnaire_responses', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_questionnaire_responses_consultation_id_consultations'), type_='foreignkey')
        batch_op.drop_column('consultation_id')
        batch_op.drop_column('tech_themes')

    with op.batch_alter_table('public_calls', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_public_calls_agency_id_agencies'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_public_calls_agency_id'))
        batch_op.drop_column('eligible_location')
        batch_op.drop_column('eligible_stages')
        batch_op.drop_column('eligible_relationships')
        batch_op.drop_column('fields')
        batch_op.drop_column('agency_id')

    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.drop_column('kind')

    with op.batch_alter_table('programme_supports', schema=None) as batch_op:
        batch_op.alter_column('company_id',
               existing_type=sa.VARCHAR(length=36),
               nullable=False)
        batch_op.drop_column('company_name')
        batch_op.drop_column('business_no')
        batch_op.drop_column('ends_on')
        batch_op.drop_column('starts_on')
        batch_op.drop_column('kind')

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('moved_from')
        batch_op.drop_column('starts_at')
        batch_op.drop_column('theme')
        batch_op.drop_column('speaker')

    with op.batch_alter_table('event_attendance', schema=None) as batch_op:
        batch_op.drop_column('attended')
        batch_op.drop_column('registered_on')
        batch_op.drop_column('registered')
        batch_op.drop_column('phone')

    with op.batch_alter_table('agencies', schema=None) as batch_op:
        batch_op.drop_column('short_name')

    with op.batch_alter_table('public_call_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_public_call_notices_company_id'))
        batch_op.drop_index(batch_op.f('ix_public_call_notices_call_id'))

    op.drop_table('public_call_notices')
