"""Make a document from the database in one call: gather with the service, render to bytes.

Each function is safe to run on a worker thread (its own Session, no Qt).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from campdesk.reports.batch import TenantBatchRenderer, write_each
from campdesk.reports.company import CompanyRecordRenderer
from campdesk.reports.consultation import ConsultationSummaryRenderer
from campdesk.reports.tenant import TenantMonthRenderer
from campdesk.services import reporting
from campdesk.services.context import Context
from campdesk.services.reporting import Month

Progress = Callable[[int, int], None]


def consultation_pdf(ctx: Context, consultation_id: str) -> bytes:
    data = reporting.consultation_summary(ctx, consultation_id)
    return ConsultationSummaryRenderer(data, reporting.report_meta(ctx)).render()


def company_pdf(ctx: Context, company_id: str) -> bytes:
    data = reporting.company_record(ctx, company_id)
    return CompanyRecordRenderer(data, reporting.report_meta(ctx)).render()


def tenant_month_pdf(ctx: Context, company_id: str, month: Month) -> bytes:
    data = reporting.tenant_month(ctx, company_id, month)
    return TenantMonthRenderer(data, reporting.report_meta(ctx)).render()


def camp_month_pdf(ctx: Context, month: Month) -> bytes:
    """The monthly camp report, its outreach section included (campdesk.reports.outreach_api)."""
    from campdesk.reports import outreach_api
    return outreach_api.camp_month_pdf(ctx, month)


def tenants_pdf(ctx: Context, month: Month, progress: Progress | None = None) -> bytes:
    """All tenants of the month in one PDF."""
    tenants = reporting.tenant_months(ctx, month, progress=progress)
    return TenantBatchRenderer(tenants, reporting.report_meta(ctx), month).render()


def tenants_files(ctx: Context, month: Month, folder: Path,
                  progress: Progress | None = None) -> list[Path]:
    """All tenants of the month, one PDF each in ``folder``."""
    tenants = reporting.tenant_months(ctx, month, progress=progress)
    return write_each(tenants, reporting.report_meta(ctx), Path(folder))
