"""Every table of CampDesk. All of them are synced between the PCs (see docs/SYNC.md).

Codes in ``kind``/``status``-like columns come from ``campdesk.domain.choices``.
The business registration number is deliberately *not* unique: two PCs may create the
same company offline; duplicates are detected and merged instead.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, false, text, true
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.orm import relationship as orm_relationship

from campdesk.store.base import Base, Record, UTCDateTime

S = String(200)
CODE = String(40)
ID = String(36)


class Staff(Record, Base):
    __tablename__ = "staff"
    name: Mapped[str] = mapped_column(S)
    role: Mapped[str] = mapped_column(CODE, default="onsite")  # STAFF_ROLE
    organisation: Mapped[str | None] = mapped_column(S)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(S)


class Company(Record, Base):
    __tablename__ = "companies"
    name: Mapped[str] = mapped_column(S)
    name_en: Mapped[str | None] = mapped_column(S)
    name_norm: Mapped[str] = mapped_column(S, default="", index=True)
    relationship: Mapped[str] = mapped_column(CODE, default="inquirer")  # RELATIONSHIP
    mou_date: Mapped[date | None] = mapped_column(Date)
    gwangju_presence: Mapped[str] = mapped_column(CODE, default="none")  # PRESENCE
    ai_fields: Mapped[str] = mapped_column(S, default="")  # comma-separated AI_FIELDS codes
    employees: Mapped[int | None] = mapped_column(Integer)
    founded_on: Mapped[date | None] = mapped_column(Date)
    business_no: Mapped[str | None] = mapped_column(String(12), index=True)
    corporate_no: Mapped[str | None] = mapped_column(String(14))
    representative: Mapped[str | None] = mapped_column(S)
    address: Mapped[str | None] = mapped_column(String(400))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(S)
    website: Mapped[str | None] = mapped_column(S)
    notes: Mapped[str | None] = mapped_column(Text)
    merged_into: Mapped[str | None] = mapped_column(ID)  # the surviving company after a merge

    contacts: Mapped[list[Contact]] = orm_relationship(back_populates="company")


class Contact(Record, Base):
    __tablename__ = "contacts"
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    name: Mapped[str] = mapped_column(S)
    title: Mapped[str | None] = mapped_column(S)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(S)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)

    company: Mapped[Company] = orm_relationship(back_populates="contacts")


class Consultation(Record, Base):
    __tablename__ = "consultations"
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    channel: Mapped[str] = mapped_column(CODE)  # CHANNEL
    company_id: Mapped[str | None] = mapped_column(ForeignKey("companies.id"), index=True)
    caller_name: Mapped[str | None] = mapped_column(S)  # an unregistered caller
    caller_phone: Mapped[str | None] = mapped_column(String(40))
    caller_org: Mapped[str | None] = mapped_column(S)
    category: Mapped[str] = mapped_column(CODE, default="other")  # CATEGORY
    question: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str | None] = mapped_column(Text)
    difficulty: Mapped[str | None] = mapped_column(Text)  # 애로사항 raised
    suggestion: Mapped[str | None] = mapped_column(Text)  # 건의사항
    outcome: Mapped[str] = mapped_column(CODE, default="resolved")  # OUTCOME
    escalated_to_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution: Mapped[str | None] = mapped_column(Text)
    duration_min: Mapped[int | None] = mapped_column(Integer)
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), index=True)

    # What the dashboard reads first (campdesk/services/dashboard.py): the open follow-ups,
    # and the counts by month, channel and category, without reading the rows themselves.
    __table_args__ = (Index("ix_consultations_open", "outcome", "closed_at", "archived", "due_on"),
                      Index("ix_consultations_month", "occurred_at", "archived", "channel",
                            "category"))


class AuditEntry(Base):
    """Who changed which field of which record, when: the visible edit history."""

    __tablename__ = "audit_log"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(ID)
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    changed_by: Mapped[str | None] = mapped_column(ID)

    __table_args__ = (Index("ix_audit_log_row", "table_name", "row_id"),)


class Space(Record, Base):
    """A room on a floor, or a desk / office unit inside a room (``parent_id``)."""

    __tablename__ = "spaces"
    floor: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(S)  # e.g. "301호", "301-D04"
    kind: Mapped[str] = mapped_column(CODE, default="office")  # SPACE_KIND
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("spaces.id"), index=True)
    capacity: Mapped[int | None] = mapped_column(Integer)  # desks / seats
    area_m2: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(Text)
    # Floor-plan layout, in metres from the floor's top-left corner; None = not placed yet.
    plan_x: Mapped[float | None] = mapped_column(Float)
    plan_y: Mapped[float | None] = mapped_column(Float)
    plan_w: Mapped[float | None] = mapped_column(Float)
    plan_h: Mapped[float | None] = mapped_column(Float)


class SpaceAssignment(Record, Base):
    __tablename__ = "space_assignments"
    space_id: Mapped[str] = mapped_column(ForeignKey("spaces.id"), index=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)  # inclusive; None = open-ended
    status: Mapped[str] = mapped_column(CODE, default="confirmed")  # ASSIGNMENT_STATUS
    notes: Mapped[str | None] = mapped_column(Text)


class SpaceRequest(Record, Base):
    """The waiting list: a company asking for space."""

    __tablename__ = "space_requests"
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    kind: Mapped[str | None] = mapped_column(CODE)  # SPACE_KIND wanted, None = any
    desks: Mapped[int | None] = mapped_column(Integer)
    area_m2: Mapped[float | None] = mapped_column(Float)
    wanted_from: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(CODE, default="waiting")  # REQUEST_STATUS
    notes: Mapped[str | None] = mapped_column(Text)


class Mentor(Record, Base):
    __tablename__ = "mentors"
    name: Mapped[str] = mapped_column(S)
    field: Mapped[str] = mapped_column(CODE)  # MENTOR_FIELD: the main one (first of fields)
    fields: Mapped[str] = mapped_column(S, default="", server_default=text("''"))  # comma-separated MENTOR_FIELD codes
    expertise: Mapped[str | None] = mapped_column(String(400))
    keywords: Mapped[str | None] = mapped_column(String(400))  # comma-separated, e.g. "IR, 투자 유치"
    availability: Mapped[str | None] = mapped_column(S)  # e.g. "평일 오후, 온라인 가능"
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    organisation: Mapped[str | None] = mapped_column(S)
    region: Mapped[str | None] = mapped_column(S)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(S)
    notes: Mapped[str | None] = mapped_column(Text)


class MentoringProgramme(Record, Base):
    """A mentoring programme (e.g. 2026 상반기 멘토링): companies paired to mentors for 2–3 months."""

    __tablename__ = "mentoring_programmes"
    name: Mapped[str] = mapped_column(S)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(CODE, default="active")  # PROGRAMME_STATUS
    notes: Mapped[str | None] = mapped_column(Text)


class Mentoring(Record, Base):
    """A pairing of one company with one mentor, in a programme (or on its own)."""

    __tablename__ = "mentorings"
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    mentor_id: Mapped[str] = mapped_column(ForeignKey("mentors.id"), index=True)
    topic: Mapped[str | None] = mapped_column(String(400))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(CODE, default="planned")  # MENTORING_STATUS
    programme_id: Mapped[str | None] = mapped_column(ForeignKey("mentoring_programmes.id"), index=True)
    hours_allocated: Mapped[float | None] = mapped_column(Float)
    end_reason: Mapped[str | None] = mapped_column(Text)  # why it was dropped (중단)
    previous_mentor_id: Mapped[str | None] = mapped_column(ForeignKey("mentors.id"))
    mentor_changed_on: Mapped[date | None] = mapped_column(Date)
    mentor_change_reason: Mapped[str | None] = mapped_column(Text)


class MentoringSession(Record, Base):
    __tablename__ = "mentoring_sessions"
    mentoring_id: Mapped[str] = mapped_column(ForeignKey("mentorings.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    duration_min: Mapped[int | None] = mapped_column(Integer)
    difficulty: Mapped[str | None] = mapped_column(Text)
    advice: Mapped[str | None] = mapped_column(Text)
    mentor_id: Mapped[str | None] = mapped_column(ForeignKey("mentors.id"), index=True)  # who held it
    start_time: Mapped[str | None] = mapped_column(String(5))  # "14:00", local time
    mode: Mapped[str] = mapped_column(CODE, default="offline", server_default=text("'offline'"))  # SESSION_MODE
    place: Mapped[str | None] = mapped_column(S)
    topic: Mapped[str | None] = mapped_column(String(400))
    content: Mapped[str | None] = mapped_column(Text)  # what was done
    next_step: Mapped[str | None] = mapped_column(Text)


class JobSeeker(Record, Base):
    __tablename__ = "job_seekers"
    name: Mapped[str] = mapped_column(S)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(S)
    skills: Mapped[str | None] = mapped_column(String(400))
    desired_role: Mapped[str | None] = mapped_column(S)
    notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(CODE, default="seeking", server_default=text("'seeking'"))  # SEEKER_STATUS
    # Consent to share their data with companies; without it, never shown to a company.
    consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    consent_on: Mapped[date | None] = mapped_column(Date)


class JobOpening(Record, Base):
    """A position a tenant company posts for job matching."""

    __tablename__ = "job_openings"
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    role: Mapped[str] = mapped_column(S)
    skills: Mapped[str | None] = mapped_column(String(400))
    headcount: Mapped[int] = mapped_column(Integer, default=1)
    deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(CODE, default="open")  # OPENING_STATUS
    notes: Mapped[str | None] = mapped_column(Text)


class JobMatch(Record, Base):
    __tablename__ = "job_matches"
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    job_seeker_id: Mapped[str] = mapped_column(ForeignKey("job_seekers.id"), index=True)
    position: Mapped[str | None] = mapped_column(S)
    matched_on: Mapped[date | None] = mapped_column(Date)  # introduced (소개)
    status: Mapped[str] = mapped_column(CODE, default="proposed")  # MATCH_STATUS
    opening_id: Mapped[str | None] = mapped_column(ForeignKey("job_openings.id"), index=True)
    interview_on: Mapped[date | None] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)  # hired or declined
    notes: Mapped[str | None] = mapped_column(Text)


class Event(Record, Base):
    __tablename__ = "events"
    kind: Mapped[str] = mapped_column(CODE, default="concert")  # EVENT_KIND
    title: Mapped[str] = mapped_column(S)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    venue: Mapped[str | None] = mapped_column(S)
    description: Mapped[str | None] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(S)
    theme: Mapped[str | None] = mapped_column(S)
    starts_at: Mapped[str | None] = mapped_column(String(5))  # "19:00", local time
    moved_from: Mapped[date | None] = mapped_column(Date)  # the regular date it was moved from


class EventAttendance(Record, Base):
    """One company (or person) at one event; id = natural_id(event, company or person)."""

    __tablename__ = "event_attendance"
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), index=True)
    company_id: Mapped[str | None] = mapped_column(ForeignKey("companies.id"), index=True)
    person_name: Mapped[str | None] = mapped_column(S)
    organisation: Mapped[str | None] = mapped_column(S)
    attendees: Mapped[int] = mapped_column(Integer, default=1)
    phone: Mapped[str | None] = mapped_column(String(40))
    registered: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    registered_on: Mapped[date | None] = mapped_column(Date)
    # Rows from before registrations were kept are attendance: true unless told otherwise.
    attended: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class Questionnaire(Record, Base):
    __tablename__ = "questionnaires"
    title: Mapped[str] = mapped_column(S)
    sent_on: Mapped[date | None] = mapped_column(Date)


class QuestionnaireResponse(Record, Base):
    __tablename__ = "questionnaire_responses"
    questionnaire_id: Mapped[str] = mapped_column(ForeignKey("questionnaires.id"), index=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    received_on: Mapped[date | None] = mapped_column(Date)
    company_status: Mapped[str | None] = mapped_column(Text)
    proposed_technology: Mapped[str | None] = mapped_column(Text)
    business_plan: Mapped[str | None] = mapped_column(Text)
    difficulties: Mapped[str | None] = mapped_column(Text)
    suggestions: Mapped[str | None] = mapped_column(Text)
    needs_visit: Mapped[bool] = mapped_column(Boolean, default=False)
    tech_themes: Mapped[str | None] = mapped_column(S)  # comma-separated AI_FIELDS codes
    consultation_id: Mapped[str | None] = mapped_column(ForeignKey("consultations.id"))


class Agency(Record, Base):
    __tablename__ = "agencies"
    name: Mapped[str] = mapped_column(S)
    name_en: Mapped[str | None] = mapped_column(S)
    focus: Mapped[str | None] = mapped_column(S)
    short_name: Mapped[str | None] = mapped_column(String(40))  # as offices write it: 광주TP


class Programme(Record, Base):
    __tablename__ = "programmes"
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    name: Mapped[str] = mapped_column(S)
    year: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(CODE)  # SUPPORT_KIND


class ProgrammeSupport(Record, Base):
    """Support a company received from a programme. An agency's list may name a company
    the register does not know: its business number and name are kept as written."""

    __tablename__ = "programme_supports"
    company_id: Mapped[str | None] = mapped_column(ForeignKey("companies.id"), index=True)
    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    granted_on: Mapped[date | None] = mapped_column(Date)
    amount_krw: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(CODE)  # SUPPORT_KIND; None = the programme's
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)  # inclusive
    business_no: Mapped[str | None] = mapped_column(String(12))
    company_name: Mapped[str | None] = mapped_column(S)  # as the agency wrote it


class PublicCall(Record, Base):
    __tablename__ = "public_calls"
    title: Mapped[str] = mapped_column(String(400))
    organiser: Mapped[str | None] = mapped_column(S)
    announced_on: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(String(400))
    shared_on: Mapped[date | None] = mapped_column(Date)  # posted to the open chat
    notes: Mapped[str | None] = mapped_column(Text)
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    fields: Mapped[str | None] = mapped_column(S)  # comma-separated AI_FIELDS codes; None = any
    eligible_relationships: Mapped[str | None] = mapped_column(S)  # RELATIONSHIP codes; None = any
    eligible_stages: Mapped[str | None] = mapped_column(S)  # STAGE codes; None = any
    eligible_location: Mapped[str | None] = mapped_column(CODE)  # LOCATION; None = anywhere


class PublicCallNotice(Record, Base):
    """A company told about a public call: when, by which channel, by whom."""

    __tablename__ = "public_call_notices"
    call_id: Mapped[str] = mapped_column(ForeignKey("public_calls.id"), index=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    channel: Mapped[str] = mapped_column(CODE, default="open_chat")  # NOTICE_CHANNEL
    told_at: Mapped[datetime] = mapped_column(UTCDateTime)
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    notes: Mapped[str | None] = mapped_column(Text)


# The tables a person can export, in an order where parents come before children.
EXPORTABLE = [
    Staff, Company, Contact, Consultation, Space, SpaceAssignment, SpaceRequest, Mentor,
    MentoringProgramme, Mentoring, MentoringSession, JobSeeker, JobOpening, JobMatch, Event,
    EventAttendance, Questionnaire, QuestionnaireResponse, Agency, Programme, ProgrammeSupport,
    PublicCall, PublicCallNotice, AuditEntry,
]
TABLES = {m.__tablename__: m for m in EXPORTABLE}

# Registers the sync bookkeeping tables on the same Base, so migrations see every table.
from campdesk.store import sync_models  # noqa: E402,F401
