"""The documents as a reader gets them: text, pages, A4, embedded Korean font, numbering."""
from datetime import date

import pytest

from campdesk.reports import api, fonts
from campdesk.reports.base import Renderer
from campdesk.services import reporting
from campdesk.services.reporting import Month

from pdfcheck import A4_POINTS, ReadBack

MARCH = Month(2026, 3)


@pytest.fixture
def camp_pdf(staffed_ctx, camp, monkeypatch):
    real = reporting.camp_month
    monkeypatch.setattr(reporting, "camp_month",
                        lambda ctx, month: real(ctx, month, today=date(2026, 11, 25)))
    return ReadBack(api.camp_month_pdf(staffed_ctx, MARCH))


def assert_furniture(doc: ReadBack, title: str) -> None:
    """Every page: the camp's name, the title, who made it, and "X / Y 쪽"."""
    for number, page in enumerate(doc.pages, 1):
        assert "광주 AI창업캠프" in page
        assert title in page
        assert "작성자 김민서" in page
        assert f"{number} / {len(doc)} 쪽" in page
    assert doc.page_size() == pytest.approx(A4_POINTS, abs=0.5)
    assert doc.used_fonts() <= {"NanumGothic", "NanumGothicBold"}
    assert doc.used_fonts() <= doc.embedded_fonts()


def test_camp_report_reads_back_with_its_figures(camp_pdf):
    assert_furniture(camp_pdf, "2026년 3월 AI창업캠프 월간 운영 보고서")
    text = camp_pdf.flat
    assert "보고 기간 2026. 3. 1. ~ 2026. 3. 31." in text
    for phrase in ("전화 3 50.0%", "대면 2 33.3%", "이메일 1 16.7%",          # by channel
                   "자금·공모사업 3 50.0%", "입주공간 2 33.3%",              # by category
                   "책임상담사 이관 3 50.0%",                                # by outcome
                   "평균 6.5일", "최장 10.0일", "처리 중인 이관은 2건",         # escalations
                   "3층 8 5 62.5% 46.0㎡ 34.0㎡ 73.9% 2",                        # occupancy
                   "무등데이터 2026. 3. 10. 3F-D1", "금남헬스 2026. 3. 15. 3F-D3",
                   "송정로보틱스 2025. 10. 5.",                               # dormant MOU company
                   "3월 지식콘서트: 생성형 AI", "사무 공간 부족 2"):
        assert phrase in text, phrase


def test_consultation_summary_is_one_page_with_escalation_and_follow_up(staffed_ctx, camp):
    doc = ReadBack(api.consultation_pdf(staffed_ctx, camp.escalation))
    assert len(doc) == 1
    assert_furniture(doc, "상담 결과 요약서")
    text = doc.flat
    for phrase in ("빛고을인공지능", "123-45-67890", "2026. 3. 2. 10:00", "전화", "입주공간",
                   "사무실 확장이 가능한가요?", "책임상담사에게 이관합니다.", "박책임",
                   "처리 기한 2026. 3. 9.", "3층 오픈데스크 두 좌석을 추가 배정함.",
                   "책임상담사 이관 → 종결 (2026. 3. 5.)"):
        assert phrase in text, phrase


def test_company_record_lists_every_consultation_space_and_mentoring(staffed_ctx, camp):
    doc = ReadBack(api.company_pdf(staffed_ctx, camp.a))
    assert_furniture(doc, "기업 상담 기록부 · 빛고을인공지능")
    text = doc.flat
    assert "상담 이력 (전체 7건, 오래된 순)" in text
    for phrase in ("사무실 확장이 가능한가요?", "R&D 과제 공고 문의", "월말 늦은 문의", "4월 첫 문의",
                   "301호", "정멘토 멘토 (기술개발)", "양자화로 비용을 줄이도록 조언",
                   "AI 실증 지원사업", "5,000,000원", "3월 지식콘서트: 생성형 AI"):
        assert phrase in text, phrase


