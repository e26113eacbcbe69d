"""Every report kind over a whole demo set, read back from the PDF as a manager reads it on
paper: no numbered heading alone at a page's foot, no word or date broken across two lines
of a table cell, no text smaller than 7 pt.

The sweep covers the small demo set (180 companies, a year of consultations): the camp
report for the last twelve months, the running month and a month without data; every
tenant's monthly report for each of those months (the batch); the record of every tenant
and alumnus and of every fourth other company (all 180 take ~50 s more, the same checks);
and the consultation summaries of a sample (every channel and outcome, a walk-in, the
longest notes).
"""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from campdesk.domain.dates import today_seoul
from campdesk.reports import tables
from campdesk.reports.kinds import KINDS, Request
from campdesk.services import demo
from campdesk.services.context import open_context
from campdesk.services.period import Month
from campdesk.store import models as m

from pdfcheck import ReadBack, small_text, split_dates, split_words, stranded_headings

THIS_MONTH = Month.of(today_seoul())
MONTHS = [THIS_MONTH.minus(i) for i in range(13)] + [Month(1999, 1)]  # 12 + running + none


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory):
    ctx = open_context(tmp_path_factory.mktemp("demo") / "home")
    demo.generate(ctx, "small", seed=3)
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def sources():
    """Every text a table cell was given, to tell a word broken in two from a line break at
    a space (the PDF keeps no spaces at line ends)."""
    seen: set[str] = set()
    real = tables.cell

    def recording(value, *args, **kwargs):
        if isinstance(value, (str, int, float)) or value is None:
            seen.add(tables.keep_dates(str(value)).replace("\xa0", " "))
        return real(value, *args, **kwargs)

    mp = pytest.MonkeyPatch()
    mp.setattr(tables, "cell", recording)
    yield seen
    mp.undo()


def requests(ctx, kind) -> list[Request]:
    with ctx.db.reading() as s:
        companies = list(s.scalars(select(m.Company.id).order_by(m.Company.name)))
        record_holders = set(s.scalars(select(m.Company.id).where(
            m.Company.relationship.in_(("tenant", "alumni")))))
        tenants = list(s.scalars(select(m.Company.id).where(m.Company.relationship == "tenant")
                                 .order_by(m.Company.name).limit(3)))
        sample = list(s.scalars(
            select(func.min(m.Consultation.id)).group_by(m.Consultation.channel,
                                                         m.Consultation.outcome)))
        sample += list(s.scalars(select(m.Consultation.id).where(m.Consultation.company_id.is_(None))
                                 .limit(2)))
        sample += list(s.scalars(select(m.Consultation.id).order_by(
            func.length(m.Consultation.question + m.Consultation.answer).desc()).limit(2)))
        events = list(s.scalars(select(m.EventAttendance.event_id).group_by(m.EventAttendance.event_id)
                                .order_by(func.count().desc()).limit(2)))
        sessions = list(s.scalars(select(m.MentoringSession.id).order_by(
            func.length(func.coalesce(m.MentoringSession.advice, "")).desc()).limit(3)))
        busiest = list(s.scalars(
            select(m.Mentoring.mentor_id).join(m.MentoringSession,
                                               m.MentoringSession.mentoring_id == m.Mentoring.id)
            .group_by(m.Mentoring.mentor_id).order_by(func.count().desc()).limit(2)))
    if kind.needs == ("month",):
        return [Request(month=month) for month in MONTHS]
    if kind.needs == ("month", "company"):  # the batch covers every tenant; a few one by one
        return [Request(month=month, company_id=c) for month in MONTHS[:2] for c in tenants]
    if kind.needs == ("company",) and kind.code == "company":
        # every tenant and alumnus, and every fourth other
        return [Request(company_id=c) for i, c in enumerate(companies)
                if c in record_holders or i % 4 == 0]
    if kind.needs == ("consultation",):
        return [Request(consultation_id=c) for c in sample]
    if kind.needs == ():
        return [Request()]
    if kind.needs == ("blank",):
        return [Request(extra={"blank": True})]
    if kind.needs == ("company",) and kind.code == "questionnaire_form":
        return [Request(company_id=c) for c in companies[:3]]
    if kind.needs == ("event",):
        return [Request(extra={"event_id": i}) for i in events]
    if kind.needs == ("session",):
        return [Request(extra={"session_id": i}) for i in sessions]
    if kind.needs == ("month", "mentor"):
        return [Request(month=month, extra={"mentor_id": i}) for month in MONTHS[:3] for i in busiest]
    pytest.fail(f"the sweep does not know how to make {kind.code} ({kind.needs}): add it here")


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)
def test_every_report_reads_right_on_paper(demo_ctx, sources, kind):
    problems: list[str] = []
    made = 0
    for request in requests(demo_ctx, kind):
        doc = ReadBack(kind.make(demo_ctx, request))
        made += 1
        what = f"{kind.code} {request.month.key if request.month else ''} " \
               f"{request.company_id or request.consultation_id or ''}"
        for problem in (stranded_headings(doc) + split_dates(doc) + split_words(doc, sources)
                        + small_text(doc)):
            problems.append(f"{what}: {problem}")
    assert made
    assert not problems, "\n".join(problems[:30])


def test_the_checks_catch_what_they_look_for():
    """The checks themselves, on a document made to fail them."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    from campdesk.reports.fonts import REGULAR, register_korean_font
    import io
    register_korean_font()
    out = io.BytesIO()
    small = ParagraphStyle("s", fontName=REGULAR, fontSize=5.2, leading=6)
    cell = ParagraphStyle("c", fontName=REGULAR, fontSize=8.5, leading=11.5)
    head = ParagraphStyle("h", fontName=REGULAR, fontSize=12.5, leading=17)
    SimpleDocTemplate(out, topMargin=62.4, bottomMargin=56.7).build([
        Paragraph("작은 글씨", small), Paragraph("오픈채<br/>팅", cell),
        Paragraph("처리 완료 (2026. 11.<br/>29.)", cell), Spacer(1, 620),
        Paragraph("7. 지원사업 수혜", head), PageBreak(), Paragraph("다음 쪽", cell)])
    doc = ReadBack(out.getvalue())
    assert small_text(doc) and split_dates(doc)
    assert split_words(doc, {"오픈채팅"})
    assert stranded_headings(doc) == ["p.1: 7. 지원사업 수혜"]


def test_running_month_is_provisional_and_compared_with_the_same_days(demo_ctx):
    from campdesk.reports.camp import CampMonthRenderer
    from campdesk.services import reporting
    today = date(2026, 12, 4)
    data = reporting.camp_month(demo_ctx, Month(2026, 12), today=today)
    doc = ReadBack(CampMonthRenderer(data, reporting.report_meta(demo_ctx)).render())
    first = doc.pages[0]
    assert "2026. 12. 4. 기준 잠정" in first
    assert "보고 기간 2026. 12. 1. ~ 2026. 12. 4." in " ".join(first.split())
    assert "전월 같은 기간" in doc.flat and "2026. 11. 1. ~ 2026. 11. 4." in doc.flat
    assert data.compared_to == (date(2026, 11, 4), date(2025, 12, 4))
    assert "월말 현재" not in doc.flat and "12. 4. 현재" in doc.flat
    # The demo's records begin a year ago: the same four days a year before are not data.
    assert data.comparison[0].year_before is None and data.comparison[0].previous is not None
