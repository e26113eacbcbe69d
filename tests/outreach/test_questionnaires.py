"""Written questionnaires: the returns sheet as the office types it, each answer a written
consultation, a wish for another visit an open "2차 방문" follow-up; the printed form; the
technology demand in the monthly camp report."""
from __future__ import annotations

from datetime import date

import pytest

from campdesk.domain.outreach import parse_yes_no, tech_themes
from campdesk.services import consultations
from campdesk.services.errors import FormErrors
from campdesk.services.outreach import questionnaires as qs

from .conftest import FILES, pdf_text, run_cli

RETURNS = FILES / "questionnaire_returns.xlsx"
RETURNS_CSV = FILES / "questionnaire_returns_cp949.csv"


@pytest.mark.parametrize("text, answer", [("예", True), ("네", True), ("O", True), ("o", True),
                                          ("Y", True), ("✓", True), ("○", True), ("아니오", False),
                                          ("아니요", False), ("X", False), ("x", False), ("N", False),
                                          ("", None), (None, None), ("  ", None)])
def test_yes_and_no_as_offices_write_them(text, answer):
    assert parse_yes_no(text) is answer


def test_an_unclear_answer_is_not_guessed():
    with pytest.raises(ValueError):
        parse_yes_no("글쎄요")


def test_technology_themes_from_words_and_field_names():
    assert tech_themes("의료 영상 판독 보조 모델 고도화") == ["vision", "healthcare"]
    assert tech_themes("자연어 처리, 데이터", "대화형 상담봇(LLM) 도입") == ["nlp", "data"]
    assert tech_themes("") == []


def test_importing_the_returns_sheet(registered, staffed_ctx):
    ctx = staffed_ctx
    code, out, _ = run_cli(ctx.paths.home, "import", "questionnaires", RETURNS)
    assert code == 2
    assert "전체 6행 — 새로 추가 3" in out and "거부 2행" in out
    assert "6행 빛고을데이터 주식회사: 응답이 비어 있어 건너뛰었습니다" in out     # not an error
    assert "8행 [기업명] 등록되지 않은 기업입니다: 한빛에이아이" in out
    assert "9행 [2차 방문 희망]" in out and "글쎄요" in out

    responses = {r.company: r for r in qs.list_responses(ctx)}
    assert set(responses) == {"(주)무등소프트", "금남로봇", "무등소프트랩"}   # "금남 로봇" by name
    assert responses["(주)무등소프트"].tech_themes == "vision,healthcare"
    assert responses["무등소프트랩"].tech_themes == "nlp,data"
    # Each answer is a written consultation of its company, the difficulty kept.
    soft = consultations.company_timeline(ctx, registered["(주)무등소프트"])
    assert len(soft) == 1 and soft[0].channel == "written"
    assert soft[0].difficulty == "GPU 서버 비용 부담이 큼"
    assert soft[0].suggestion == "GPU 공동 활용 확대 요청"
    robot = consultations.company_timeline(ctx, registered["금남로봇"])
    assert robot[0].outcome == "resolved" and robot[0].difficulty == "AI 개발 인력 채용이 어려움"

    # A wish for another visit: an open follow-up, due two weeks (a working day) later,
    # assigned to on-site staff (not the call operator), spread between them.
    code, out, _ = run_cli(ctx.paths.home, "followups", "--open")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0] == "2026-11-16\t(주)무등소프트\t2차 방문 (서면 설문: 2026년 MOU 기업 서면 설문)\t김민서"
    assert lines[1] == "2026-11-20\t무등소프트랩\t2차 방문 (서면 설문: 2026년 MOU 기업 서면 설문)\t이준호"

    # Importing the same sheet again changes nothing; a later CSV (CP949) updates.
    code, out, _ = run_cli(ctx.paths.home, "import", "questionnaires", RETURNS)
    assert "새로 추가 0, 갱신 0, 변경 없음 4" in out
    code, out, _ = run_cli(ctx.paths.home, "import", "questionnaires", RETURNS_CSV,
                           "--title", "2026년 MOU 기업 서면 설문")
    assert code == 0 and "갱신 1" in out
    assert len(consultations.company_timeline(ctx, registered["(주)무등소프트"])) == 1
    demand = dict(qs.tech_demand(ctx, date(2026, 11, 1), date(2026, 11, 30)))
    assert demand["nlp"] == 2 and demand["robotics"] == 1 and "healthcare" not in demand


