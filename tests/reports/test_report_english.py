"""Every report kind made in English mode reads in English from title to footer; the only
Korean left is the data (company names, questions, places); Korean mode stays as it was."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from sqlalchemy import select

from campdesk import i18n
from campdesk.reports import api, fmt, kinds, outreach_api
from campdesk.reports.free_spaces import free_spaces_pdf
from campdesk.services.period import Month
from campdesk.store import models as m
from campdesk.store.base import Base

from pdfcheck import ReadBack

MARCH = Month(2026, 3)
HANGUL_WORD = re.compile(r"[가-힣]+")
pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")


def pdftotext(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return re.sub(r"\s+", " ", out)


def data_words(ctx) -> str:
    """Every text stored in the database, and the camp's name: the Korean a report may show."""
    texts = [ctx.settings.camp_name]
    with ctx.db.reading() as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(table.select()):
                texts += [v for v in row if isinstance(v, str)]
    return "\n".join(texts)


def assert_english(text: str, data: str, *phrases: str) -> None:
    for phrase in phrases:
        assert phrase in text, phrase
    leaked = sorted({w for w in HANGUL_WORD.findall(text) if w not in data})
    assert not leaked, f"Korean that is not data: {leaked}"


def _ids(ctx):
    with ctx.db.reading() as s:
        session = s.scalar(select(m.MentoringSession.id))
        event = s.scalar(select(m.Event.id))
        mentor = s.scalar(select(m.Mentor.id))
    return session, event, mentor


def _every_kind(ctx, camp) -> dict[str, bytes]:
    session, event, mentor = _ids(ctx)
    return {
        "camp": api.camp_month_pdf(ctx, MARCH),
        "tenant": api.tenant_month_pdf(ctx, camp.a, MARCH),
        "tenants": api.tenants_pdf(ctx, MARCH),
        "company": api.company_pdf(ctx, camp.a),
        "consultation": api.consultation_pdf(ctx, camp.escalation),
        "mentor_activity": api.mentor_activity_pdf(ctx, MARCH),
        "mentor_activity_one": api.mentor_activity_pdf(ctx, MARCH, mentor),
        "mentoring_log": api.mentoring_log_pdf(ctx, session),
        "council": outreach_api.council_pdf(ctx, MARCH),
        "questionnaire_form": outreach_api.questionnaire_form_pdf(ctx, camp.c),
        "questionnaire_blank": outreach_api.questionnaire_form_pdf(ctx, blank=True),
        "attendance": outreach_api.attendance_pdf(ctx, event),
        "free_spaces": free_spaces_pdf(ctx, date(2026, 3, 31)),
    }


# What a reader sees first in each document: its title, its column headers, its footer.
ENGLISH = {
    "camp": ["AI Startup Camp monthly report, Mar 2026", "Key figures compared",
             "vs. last month", "Consultations by channel", "Space occupancy (as of Mar 31, 2026)",
             "3F 8 5 62.5%", "Knowledge concerts", "Reporting period Mar 1, 2026 ~ Mar 31, 2026"],
    "tenant": ["Tenant's monthly report, Mar 2026", "Difficulties and where they stand",
               "Consultations this month (4)", "With a senior consultant",
               "Support granted from January 2026 to this month: ₩6,000,000"],
    "tenants": ["Tenant's monthly report, Mar 2026 · 금남헬스", "Company overview"],
    "company": ["Company record", "Consultation history (7 in all, oldest first)",
                "₩5,000,000", "Mentor 정멘토"],
    "consultation": ["Consultation summary", "Escalation and follow-up",
                     "Due Mar 9, 2026", "→ closed (Mar 5, 2026)", "Staff member"],
    "mentor_activity": ["Mentor activity statement Mar 2026", "Hours by company", "1.5 h",
                        "Technology development"],
    "mentor_activity_one": ["Mentor activity statement Mar 2026", "Approved"],
    "mentoring_log": ["Mentoring log", "Session 1", "Mentor (signature)", "Mar 15, 2026"],
    "council": ["Agencies' council pack, Mar 2026", "Possible double support", "Outreach"],
    "questionnaire_form": ["AI Startup Camp questionnaire for MOU companies", "Business reg. no."],
    "questionnaire_blank": ["AI Startup Camp questionnaire for MOU companies", "□ No"],
    "attendance": ["attendance sheet", "Signature", "Walk-in", "0 pre-registered",
                   "Mar 26, 2026 (Thu)"],
    "free_spaces": ["Free spaces", "As of Mar 31, 2026", "Free until", "Open-ended"],
}


