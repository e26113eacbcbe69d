"""The consultation summary, the company record and the monthly tenant report."""
from __future__ import annotations

from datetime import date
from typing import Callable, Iterator

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from campdesk.domain.choices import OPEN_OUTCOMES
from campdesk.domain.dates import to_seoul
from campdesk.services.consultations import ConsultationView, view_query
from campdesk.services.context import Context
from campdesk.i18n import _
from campdesk.services.errors import NotFound
from campdesk.services.reporting import lines
from campdesk.services.period import Month
from campdesk.services.reporting.views import (
    CompanyRecord, ConsultationSummary, DifficultyLine, TenantMonth,
)
from campdesk.store.models import Company, Consultation, SpaceAssignment


def _consultations(s: Session, stmt) -> list[ConsultationView]:
    return [ConsultationView(*r) for r in s.execute(stmt)]


def consultation_summary(ctx: Context, consultation_id: str) -> ConsultationSummary:
    with ctx.db.reading() as s:
        rows = _consultations(s, view_query().where(Consultation.id == consultation_id))
        if not rows:
            raise NotFound(_("상담 기록을 찾을 수 없습니다: {id}").format(id=consultation_id))
        company = lines.profile(s, rows[0].company_id) if rows[0].company_id else None
        return ConsultationSummary(rows[0], company)


def company_record(ctx: Context, company_id: str) -> CompanyRecord:
    with ctx.db.reading() as s:
        profile = lines.profile(s, company_id)
        consultations = _consultations(s, view_query().where(
            Consultation.company_id == company_id, Consultation.archived.is_(False))
            .order_by(Consultation.occurred_at))
        return CompanyRecord(profile, consultations, lines.spaces(s, company_id),
                             lines.mentorings(s, company_id), lines.events(s, company_id),
                             lines.supports(s, company_id), lines.job_matches(s, company_id))


def _held_space(company_id: str, month: Month):
    a = SpaceAssignment
    return select(a.id).where(a.company_id == company_id, a.status.in_(lines.OCCUPYING),
                              a.archived.is_(False), a.starts_on <= month.last,
                              or_(a.ends_on.is_(None), a.ends_on >= month.first)).limit(1)


def was_tenant(ctx: Context, company_id: str, month: Month) -> bool:
    """Whether the company held a space at some point in the month."""
    with ctx.db.reading() as s:
        return s.scalar(_held_space(company_id, month)) is not None


def tenant_ids(ctx: Context, month: Month) -> list[str]:
    """Companies that held a space at some point in the month, by name."""
    a = SpaceAssignment
    stmt = (select(Company.id).where(Company.id.in_(
        select(a.company_id).where(a.status.in_(lines.OCCUPYING), a.archived.is_(False),
                                   a.starts_on <= month.last,
                                   or_(a.ends_on.is_(None), a.ends_on >= month.first))))
        .where(Company.archived.is_(False)).order_by(Company.name))
    with ctx.db.reading() as s:
        return list(s.scalars(stmt))


def tenant_month(ctx: Context, company_id: str, month: Month) -> TenantMonth:
    with ctx.db.reading() as s:
        return _tenant_month(s, company_id, month)


def tenant_months(ctx: Context, month: Month, company_ids: list[str] | None = None,
                  progress: Callable[[int, int], None] | None = None) -> Iterator[TenantMonth]:
    """Every tenant's month (or the given companies'), read in one session, one by one."""
    ids = tenant_ids(ctx, month) if company_ids is None else company_ids
    with ctx.db.reading() as s:
        for done, company_id in enumerate(ids, 1):
            yield _tenant_month(s, company_id, month)
            if progress:
                progress(done, len(ids))


def _tenant_month(s: Session, company_id: str, month: Month) -> TenantMonth:
    first, last = month.first, month.last
    profile = lines.profile(s, company_id)
    in_month = _consultations(s, view_query().where(
        Consultation.company_id == company_id, Consultation.archived.is_(False),
        Consultation.occurred_at >= month.start_utc, Consultation.occurred_at < month.end_utc)
        .order_by(Consultation.occurred_at))
    mentorings = lines.mentorings(s, company_id, first, last)
    return TenantMonth(
        month=month, profile=profile, spaces=lines.spaces(s, company_id, first, last),
        consultations=in_month,
        difficulties=_difficulties(s, company_id, month, in_month, mentorings),
        mentorings=mentorings, events=lines.events(s, company_id, first, last),
        supports=lines.supports(s, company_id, first, last),
        supports_year_krw=lines.support_total(s, company_id, date(month.year, 1, 1), last),
        job_matches=lines.job_matches(s, company_id, first, last),
        was_tenant=s.scalar(_held_space(company_id, month)) is not None)


def _status(c: ConsultationView, month: Month) -> tuple[str, date | None]:
    closed = c.closed_at and c.closed_at < month.end_utc
    if closed:
        return "closed", to_seoul(c.closed_at).date()
    if c.outcome in OPEN_OUTCOMES:
        return ("escalated" if c.outcome == "escalated" else "open"), None
    return "resolved", to_seoul(c.occurred_at).date()


def _difficulties(s: Session, company_id: str, month: Month, in_month: list[ConsultationView],
                  mentorings) -> list[DifficultyLine]:
    """Difficulties raised this month, and older ones still open at the month's end."""
    older_open = _consultations(s, view_query().where(
        Consultation.company_id == company_id, Consultation.archived.is_(False),
        Consultation.occurred_at < month.start_utc, Consultation.outcome.in_(OPEN_OUTCOMES),
        or_(Consultation.closed_at.is_(None), Consultation.closed_at >= month.start_utc),
        func.length(func.trim(func.coalesce(Consultation.difficulty, ""))) > 0)
        .order_by(Consultation.occurred_at))
    out = []
    for c in older_open + [c for c in in_month if (c.difficulty or "").strip()]:
        status, closed_on = _status(c, month)
        out.append(DifficultyLine(to_seoul(c.occurred_at).date(), "consultation", c.difficulty.strip(),
                                  status, closed_on, c.resolution or c.answer))
    for m in mentorings:
        for session in m.sessions:
            if (session.difficulty or "").strip():
                out.append(DifficultyLine(session.held_on, "mentoring", session.difficulty.strip(),
                                          "advised", session.held_on, session.advice))
    return out
