"""Queries for the entries on a company's file, optionally limited to a period.

Each helper takes an open Session and returns plain lines; none commits.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from campdesk.domain.choices import AI_FIELDS, PRESENCE, RELATIONSHIP
from campdesk.domain.company_rules import COMPANY_FIELDS
from campdesk.i18n import _, current_language, ngettext
from campdesk.services.errors import NotFound
from campdesk.services.reporting.views import (
    CompanyProfile, ContactLine, EventLine, JobMatchLine, MentoringLine, SessionLine, SpaceLine,
    SupportLine,
)
from campdesk.store.models import (
    Agency, Company, Contact, Event, EventAttendance, JobMatch, JobSeeker, Mentor, Mentoring,
    MentoringSession, Programme, ProgrammeSupport, Space, SpaceAssignment,
)

# Assignments that put a company in a space (an ended one did, until its end date).
OCCUPYING = ("confirmed", "ended")


def _shown(field: str, value) -> str | date:
    """A field's value as the report shows it (a date stays a date: the report writes it)."""
    if value is None or value == "":
        return ""
    lang = current_language()
    if field == "relationship":
        return RELATIONSHIP.label(value, lang)
    if field == "gwangju_presence":
        return PRESENCE.label(value, lang)
    if field == "ai_fields":
        return ", ".join(AI_FIELDS.label(code, lang) for code in value.split(",") if code)
    if isinstance(value, date):
        return value
    if field == "employees":
        return ngettext("{n}명", "{n}명", value).format(n=value)
    return str(value)


def profile(s: Session, company_id: str) -> CompanyProfile:
    company = s.get(Company, company_id)
    if company is None:
        raise NotFound(_("기업을 찾을 수 없습니다: {id}").format(id=company_id))
    shown = [(f, _shown(f, getattr(company, f))) for f in COMPANY_FIELDS]
    contacts = [ContactLine(c.name, c.title, c.phone, c.email, c.is_primary)
                for c in s.scalars(select(Contact).where(Contact.company_id == company_id,
                                                         Contact.archived.is_(False))
                                   .order_by(Contact.is_primary.desc(), Contact.name))]
    return CompanyProfile(company.id, company.name, shown, contacts)


def _overlaps(start_col, end_col, first: date | None, last: date | None):
    """start ≤ last and (end is open or end ≥ first); no bound = no condition."""
    conditions = []
    if last is not None:
        conditions.append(or_(start_col.is_(None), start_col <= last))
    if first is not None:
        conditions.append(or_(end_col.is_(None), end_col >= first))
    return and_(true(), *conditions)


def spaces(s: Session, company_id: str, first: date | None = None,
           last: date | None = None) -> list[SpaceLine]:
    a, room = SpaceAssignment, aliased(Space)
    name = func.coalesce(room.name + " · ", "") + Space.name
    stmt = (select(name, Space.floor, Space.kind, a.starts_on, a.ends_on, a.status,
                   Space.area_m2, Space.capacity)
            .join(Space, Space.id == a.space_id).outerjoin(room, room.id == Space.parent_id)
            .where(a.company_id == company_id, a.archived.is_(False),
                   _overlaps(a.starts_on, a.ends_on, first, last))
            .order_by(a.starts_on, Space.name))
    if first is not None:  # a period report: only what really held space
        stmt = stmt.where(a.status.in_(OCCUPYING + ("reserved",)))
    return [SpaceLine(*r) for r in s.execute(stmt)]


def mentorings(s: Session, company_id: str, first: date | None = None,
               last: date | None = None) -> list[MentoringLine]:
    m = Mentoring
    stmt = (select(m.id, Mentor.name, Mentor.field, m.topic, m.starts_on, m.ends_on, m.status)
            .join(Mentor, Mentor.id == m.mentor_id)
            .where(m.company_id == company_id, m.archived.is_(False),
                   _overlaps(m.starts_on, m.ends_on, first, last))
            .order_by(m.starts_on))
    rows = s.execute(stmt).all()
    sessions = _sessions(s, [r[0] for r in rows], first, last)
    return [MentoringLine(*r[1:], sessions=sessions.get(r[0], [])) for r in rows]


def _sessions(s: Session, mentoring_ids: list[str], first, last) -> dict[str, list[SessionLine]]:
    if not mentoring_ids:
        return {}
    ms = MentoringSession
    stmt = (select(ms.mentoring_id, ms.held_on, ms.duration_min, ms.difficulty, ms.advice)
            .where(ms.mentoring_id.in_(mentoring_ids), ms.archived.is_(False))
            .order_by(ms.held_on))
    if first is not None:
        stmt = stmt.where(ms.held_on >= first)
    if last is not None:
        stmt = stmt.where(ms.held_on <= last)
    out: dict[str, list[SessionLine]] = {}
    for mentoring_id, *rest in s.execute(stmt):
        out.setdefault(mentoring_id, []).append(SessionLine(*rest))
    return out


def events(s: Session, company_id: str, first: date | None = None,
           last: date | None = None) -> list[EventLine]:
    e, at = Event, EventAttendance
    stmt = (select(e.held_on, e.kind, e.title, e.venue, at.attendees)
            .join(at, at.event_id == e.id)
            .where(at.company_id == company_id, at.archived.is_(False), e.archived.is_(False),
                   at.attended.is_(True))
            .order_by(e.held_on))
    if first is not None:
        stmt = stmt.where(e.held_on >= first)
    if last is not None:
        stmt = stmt.where(e.held_on <= last)
    return [EventLine(*r) for r in s.execute(stmt)]


def supports(s: Session, company_id: str, first: date | None = None,
             last: date | None = None) -> list[SupportLine]:
    p = ProgrammeSupport
    stmt = (select(p.granted_on, Programme.name, Agency.name, p.amount_krw, p.notes)
            .join(Programme, Programme.id == p.programme_id)
            .outerjoin(Agency, Agency.id == Programme.agency_id)
            .where(p.company_id == company_id, p.archived.is_(False))
            .order_by(p.granted_on))
    if first is not None:
        stmt = stmt.where(p.granted_on >= first)
    if last is not None:
        stmt = stmt.where(p.granted_on <= last)
    return [SupportLine(*r) for r in s.execute(stmt)]


def support_total(s: Session, company_id: str, first: date, last: date) -> int:
    p = ProgrammeSupport
    return s.scalar(select(func.coalesce(func.sum(p.amount_krw), 0))
                    .where(p.company_id == company_id, p.archived.is_(False),
                           p.granted_on >= first, p.granted_on <= last)) or 0


def job_matches(s: Session, company_id: str, first: date | None = None,
                last: date | None = None) -> list[JobMatchLine]:
    j = JobMatch
    stmt = (select(j.matched_on, j.position, JobSeeker.name, j.status)
            .join(JobSeeker, JobSeeker.id == j.job_seeker_id)
            .where(j.company_id == company_id, j.archived.is_(False))
            .order_by(j.matched_on))
    if first is not None:
        stmt = stmt.where(j.matched_on >= first)
    if last is not None:
        stmt = stmt.where(j.matched_on <= last)
    return [JobMatchLine(*r) for r in s.execute(stmt)]