def test_tenant_report_shows_difficulties_and_where_they_stand(staffed_ctx, camp):
    doc = ReadBack(api.tenant_month_pdf(staffed_ctx, camp.a, MARCH))
    assert_furniture(doc, "2026년 3월 입주기업 월간 보고서 · 빛고을인공지능")
    text = doc.flat
    for phrase in ("이달의 상담 (4건)", "인력 채용 어려움", "책임상담사 처리 중",
                   "처리 완료 (2026. 3. 5.)", "추론 서버 비용", "멘토 조언",
                   "2026년 1월부터 이달까지 지원 금액 합계: 6,000,000원"):
        assert phrase in text, phrase


def test_batch_in_one_pdf_numbers_pages_per_company(staffed_ctx, camp):
    doc = ReadBack(api.tenants_pdf(staffed_ctx, MARCH))
    starts = [i for i, page in enumerate(doc.pages) if "1 / " in page and "월간 보고" in page]
    assert len(starts) == 3  # 빛고을인공지능, 무등데이터, 금남헬스: each from page 1
    names = [n for n in ("금남헬스", "무등데이터", "빛고을인공지능") if n in doc.pages[starts[0]]]
    assert names == ["금남헬스"]  # by name
    for page in doc.pages:
        assert "쪽" in page


def test_batch_as_one_file_per_company(staffed_ctx, camp, tmp_path):
    seen = []
    paths = api.tenants_files(staffed_ctx, MARCH, tmp_path / "out",
                              progress=lambda done, total: seen.append((done, total)))
    assert sorted(p.name for p in paths) == ["2026-03_금남헬스.pdf", "2026-03_무등데이터.pdf",
                                              "2026-03_빛고을인공지능.pdf"]
    assert seen[-1] == (3, 3)
    assert "무등데이터" in ReadBack(paths[1].read_bytes()).text or \
        "무등데이터" in ReadBack(paths[0].read_bytes()).text