def test_a_closed_second_visit_is_not_reopened_by_importing_again(registered, staffed_ctx):
    ctx = staffed_ctx
    run_cli(ctx.paths.home, "import", "questionnaires", RETURNS)
    visit = next(v for v in consultations.list_follow_ups(ctx) if v.company_name == "(주)무등소프트")
    consultations.resolve(ctx, visit.id, "11/18 방문 상담 완료")
    run_cli(ctx.paths.home, "import", "questionnaires", RETURNS)
    assert [v.company_name for v in consultations.list_follow_ups(ctx)] == ["무등소프트랩"]


def test_an_answer_typed_in_the_app(registered, staffed_ctx):
    ctx = staffed_ctx
    with pytest.raises(FormErrors) as bad:
        qs.record_answer(ctx, registered["금남로봇"], {"needs_visit": "몰라요", "received_on": "어제"})
    assert set(bad.value.by_field()) == {"needs_visit", "received_on"}
    rid, status = qs.record_answer(ctx, registered["금남로봇"], {
        "received_on": date(2026, 12, 1), "difficulties": "테스트베드 부족", "needs_visit": True,
        "proposed_technology": "로봇 팔 제어", "tech_themes": "robotics"})
    assert status == "created"
    assert qs.record_answer(ctx, registered["금남로봇"], {
        "received_on": date(2026, 12, 1), "difficulties": "테스트베드 부족", "needs_visit": True,
        "proposed_technology": "로봇 팔 제어", "tech_themes": "robotics"})[1] == "unchanged"
    visit = consultations.list_follow_ups(ctx)[0]
    assert visit.due_on == date(2026, 12, 15) and visit.question.startswith("2차 방문")


def test_the_printed_form_prefilled_or_for_every_written_survey_company(registered, staffed_ctx, tmp_path):
    ctx = staffed_ctx
    # 금남로봇 is a tenant; 무등소프트랩 came in person recently: neither gets the form.
    consultations.log_consultation(ctx, {"channel": "walk_in", "company_id": registered["무등소프트랩"],
                                         "question": "입주 상담"})
    targets = {c.name for c in qs.form_companies(ctx)}
    assert targets == {"(주)무등소프트", "빛고을데이터 주식회사"}
    out = tmp_path / "forms.pdf"
    code, _, _ = run_cli(ctx.paths.home, "report", "questionnaire-form", "--out", out)
    assert code == 0
    text = pdf_text(out)
    assert text.count("AI창업캠프 MOU 기업 서면 설문") >= 2
    assert "(주)무등소프트" in text and "빛고을데이터 주식회사" in text and "410-81-10005" in text
    assert "2차 방문" in text and "애로사항" in text
    one = tmp_path / "one.pdf"
    code, _, _ = run_cli(ctx.paths.home, "report", "questionnaire-form", "--company",
                         registered["금남로봇"], "--out", one)
    text = pdf_text(one)
    assert code == 0 and "금남로봇" in text and "123-86-10009" in text and "무등소프트" not in text
    blank = tmp_path / "blank.pdf"
    assert run_cli(ctx.paths.home, "report", "questionnaire-form", "--blank", "--out", blank)[0] == 0


def test_the_monthly_camp_report_counts_technology_demand_by_theme(registered, staffed_ctx, tmp_path):
    run_cli(staffed_ctx.paths.home, "import", "questionnaires", RETURNS)
    out = tmp_path / "monthly.pdf"
    code, _, _ = run_cli(staffed_ctx.paths.home, "report", "monthly", "--month", "2026-11", "--out", out)
    assert code == 0
    text = pdf_text(out)
    assert "대외협력" in text and "기술 수요" in text
    assert "헬스케어" in text and "자연어 처리" in text and "서면 설문 회신" in text
