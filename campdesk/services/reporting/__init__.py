"""Data for printed reports, gathered before layout as plain dataclasses (no reportlab here).

    summary = reporting.consultation_summary(ctx, consultation_id)
    record  = reporting.company_record(ctx, company_id)
    tenant  = reporting.tenant_month(ctx, company_id, Month.parse("2026-11"))
    camp    = reporting.camp_month(ctx, Month.parse("2026-11"))
"""
from __future__ import annotations

from datetime import datetime, timezone

from campdesk.services.context import Context
from campdesk.services.reporting.camp import camp_month
from campdesk.services.period import Month
from campdesk.services.reporting.records import (
    company_record, consultation_summary, tenant_ids, tenant_month, tenant_months,
)
from campdesk.services.reporting.views import ReportMeta
from campdesk.store.models import Staff

__all__ = ["Month", "ReportMeta", "camp_month", "company_record", "consultation_summary",
           "report_meta", "tenant_ids", "tenant_month", "tenant_months"]


def report_meta(ctx: Context) -> ReportMeta:
    """The camp's name, the staff member at this PC and the time: for headers and footers."""
    name = None
    if ctx.staff_id:
        with ctx.db.reading() as s:
            person = s.get(Staff, ctx.staff_id)
            name = person.name if person else None
    return ReportMeta(ctx.settings.camp_name, name or "-", datetime.now(timezone.utc))
