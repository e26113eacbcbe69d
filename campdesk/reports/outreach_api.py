"""Outreach documents from the database in one call (safe on a worker thread, no Qt)."""
from __future__ import annotations

from campdesk.reports.outreach import (
    AttendanceSheetRenderer, CampMonthWithOutreach, CouncilPackRenderer, QuestionnaireFormRenderer,
)
from campdesk.services import reporting
from campdesk.services.context import Context
from campdesk.services.outreach import questionnaires, reporting as outreach_reporting
from campdesk.services.period import Month


def attendance_pdf(ctx: Context, event_id: str, made_by: str | None = None) -> bytes:
    data = outreach_reporting.attendance_sheet(ctx, event_id)
    return AttendanceSheetRenderer(data, reporting.report_meta(ctx, made_by)).render()


def questionnaire_form_pdf(ctx: Context, company_id: str | None = None, blank: bool = False,
                          made_by: str | None = None) -> bytes:
    """One company's form pre-filled; with ``blank`` one empty form; else the forms of every
    MOU company not in face-to-face consulting, in one PDF."""
    companies = [None] if blank else questionnaires.form_companies(ctx, company_id)
    return QuestionnaireFormRenderer(companies, reporting.report_meta(ctx, made_by)).render()


def council_pdf(ctx: Context, month: Month, made_by: str | None = None) -> bytes:
    data = outreach_reporting.council_pack(ctx, month)
    return CouncilPackRenderer(data, reporting.report_meta(ctx, made_by)).render()


def camp_month_pdf(ctx: Context, month: Month, made_by: str | None = None) -> bytes:
    """The monthly camp report with its outreach section (technology demand and the rest)."""
    data = reporting.camp_month(ctx, month)
    outreach = outreach_reporting.outreach_month(ctx, month)
    return CampMonthWithOutreach(data, outreach, reporting.report_meta(ctx, made_by)).render()
