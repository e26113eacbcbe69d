"""The mentoring and job-matching services in English: messages follow the language, the
words matched stay as written."""
from datetime import date

import pytest

from campdesk.services import companies, jobs, mentoring
from campdesk.services.errors import FormErrors, UserError
from campdesk.services.mentor_suggest import suggest


def test_pairing_warnings_and_refusals_in_english(pool, english):
    ctx = pool["ctx"]
    a = mentoring.pair(ctx, pool["programme"], pool["companies"][0], pool["mentors"]["finance"], 1)
    mentoring.record_session(ctx, a, {"held_on": "2026-04-03", "hours": "2"})
    [row] = mentoring.list_pairings(ctx, pool["programme"], today=date(2026, 4, 24))
    assert row.warnings == ["Over the hours allocated (2/1 h)",
                            "No mentoring for 21 days (last session 04/03)"]
    with pytest.raises(FormErrors) as bad:
        mentoring.record_session(ctx, a, {"held_on": "2026-04-05", "hours": "두 시간"})
    assert bad.value.by_field()["hours"].message("en") == "Session hours must be a number (got: 두 시간)."
    with pytest.raises(UserError) as refused:
        mentoring.end_pairing(ctx, a, "finished")
    assert str(refused.value) == "A pairing ends as done or dropped."


def test_suggestion_reasons_in_english_keep_the_mentors_words(pool, english):
    [best, *_] = suggest(pool["ctx"], "IR 자료를 만들고 투자 유치를 준비하고 싶어요")
    assert best.name == "박투자"
    assert best.reason.startswith("IR 자료") and "— expertise matches" in best.reason


def test_a_seeker_without_consent_is_refused_in_english(staffed_ctx, english):
    seeker = jobs.create_seeker(staffed_ctx, {"name": "정하늘", "consent": "아니오"})
    company = companies.create_company(staffed_ctx, {"name": "빛고을AI", "relationship": "tenant"})
    with pytest.raises(UserError) as refused:
        jobs.introduce(staffed_ctx, seeker, company_id=company)
    assert str(refused.value) == ("정하늘 has not consented to share their data with companies. "
                                  "Get their consent before the introduction.")