def test_without_a_korean_font_the_error_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "_SYSTEM", [])
    monkeypatch.setattr(fonts, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr(fonts, "_fc_match", lambda: None)
    monkeypatch.delenv(fonts.ENV_FONT, raising=False)
    with pytest.raises(fonts.KoreanFontMissing, match="나눔고딕"):
        fonts.find_font_files()


def test_a_renderer_returns_bytes_without_a_database():
    class Hello(Renderer):
        title = "시험 문서"

        def story(self):
            return self._title_story("안녕하세요", "한글 문서")

    meta = reporting.ReportMeta("광주 AI창업캠프", "김민서", __import__("datetime").datetime.now().astimezone())
    doc = ReadBack(Hello(None, meta).render())
    assert "안녕하세요" in doc.text and "1 / 1 쪽" in doc.text


def test_batch_for_a_month_without_tenants_says_so(staffed_ctx, camp):
    doc = ReadBack(api.tenants_pdf(staffed_ctx, Month(2020, 1)))
    assert len(doc) == 1 and "이 달에 입주한 기업이 없습니다." in doc.text


def test_a_consultation_with_very_long_notes_continues_at_its_size(staffed_ctx, camp):
    from pdfcheck import runs, small_text
    from campdesk.services import consultations
    long_answer = "지원사업 공고문과 신청 절차를 단계별로 안내함. " * 120
    consultations.update_consultation(staffed_ctx, camp.escalation, {"answer": long_answer})
    doc = ReadBack(api.consultation_pdf(staffed_ctx, camp.escalation))
    assert len(doc) == 2 and "2 / 2 쪽" in doc.pages[1]
    assert not small_text(doc, 8.5 - 0.01 - 1)  # nothing shrunk: body 8.5 pt, footer 8 pt
    assert {r.size for r in runs(doc, 0) if "단계별로" in r.text} == {8.5}
    assert "담당 직원" in doc.pages[1] and "확인 (기업)" in doc.pages[1]  # boxes whole, after


def test_a_walk_in_individual_has_no_company_box(staffed_ctx, camp):
    from campdesk.services import consultations
    walk_in = consultations.log_consultation(staffed_ctx, {
        "channel": "walk_in", "category": "other", "caller_name": "홍길동",
        "question": "창업 절차 문의", "answer": "안내함"})
    doc = ReadBack(api.consultation_pdf(staffed_ctx, walk_in))
    assert "담당 직원" in doc.text and "확인 (기업)" not in doc.text


def test_a_month_with_nothing_closed_says_so_in_a_whole_sentence(staffed_ctx, camp):
    from campdesk.reports.camp import CampMonthRenderer
    data = reporting.camp_month(staffed_ctx, Month(2026, 2), today=date(2026, 11, 25))
    text = ReadBack(CampMonthRenderer(data, reporting.report_meta(staffed_ctx)).render()).flat
    assert "아직 종결된 건이 없어 처리 기간은 셀 수 없습니다" in text
    assert "평균 -" not in text and "최장 -입니다" not in text
    assert "그 기간에는 기록이 없습니다" in text  # February 2025: before the first record


def test_a_month_without_records_says_no_data(staffed_ctx, camp):
    doc = ReadBack(api.camp_month_pdf(staffed_ctx, Month(1999, 1)))
    assert len(doc) == 1 and "자료 없음" in doc.text


@pytest.mark.parametrize("now, before, shown", [(53.3, 53.3, "0.0%p"), (50.0, 80.0, "-30.0%p"),
                                                (55.9, 58.5, "-2.6%p"), (60.0, 59.0, "+1.0%p")])
def test_percentage_points_are_written_one_way(now, before, shown):
    from campdesk.reports import fmt
    assert fmt.change(now, before, "%") == shown


def test_a_long_company_name_does_not_run_into_the_camp_name(staffed_ctx, camp):
    from pdfcheck import runs
    from campdesk.services import companies
    companies.update_company(staffed_ctx, camp.a, {"name": "주식회사 " + "빛고을인공지능연구소" * 5})
    doc = ReadBack(api.company_pdf(staffed_ctx, camp.a))
    header = [r for r in runs(doc, 0) if r.y > 800]
    camp_name = next(r for r in header if "광주 AI창업캠프" in r.text)
    title = next(r for r in header if r is not camp_name)
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from campdesk.reports.fonts import BOLD
    assert camp_name.x + stringWidth(camp_name.text, BOLD, 9) < title.x
    assert title.size >= 7


def test_an_open_escalation_past_its_due_date_is_marked(staffed_ctx, camp):
    from sqlalchemy import update

    from campdesk.reports.camp import CampMonthRenderer
    from campdesk.store import models as m
    with staffed_ctx.db.transaction() as s:  # the 25 March escalation, still open, was due 28 March
        s.execute(update(m.Consultation).where(m.Consultation.difficulty == "GPU 자원 부족")
                  .values(due_on=date(2026, 3, 28)))
    data = reporting.camp_month(staffed_ctx, MARCH, today=date(2026, 11, 25))
    text = ReadBack(CampMonthRenderer(data, reporting.report_meta(staffed_ctx)).render()).flat
    assert "처리 중 (기한 초과)" in text
    assert "그중 이번 달 이관분 1건은 처리 기한을 넘겼습니다" in text


def test_a_tenant_report_of_the_running_month_is_provisional(staffed_ctx, camp):
    from campdesk.domain.dates import format_date, today_seoul
    today = today_seoul()
    doc = ReadBack(api.tenant_month_pdf(staffed_ctx, camp.a, Month.of(today)))
    assert f"{format_date(today)} 기준 잠정" in doc.flat
    assert f"~ {format_date(today)}" in doc.flat  # the period runs to today, not the month's end
    finished = ReadBack(api.tenant_month_pdf(staffed_ctx, camp.a, MARCH))
    assert "잠정" not in finished.flat and "입주공간을 사용한 기록이 없습니다" not in finished.flat


def test_a_year_before_partly_on_record_says_from_when(staffed_ctx, camp):
    """The first record is on 5 March 2025: March 2026's year-before figures count from then."""
    from campdesk.reports.camp import CampMonthRenderer
    data = reporting.camp_month(staffed_ctx, MARCH, today=date(2026, 11, 25))
    text = ReadBack(CampMonthRenderer(data, reporting.report_meta(staffed_ctx)).render()).flat
    assert "전년 수치는 기록이 시작된 2025. 3. 5.부터 2025. 3. 31.까지만 셉니다." in text
