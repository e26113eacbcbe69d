"""Data for printed reports, gathered before layout as plain dataclasses (no reportlab here).

    summary = reporting.consultation_summary(ctx, consultation_id)
    record  = reporting.company_record(ctx, company_id)
    tenant  = reporting.tenant_month(ctx, company_id, Month.parse("2026-11"))
    camp    = reporting.camp_month(ctx, Month.parse("2026-11"))
"""
from __future__ import annotations

from datetime import datetime, timezone

from campdesk.i18n import _
from campdesk.services.context import Context
from campdesk.services.reporting.camp import camp_month, record_span
from campdesk.services.period import Month
from campdesk.services.reporting.records import (
    company_record, consultation_summary, tenant_ids, tenant_month, tenant_months,
)
from campdesk.services.reporting.views import ReportMeta
from campdesk.store.models import Staff

__all__ = ["Month", "ReportMeta", "camp_month", "month_has_records", "company_record", "consultation_summary",
           "report_meta", "tenant_ids", "tenant_month", "tenant_months"]


def report_meta(ctx: Context, made_by: str | None = None) -> ReportMeta:
    """The camp's name, who made the document (``made_by``, else the staff member at this
    PC, else "-") and the time: for headers and footers."""
    name = (made_by or "").strip() or None
    if name is None and ctx.staff_id:
        with ctx.db.reading() as s:
            person = s.get(Staff, ctx.staff_id)
            name = person.name if person else None
    return ReportMeta(ctx.settings.camp_name, name or "-", datetime.now(timezone.utc))


def month_has_records(ctx: Context, month: Month, today=None) -> tuple[bool, str]:
    """Whether any record falls in the month, and the span of the records in words."""
    from campdesk.domain.dates import format_date, today_seoul
    with ctx.db.reading() as s:
        span = record_span(s, today or today_seoul())
    if span.first is None:
        return False, _("아직 상담 기록이 하나도 없습니다")
    return span.covers(month), _("기록은 {first}부터 {last}까지").format(
        first=format_date(span.first), last=format_date(span.today))
