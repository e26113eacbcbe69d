"""The printable 멘토링 일지 and the monthly mentor activity statement, from the CLI; and the
monthly camp report's mentoring and job-matching figures from the real records."""
import sys
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from campdesk.cli import main
from campdesk.services import jobs, mentoring, reporting
from campdesk.services.period import Month


def _text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace(" ", "")


def _programme(pool):
    ctx = pool["ctx"]
    a = mentoring.pair(ctx, pool["programme"], pool["companies"][0], pool["mentors"]["finance"], 12,
                       topic="시리즈A 투자 유치")
    first = mentoring.record_session(ctx, a, {
        "held_on": "2026-05-04", "start_time": "14:00", "hours": 2, "mode": "대면",
        "place": "AI창업캠프 3층 회의실", "topic": "IR 자료 점검",
        "content": "투자자 관점에서 문제 정의와 시장 규모를 보완함.", "next_step": "수정본으로 모의 피칭"})
    second = mentoring.record_session(ctx, a, {"held_on": "2026-05-18", "start_time": "10:00",
                                               "hours": 1.5, "mode": "온라인", "topic": "모의 피칭"})
    return a, first, second


def test_the_mentoring_log_of_a_session(pool, tmp_path):
    ctx = pool["ctx"]
    _a, _first, second = _programme(pool)
    out = tmp_path / "log.pdf"
    assert main(["--home", str(ctx.paths.home), "report", "mentoring-log", second, "--out", str(out)]) == 0
    text = _text(out)
    for expected in ("멘토링일지", "빛고을AI", "박투자", "한국벤처투자", "2026년5월18일10:00", "2회차",
                     "온라인", "모의피칭", "누적시간", "3.5시간", "멘토(서명)", "기업대표(서명)"):
        assert expected in text, expected
    assert len(PdfReader(str(out)).pages) == 1


def test_the_monthly_activity_statement_per_mentor(pool, tmp_path, capsys):
    ctx = pool["ctx"]
    _programme(pool)
    out = tmp_path / "act.pdf"
    assert main(["--home", str(ctx.paths.home), "report", "mentor-activity", "--month", "2026-05",
                 "--mentor", pool["mentors"]["finance"], "--out", str(out)]) == 0
    text = _text(out)
    for expected in ("멘토활동내역서", "2026년5월", "박투자", "2회", "3.5시간", "IR자료점검", "모의피칭"):
        assert expected in text, expected
    everyone = tmp_path / "all.pdf"
    assert main(["--home", str(ctx.paths.home), "report", "mentor-activity", "--month", "2026-05",
                 "--out", str(everyone)]) == 0
    assert len(PdfReader(str(everyone)).pages) == 1  # only 박투자 had sessions
    assert main(["--home", str(ctx.paths.home), "report", "mentoring-log", "nope", "--out",
                 str(tmp_path / "x.pdf")]) == 1
    assert "멘토링 회차를 찾을 수 없습니다" in capsys.readouterr().err


def test_the_camp_report_counts_mentoring_hours_and_job_matching(pool):
    ctx = pool["ctx"]
    _programme(pool)
    seeker = jobs.create_seeker(ctx, {"name": "김구직", "skills": "Python", "consent": "예"})
    opening = jobs.post_opening(ctx, pool["companies"][0], {"role": "AI 엔지니어", "skills": "Python"})
    m = jobs.introduce(ctx, seeker, opening, on="2026-05-06")
    jobs.advance(ctx, m, "면접", on="2026-05-12")
    jobs.advance(ctx, m, "채용", on="2026-06-02")
    may = {r.label: r.this for r in reporting.camp_month(ctx, Month(2026, 5)).comparison}
    june = {r.label: r.this for r in reporting.camp_month(ctx, Month(2026, 6)).comparison}
    assert (may["멘토링 세션"], may["멘토링 시간"]) == (2, 3.5)
    assert (may["잡매칭 소개"], may["잡매칭 면접"], may["잡매칭 채용"]) == (1, 1, 0)
    assert (june["잡매칭 소개"], june["잡매칭 채용"]) == (0, 1)
