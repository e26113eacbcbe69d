"""Public calls: fields and eligibility match companies; who was told, when and how; the
message to copy; deadlines of the coming week."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from campdesk.domain.dates import today_seoul
from campdesk.services import companies
from campdesk.services.errors import FormErrors
from campdesk.services.outreach import public_calls as pc
from campdesk.services.outreach import supports as sv


@pytest.fixture
def fleet(staffed_ctx):
    today = today_seoul()
    made = {}
    for name, rel, presence, fields, founded in (
            ("빛고을비전", "tenant", "head_office", "vision,data", today - timedelta(days=400)),
            ("무등헬스", "mou", "branch", "healthcare", today - timedelta(days=365 * 5)),
            ("서울비전랩", "mou", "none", "vision", today - timedelta(days=200)),
            ("극락로봇", "prospect", "head_office", "robotics,vision", today - timedelta(days=100)),
            ("오래된비전", "tenant", "head_office", "vision", today - timedelta(days=365 * 10))):
        made[name] = companies.create_company(staffed_ctx, {
            "name": name, "relationship": rel, "gwangju_presence": presence, "ai_fields": fields,
            "founded_on": founded})
    return made


def test_a_call_finds_the_companies_it_fits_and_records_who_was_told(fleet, staffed_ctx):
    ctx = staffed_ctx
    sv.ensure_agencies(ctx)
    tp = sv.list_agencies(ctx)[0]
    with pytest.raises(FormErrors) as bad:
        pc.save_call(ctx, {"title": "", "deadline": "다음주", "eligible_stages": "중년"})
    assert set(bad.value.by_field()) == {"title", "deadline", "eligible_stages"}
    deadline = today_seoul() + timedelta(days=3)
    call = pc.save_call(ctx, {"title": "2026 AI 비전 실증 지원", "agency_id": tp.id, "deadline": deadline,
                              "fields": "컴퓨터 비전", "eligible_relationships": "입주기업,MOU",
                              "eligible_stages": "초기,도약", "eligible_location": "광주",
                              "url": "https://www.gjtp.or.kr/notice/123"})
    fits = [c.name for c in pc.candidates(ctx, call)]
    # Not 무등헬스 (field), 서울비전랩 (not in Gwangju), 극락로봇 (a prospect), 오래된비전 (10 years).
    assert fits == ["빛고을비전"]
    assert pc.tell(ctx, call, [fleet["빛고을비전"], fleet["무등헬스"]], "오픈채팅") == 2
    pc.tell(ctx, call, [fleet["빛고을비전"]], "phone")
    with pytest.raises(FormErrors):
        pc.tell(ctx, call, [fleet["빛고을비전"]], "팩스")
    told = pc.notices(ctx, call)
    assert sorted((n.company, n.channel) for n in told) == [("무등헬스", "open_chat"), ("빛고을비전", "open_chat"),
                                                            ("빛고을비전", "phone")]
    assert all(n.staff == "김민서" for n in told)
    row = pc.get_call(ctx, call)
    assert row.told == 2 and row.organiser == "광주TP AI센터"
    listed = {c.name: c.told for c in pc.candidates(ctx, call)}
    first = listed["빛고을비전"]
    assert "오픈채팅" in first and "전화" in first and first.index("오픈채팅") < first.index("전화")
    assert listed["무등헬스"].endswith("오픈채팅")   # told though it does not fit: still listed
    assert len(listed) == 2
    assert [title for title, _ch, _at in pc.company_calls(ctx, fleet["무등헬스"])] == ["2026 AI 비전 실증 지원"]

    text = pc.message_text(ctx, call)
    assert text.startswith("[공모사업 안내] 2026 AI 비전 실증 지원")
    assert "광주TP AI센터" in text and f"{deadline.month}월 {deadline.day}일" in text
    assert "입주기업, MOU 체결 기업 · 초기(3년 이내), 도약(3~7년) · 광주 소재(본사·지사)" in text
    assert "컴퓨터 비전" in text and "https://www.gjtp.or.kr/notice/123" in text

    later = pc.save_call(ctx, {"title": "먼 공모", "deadline": today_seoul() + timedelta(days=20)})
    past = pc.save_call(ctx, {"title": "지난 공모", "deadline": today_seoul() - timedelta(days=1)})
    assert [c.title for c in pc.deadlines_this_week(ctx)] == ["2026 AI 비전 실증 지원"]
    assert past not in {c.id for c in pc.list_calls(ctx, open_only=True)}
    assert {later, past, call} == {c.id for c in pc.list_calls(ctx)}
    # A call with no conditions fits every company but first-time callers.
    anyone = pc.save_call(ctx, {"title": "전체 공모", "deadline": date(2027, 1, 31)})
    assert len(pc.candidates(ctx, anyone)) == 5
