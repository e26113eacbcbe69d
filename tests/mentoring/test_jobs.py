"""Job matching: skills matched both ways with the reason, 소개 → 면접 → 채용 / 불발 with dates,
and a job seeker without consent never shown to a company."""
from datetime import date

import pytest

from campdesk.services import companies, jobs
from campdesk.services.errors import FormErrors, UserError


@pytest.fixture
def market(staffed_ctx):
    ctx = staffed_ctx
    company = companies.create_company(ctx, {"name": "빛고을AI", "relationship": "tenant"})
    opening = jobs.post_opening(ctx, company, {"role": "AI 엔지니어", "skills": "Python, PyTorch, 컴퓨터 비전",
                                               "headcount": "2명", "deadline": "2026-12-31"})
    seekers = {
        "consenting": jobs.create_seeker(ctx, {"name": "김구직", "skills": "Python, PyTorch",
                                               "desired_role": "AI 엔지니어", "consent": "예",
                                               "consent_on": "2026-11-02", "phone": "010-1111-2222"}),
        "silent": jobs.create_seeker(ctx, {"name": "이비공개", "skills": "Python, PyTorch, 컴퓨터 비전",
                                           "desired_role": "AI 엔지니어", "consent": "아니오"}),
        "designer": jobs.create_seeker(ctx, {"name": "박디자인", "skills": "디자인, UX", "consent": "예",
                                             "desired_role": "UX 디자이너"}),
    }
    return ctx, company, opening, seekers


def test_a_seeker_without_consent_is_never_suggested_nor_introduced(market):
    ctx, company, opening, seekers = market
    found = jobs.candidates_for_opening(ctx, opening)
    assert [c.name for c in found] == ["김구직"]  # the better-fitting 이비공개 has not consented
    assert "python · pytorch".casefold() in found[0].reason.casefold()
    assert "희망 직무 일치" in found[0].reason
    with pytest.raises(UserError, match="동의하지 않았습니다"):
        jobs.introduce(ctx, seekers["silent"], opening)
    assert jobs.list_matches(ctx) == []


def test_withdrawn_consent_hides_the_seeker_from_the_company_view(market):
    ctx, company, opening, seekers = market
    jobs.introduce(ctx, seekers["consenting"], opening, on="2026-11-10")
    assert [m.seeker for m in jobs.list_matches(ctx, company_id=company)] == ["김구직"]
    jobs.set_consent(ctx, seekers["consenting"], False)
    assert jobs.list_matches(ctx, company_id=company) == []
    assert jobs.candidates_for_opening(ctx, opening) == []
    assert [m.seeker for m in jobs.list_matches(ctx)] == ["김구직"]  # staff still see the record


def test_matches_move_introduced_interview_hired_with_dates_and_figures(market):
    ctx, company, opening, seekers = market
    m = jobs.introduce(ctx, seekers["consenting"], opening, on="2026-11-10")
    jobs.advance(ctx, m, "면접", on="2026-11-15")
    with pytest.raises(UserError):
        jobs.advance(ctx, m, "소개")
    jobs.advance(ctx, m, "채용", on="2026-11-20")
    row = jobs.list_matches(ctx)[0]
    assert (row.status, row.matched_on, row.interview_on, row.decided_on) == (
        "hired", date(2026, 11, 10), date(2026, 11, 15), date(2026, 11, 20))
    assert jobs.list_seekers(ctx)[0].status == "hired"  # 김구직 sorts first
    f = jobs.figures(ctx, date(2026, 11, 1), date(2026, 11, 30))
    assert (f.introductions, f.interviews, f.hires) == (1, 1, 1)
    assert jobs.figures(ctx, date(2026, 10, 1), date(2026, 10, 31)).introductions == 0


def test_openings_for_a_seeker_both_ways(market):
    ctx, company, opening, seekers = market
    assert [c.id for c in jobs.openings_for_seeker(ctx, seekers["consenting"])] == [opening]
    assert jobs.openings_for_seeker(ctx, seekers["designer"]) == []


def test_bad_input_names_the_field(market):
    ctx, company, _opening, _seekers = market
    with pytest.raises(FormErrors) as err:
        jobs.post_opening(ctx, company, {"role": "", "headcount": "몇 명", "deadline": "언젠가"})
    assert set(err.value.by_field()) == {"role", "headcount", "deadline"}
    with pytest.raises(FormErrors) as err:
        jobs.create_seeker(ctx, {"name": "", "phone": "12", "consent": "글쎄"})
    assert set(err.value.by_field()) == {"name", "phone", "consent"}
