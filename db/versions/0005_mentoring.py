"""mentoring and job matching: mentors' several fields, keywords, availability and activity;
mentoring programmes with pairings (hours allocated, end state, mentor changes) and sessions
(time, place or online, topic, content, next step); job seekers' consent and status, job
openings, and the dates of a match

Revision ID: 0005_mentoring
Revises: 0004
Create Date: 2026-12-04 18:23:04.108116
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_mentoring'
down_revision = '0004'
branch_labels = None
depends_on = None


def _add(table: str, column_sql: str, fk: tuple[str, str, str] | None = None) -> None:
    if fk:
        child, column, parent = fk
        column_sql += f" CONSTRAINT fk_{child}_{column}_{parent} REFERENCES {parent} (id)"
    op.execute(f"ALTER TABLE {table} ADD COLUMN {column_sql}")


def upgrade() -> None:
    op.create_table('mentoring_programmes',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('archived', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_programmes'))
    )
    op.create_table('job_openings',
    sa.Column('company_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('skills', sa.String(length=400), nullable=True),
    sa.Column('headcount', sa.Integer(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('archived', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_job_openings_company_id_companies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_openings'))
    )
    with op.batch_alter_table('job_openings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_openings_company_id'), ['company_id'], unique=False)

    # Plain ALTER TABLE ADD COLUMN, a reference named inline: a batch rebuild would drop
    # mentorings, which mentoring_sessions references (refused with foreign keys on).
    _add('job_matches', 'opening_id VARCHAR(36)', fk=('job_matches', 'opening_id', 'job_openings'))
    _add('job_matches', 'interview_on DATE')
    _add('job_matches', 'decided_on DATE')
    _add('job_matches', 'notes TEXT')
    op.create_index('ix_job_matches_opening_id', 'job_matches', ['opening_id'])

    _add('job_seekers', "status VARCHAR(40) DEFAULT 'seeking' NOT NULL")
    _add('job_seekers', 'consent BOOLEAN DEFAULT 0 NOT NULL')
    _add('job_seekers', 'consent_on DATE')

    _add('mentoring_sessions', 'mentor_id VARCHAR(36)', fk=('mentoring_sessions', 'mentor_id', 'mentors'))
    _add('mentoring_sessions', 'start_time VARCHAR(5)')
    _add('mentoring_sessions', "mode VARCHAR(40) DEFAULT 'offline' NOT NULL")
    _add('mentoring_sessions', 'place VARCHAR(200)')
    _add('mentoring_sessions', 'topic VARCHAR(400)')
    _add('mentoring_sessions', 'content TEXT')
    _add('mentoring_sessions', 'next_step TEXT')
    op.create_index('ix_mentoring_sessions_mentor_id', 'mentoring_sessions', ['mentor_id'])

    _add('mentorings', 'programme_id VARCHAR(36)',
         fk=('mentorings', 'programme_id', 'mentoring_programmes'))
    _add('mentorings', 'hours_allocated FLOAT')
    _add('mentorings', 'end_reason TEXT')
    _add('mentorings', 'previous_mentor_id VARCHAR(36)',
         fk=('mentorings', 'previous_mentor_id', 'mentors'))
    _add('mentorings', 'mentor_changed_on DATE')
    _add('mentorings', 'mentor_change_reason TEXT')
    op.create_index('ix_mentorings_programme_id', 'mentorings', ['programme_id'])

    _add('mentors', "fields VARCHAR(200) DEFAULT '' NOT NULL")
    _add('mentors', 'keywords VARCHAR(400)')
    _add('mentors', 'availability VARCHAR(200)')
    _add('mentors', 'active BOOLEAN DEFAULT 1 NOT NULL')
    _add('mentors', 'notes TEXT')

    # A mentor's one field becomes the first of their fields.
    op.execute("UPDATE mentors SET fields = field WHERE fields = '' AND field IS NOT NULL")
    # The capture triggers of the changed tables are made again with their new columns by
    # campdesk.store.migrate after every upgrade.


def downgrade() -> None:
    with op.batch_alter_table('mentors', schema=None) as batch_op:
        batch_op.drop_column('notes')
        batch_op.drop_column('active')
        batch_op.drop_column('availability')
        batch_op.drop_column('keywords')
        batch_op.drop_column('fields')

    with op.batch_alter_table('mentorings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_mentorings_programme_id_mentoring_programmes'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_mentorings_previous_mentor_id_mentors'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_mentorings_programme_id'))
        batch_op.drop_column('mentor_change_reason')
        batch_op.drop_column('mentor_changed_on')
        batch_op.drop_column('previous_mentor_id')
        batch_op.drop_column('end_reason')
        batch_op.drop_column('hours_allocated')
        batch_op.drop_column('programme_id')

    with op.batch_alter_table('mentoring_sessions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_mentoring_sessions_mentor_id_mentors'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_mentoring_sessions_mentor_id'))
        batch_op.drop_column('next_step')
        batch_op.drop_column('content')
        batch_op.drop_column('topic')
        batch_op.drop_column('place')
        batch_op.drop_column('mode')
        batch_op.drop_column('start_time')
        batch_op.drop_column('mentor_id')

    with op.batch_alter_table('job_seekers', schema=None) as batch_op:
        batch_op.drop_column('consent_on')
        batch_op.drop_column('consent')
        batch_op.drop_column('status')

    with op.batch_alter_table('job_matches', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_job_matches_opening_id_job_openings'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_job_matches_opening_id'))
        batch_op.drop_column('notes')
        batch_op.drop_column('decided_on')
        batch_op.drop_column('interview_on')
        batch_op.drop_column('opening_id')

    with op.batch_alter_table('job_openings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_openings_company_id'))

    op.drop_table('job_openings')
    op.drop_table('mentoring_programmes')
