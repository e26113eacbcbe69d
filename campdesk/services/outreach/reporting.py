"""What the outreach documents show, gathered in one call each (no Qt, own sessions): the
attendance sheet, the questionnaire forms, the agencies' monthly council pack, and the
outreach section of the monthly camp report."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from campdesk.domain.dates import SEOUL
from campdesk.services.context import Context
from campdesk.services.outreach import events as ev
from campdesk.services.outreach import public_calls as pc
from campdesk.services.outreach import questionnaires as qs
from campdesk.services.outreach import supports as sv
from campdesk.services.period import Month
from campdesk.store.models import Company, Consultation, PublicCallNotice, QuestionnaireResponse


@dataclass(frozen=True)
class AttendanceSheet:
    event: ev.EventRow
    rows: list[ev.AttendanceRow]
    blank_rows: int = 8  # lines for walk-ins to write on


@dataclass(frozen=True)
class SupportTotal:
    agency: str
    kind: str
    count: int
    amount: int


@dataclass(frozen=True)
class OutreachMonth:
    month: Month
    tech_demand: list[tuple[str, int]]       # AI field code, answers naming it
    responses: int                           # questionnaires returned in the month
    second_visits: int                       # of them wishing another visit
    visits_open: int                         # "2차 방문" follow-ups still open
    concerts: list[ev.EventRow]              # the month's concerts
    calls_told: int                          # companies told about public calls
    calls_due: int                           # calls whose deadline is in the month
    overlaps: list[sv.Overlap]               # duplicate supports running in the month


@dataclass(frozen=True)
class CouncilPack:
    month: Month
    supports: list[sv.SupportRow]            # running in the month
    totals: list[SupportTotal]               # by agency and kind
    overlaps: list[sv.Overlap]
    outreach: OutreachMonth
    consultations: int
    tenants: int
    mou: int


def attendance_sheet(ctx: Context, event_id: str) -> AttendanceSheet:
    return AttendanceSheet(ev.get_event(ctx, event_id), ev.attendance(ctx, event_id))


def _running(row: sv.SupportRow, first: date, last: date) -> bool:
    if row.starts_on is None:
        return False
    end = row.ends_on or date(row.starts_on.year, 12, 31)
    return row.starts_on <= last and end >= first


def outreach_month(ctx: Context, month: Month) -> OutreachMonth:
    first, last = month.first, month.last
    start = datetime.combine(first, time(0), SEOUL)
    end = datetime.combine(last + timedelta(days=1), time(0), SEOUL)
    with ctx.db.reading() as s:
        r = QuestionnaireResponse
        in_month = (r.archived.is_(False), r.received_on >= first, r.received_on <= last)
        responses = s.scalar(select(func.count()).where(*in_month)) or 0
        visits = s.scalar(select(func.count()).where(*in_month, r.needs_visit.is_(True))) or 0
        visits_open = s.scalar(select(func.count()).select_from(Consultation).where(
            Consultation.channel == "written", Consultation.outcome == "follow_up",
            Consultation.closed_at.is_(None), Consultation.archived.is_(False),
            Consultation.question.like(f"{qs.VISIT_WHAT}%"))) or 0
        told = s.scalar(select(func.count()).select_from(PublicCallNotice).where(
            PublicCallNotice.archived.is_(False), PublicCallNotice.told_at >= start,
            PublicCallNotice.told_at < end)) or 0
    due = [c for c in pc.list_calls(ctx) if c.deadline and first <= c.deadline <= last]
    concerts = [e for e in ev.list_events(ctx, first.year, "concert") if first <= e.held_on <= last]
    overlaps = [o for o in sv.overlaps(ctx)
                if _running(o.first, first, last) and _running(o.second, first, last)]
    return OutreachMonth(month, qs.tech_demand(ctx, first, last), responses, visits, visits_open,
                         concerts, told, len(due), overlaps)


def council_pack(ctx: Context, month: Month) -> CouncilPack:
    supports = [r for r in sv.list_supports(ctx) if _running(r, month.first, month.last)]
    totals: dict[tuple[str, str], list[int]] = {}
    for r in supports:
        t = totals.setdefault((r.agency, r.kind), [0, 0])
        t[0] += 1
        t[1] += r.amount_krw or 0
    start = datetime.combine(month.first, time(0), SEOUL)
    end = datetime.combine(month.last + timedelta(days=1), time(0), SEOUL)
    with ctx.db.reading() as s:
        consultations = s.scalar(select(func.count()).select_from(Consultation).where(
            Consultation.archived.is_(False), Consultation.occurred_at >= start,
            Consultation.occurred_at < end)) or 0
        live = (Company.archived.is_(False), Company.merged_into.is_(None))
        tenants = s.scalar(select(func.count()).select_from(Company).where(
            *live, Company.relationship == "tenant")) or 0
        mou = s.scalar(select(func.count()).select_from(Company).where(
            *live, Company.relationship == "mou")) or 0
    outreach = outreach_month(ctx, month)
    return CouncilPack(month, supports,
                       [SupportTotal(a, k, n, amt) for (a, k), (n, amt) in sorted(totals.items())],
                       outreach.overlaps, outreach, consultations, tenants, mou)
