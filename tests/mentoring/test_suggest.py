"""Mentors suggested for a difficulty, on realistic Korean text: the right field and keywords
first, with the reason; load shares out the work; the CLI prints one mentor a line."""
from datetime import date

from campdesk.cli import main
from campdesk.domain.korean_terms import terms
from campdesk.services import mentoring, mentors
from campdesk.services.mentor_suggest import suggest


def _names(found):
    return [s.name for s in found]


def test_kiwi_finds_the_nouns_not_the_particles():
    words = terms("투자 유치를 위한 IR자료가 부족해서 GPU 서버 비용도 부담됩니다.")
    assert {"투자", "유치", "ir", "자료", "gpu", "서버", "비용"} <= set(words)
    assert "투자유치" in words  # adjacent nouns joined
    assert not any(w.endswith(("를", "가", "도")) for w in words)


def test_an_investment_difficulty_puts_the_finance_mentor_first_and_says_why(pool):
    ctx = pool["ctx"]
    text = ("내년 상반기에 시리즈A 투자 유치를 준비하고 있는데, 투자자에게 보여줄 IR 자료를 어떻게 "
            "구성해야 할지 막막합니다. 기업가치를 얼마로 잡아야 하는지도 조언이 필요합니다.")
    found = suggest(ctx, text, top=3)
    assert found[0].name == "박투자"
    assert found[0].reason.startswith("IR 자료 · 투자 유치")
    assert "전문 분야 일치" in found[0].reason


def test_a_technical_difficulty_puts_the_tech_mentor_first(pool):
    ctx = pool["ctx"]
    text = ("불량 검출용 비전 모델을 공장 현장의 엣지 장비에 올리려는데 추론 속도가 너무 느립니다. "
            "모델 경량화와 GPU 최적화 경험이 있는 분의 도움을 받고 싶습니다.")
    found = suggest(ctx, text, top=4)
    assert found[0].name == "김기술"
    assert "모델 경량화" in found[0].reason and "GPU 최적화" in found[0].reason


def test_sales_and_hiring_difficulties_go_to_their_fields(pool):
    ctx = pool["ctx"]
    sales = suggest(ctx, "제품은 완성했지만 판로 개척이 어렵습니다. 공공기관 조달 시장에 들어가는 방법을 모르겠어요.")
    assert sales[0].name == "이사업"
    hiring = suggest(ctx, "개발자 채용이 너무 어렵고, 인사·노무 규정도 정비해야 합니다. 사업계획서도 다시 써야 해요.")
    assert hiring[0].name == "최경영"


def test_the_company_ai_field_counts_when_the_text_is_vague(pool):
    ctx = pool["ctx"]
    c_vision = pool["companies"][0]  # AI field: computer vision
    found = suggest(ctx, "기술 고도화 방향에 대한 조언이 필요합니다.", company_id=c_vision)
    assert found[0].name == "김기술"


def test_inactive_mentors_are_not_suggested(pool):
    ctx = pool["ctx"]
    mentors.set_active(ctx, pool["mentors"]["finance"], False)
    found = suggest(ctx, "투자 유치와 IR 자료 작성이 어렵습니다.")
    assert "박투자" not in _names(found)


def test_load_in_the_programme_shares_out_equal_fits(pool):
    ctx = pool["ctx"]
    other = mentors.create_mentor(ctx, {"name": "한투자", "fields": "재무·투자",
                                        "keywords": "IR 자료, 투자 유치, 기업가치 평가",
                                        "expertise": "벤처투자 유치, IR 피칭"})
    text = "투자 유치를 위한 IR 자료를 만들고 싶습니다."
    assert {s.name for s in suggest(ctx, text, top=2)} == {"박투자", "한투자"}
    pid = pool["programme"]
    pairing = mentoring.pair(ctx, pid, pool["companies"][1], pool["mentors"]["finance"], 20)
    for day in (2, 9, 16, 23):
        mentoring.record_session(ctx, pairing, {"held_on": date(2026, 4, day), "hours": 2})
    found = suggest(ctx, text, top=2)
    assert _names(found) == ["한투자", "박투자"]
    assert "이번 프로그램 8시간 진행" in found[1].reason
    assert other == found[0].mentor_id


def test_nothing_to_go_on_gives_no_one(pool):
    assert suggest(pool["ctx"], "안녕하세요. 감사합니다.") == []


def test_the_cli_prints_one_mentor_a_line_best_first(pool, capsys):
    ctx = pool["ctx"]
    code = main(["--home", str(ctx.paths.home), "mentors", "suggest", "--top", "2",
                 "--text", "IR 자료를 다듬고 투자 유치 전략을 세우고 싶습니다."])
    lines = capsys.readouterr().out.strip().splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith("1. 박투자 (한국벤처투자) [재무·투자] — IR 자료 · 투자 유치")


def test_the_cli_refuses_an_unknown_company(pool, capsys):
    ctx = pool["ctx"]
    code = main(["--home", str(ctx.paths.home), "mentors", "suggest", "--text", "투자", "--company", "nope"])
    assert code == 1
    assert "기업을 찾을 수 없습니다" in capsys.readouterr().err