def test_every_report_kind_made_in_english_is_english_but_its_data(staffed_ctx, camp, english,
                                                                    tmp_path):
    data = data_words(staffed_ctx)
    made = _every_kind(staffed_ctx, camp)
    assert {k.code for k in kinds.KINDS} - {"questionnaire_forms"} <= set(made)
    for code, pdf in made.items():
        text = pdftotext(pdf, tmp_path)
        assert re.search(r"Page 1 of \d+", text), code
        assert "Made " in text and "by 김민서" in text, code
        assert_english(text, data, *ENGLISH[code])


def test_korean_mode_is_unchanged(staffed_ctx, camp, tmp_path):
    text = ReadBack(api.tenant_month_pdf(staffed_ctx, camp.a, MARCH)).flat
    for phrase in ("2026년 3월 입주기업 월간 보고서", "1 / 2 쪽", "작성자 김민서", "1. 기업 개요",
                   "3. 이달의 상담 (4건)", "처리 완료 (2026. 3. 5.)",
                   "2026년 1월부터 이달까지 지원 금액 합계: 6,000,000원"):
        assert phrase in text, phrase
    assert "Page" not in text and "₩" not in text


def test_english_dates_months_and_money(english):
    assert fmt.day(date(2026, 12, 9)) == "Dec 9, 2026"
    assert fmt.month(Month(2026, 12)) == "Dec 2026"
    assert fmt.won(1_200_000) == "₩1,200,000"
    assert fmt.number(12, fmt.CASES) == "12" and fmt.number(90, fmt.MINUTES) == "90 min"
    assert fmt.change(31.2, 30.0, "%") == "+1.2 pp"


def test_korean_dates_months_and_money_stay_as_they_were():
    assert fmt.day(date(2026, 12, 9)) == "2026. 12. 9."
    assert fmt.month(Month(2026, 12)) == "2026년 12월"
    assert fmt.won(1_200_000) == "1,200,000원"
    assert fmt.number(3, fmt.COMPANIES) == "3개사"
    assert fmt.change(31.2, 30.0, "%") == "+1.2%p"


def test_report_kinds_are_named_in_the_current_language(english):
    camp = kinds.kind("camp")
    assert camp.name == "Monthly camp report (council)"
    assert camp.default_name(kinds.Request(month=MARCH)) == "2026-03_camp_monthly_report.pdf"
    i18n.set_language("ko")
    assert camp.name == "월간 캠프 보고서 (월례회의)"
    assert camp.default_name(kinds.Request(month=MARCH)) == "2026-03_캠프_월간보고서.pdf"


def test_the_camp_is_named_in_english_in_english_reports(staffed_ctx, camp, english, tmp_path):
    """The stored name stays Korean; the header (and the tenant report's subtitle) say the
    camp's English name, as the window title does."""
    assert staffed_ctx.settings.camp_name == "광주 AI창업캠프"
    for pdf in (api.camp_month_pdf(staffed_ctx, MARCH),
                api.tenant_month_pdf(staffed_ctx, camp.a, MARCH)):
        text = pdftotext(pdf, tmp_path)
        assert "AI Startup Camp Gwangju" in text
        assert "광주 AI창업캠프" not in text and "AI창업캠프" not in text
    subtitle = pdftotext(api.tenant_month_pdf(staffed_ctx, camp.a, MARCH), tmp_path)
    assert re.search(r"Reporting period .*· AI Startup Camp Gwangju", subtitle)


def test_a_camp_name_set_by_hand_is_shown_as_it_is(staffed_ctx, camp, english, tmp_path):
    staffed_ctx.settings.camp_name = "무등 창업센터"
    text = pdftotext(api.camp_month_pdf(staffed_ctx, MARCH), tmp_path)
    assert "무등 창업센터" in text


def test_the_escalation_count_is_labelled_as_a_count(staffed_ctx, camp, english, tmp_path):
    """Under the headline figure and in the comparison table: what was escalated, not the
    instruction "Escalate to …" (the follow-up dialog's title)."""
    text = pdftotext(api.camp_month_pdf(staffed_ctx, MARCH), tmp_path)
    assert text.count("Escalated to a senior consultant") >= 2
    assert "Escalate to a senior consultant" not in text


def test_the_escalation_count_keeps_its_korean_label(staffed_ctx, camp):
    text = ReadBack(api.camp_month_pdf(staffed_ctx, MARCH)).flat
    assert "책임상담사 이관" in text
