"""Make a document from the database in one call: gather with the service, render to bytes.

Each function is safe to run on a worker thread (its own Session, no Qt).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from campdesk.reports.batch import TenantBatchRenderer, write_each
from campdesk.reports.company import CompanyRecordRenderer
from campdesk.reports.consultation import ConsultationSummaryRenderer
from campdesk.reports.mentoring import MentorActivityRenderer, MentoringLogRenderer
from campdesk.reports.tenant import TenantMonthRenderer
from campdesk.services import reporting
from campdesk.services.context import Context
from campdesk.services.reporting import Month

Progress = Callable[[int, int], None]


def _meta(ctx: Context, made_by: str | None):
    return reporting.report_meta(ctx, made_by)


def consultation_pdf(ctx: Context, consultation_id: str, made_by: str | None = None) -> bytes:
    data = reporting.consultation_summary(ctx, consultation_id)
    return ConsultationSummaryRenderer(data, _meta(ctx, made_by)).render()


def company_pdf(ctx: Context, company_id: str, made_by: str | None = None) -> bytes:
    data = reporting.company_record(ctx, company_id)
    return CompanyRecordRenderer(data, _meta(ctx, made_by)).render()


def tenant_month_pdf(ctx: Context, company_id: str, month: Month,
                     made_by: str | None = None) -> bytes:
    data = reporting.tenant_month(ctx, company_id, month)
    return TenantMonthRenderer(data, _meta(ctx, made_by)).render()


def camp_month_pdf(ctx: Context, month: Month, made_by: str | None = None) -> bytes:
    """The monthly camp report, its outreach section included (campdesk.reports.outreach_api)."""
    from campdesk.reports import outreach_api
    return outreach_api.camp_month_pdf(ctx, month, made_by)


def tenants_pdf(ctx: Context, month: Month, progress: Progress | None = None,
                made_by: str | None = None) -> bytes:
    """All tenants of the month in one PDF."""
    tenants = reporting.tenant_months(ctx, month, progress=progress)
    return TenantBatchRenderer(tenants, _meta(ctx, made_by), month).render()


def tenants_files(ctx: Context, month: Month, folder: Path,
                  progress: Progress | None = None, made_by: str | None = None) -> list[Path]:
    """All tenants of the month, one PDF each in ``folder``."""
    tenants = reporting.tenant_months(ctx, month, progress=progress)
    return write_each(tenants, _meta(ctx, made_by), Path(folder))


def mentoring_log_pdf(ctx: Context, session_id: str, made_by: str | None = None) -> bytes:
    """The 멘토링 일지 of one session, to be signed by the mentor and the company."""
    from campdesk.services.mentoring_reports import mentoring_log
    return MentoringLogRenderer(mentoring_log(ctx, session_id), _meta(ctx, made_by)).render()


def mentor_activity_pdf(ctx: Context, month: Month, mentor_id: str | None = None,
                        made_by: str | None = None) -> bytes:
    """Each mentor's sessions and hours in the month (or one mentor's), for honoraria."""
    from campdesk.services.mentoring_reports import mentor_activity
    data = mentor_activity(ctx, month, mentor_id)
    return MentorActivityRenderer(data, _meta(ctx, made_by), month).render()
