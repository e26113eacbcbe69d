"""Mentoring and job matching sync through the real hub like every other table: a session
logged on one PC reaches the other with every field, hours follow, and concurrent edits of
the same session end in 확인 필요 with both values kept."""
from __future__ import annotations

import pytest

from campdesk.services import companies, jobs, mentoring, mentors
from campdesk.store.models import MentoringSession

pytestmark = pytest.mark.hub


def test_a_session_logged_on_one_pc_reaches_the_other(make_pc):
    a, b = make_pc("desk1"), make_pc("desk2")
    ctx = a.ctx
    mentor = mentors.create_mentor(ctx, {"name": "박투자", "fields": "재무·투자, 창업경영",
                                         "keywords": "IR 자료, 투자 유치", "email": "park@vc.example.kr"})
    company = companies.create_company(ctx, {"name": "빛고을AI", "relationship": "tenant"})
    programme = mentoring.create_programme(ctx, {"name": "2026 상반기 멘토링", "starts_on": "2026-04-01"})
    pairing = mentoring.pair(ctx, programme, company, mentor, 12, topic="시리즈A 투자 유치")
    session = mentoring.record_session(ctx, pairing, {
        "held_on": "2026-04-14", "start_time": "14:00", "hours": 2, "mode": "온라인",
        "topic": "IR 자료 점검", "content": "문제 정의를 보완함.", "next_step": "모의 피칭"})
    seeker = jobs.create_seeker(ctx, {"name": "김구직", "skills": "Python", "consent": True})
    opening = jobs.post_opening(ctx, company, {"role": "AI 엔지니어", "skills": "Python"})
    jobs.introduce(ctx, seeker, opening, on="2026-04-20")
    a.sync()
    b.sync()

    logged = mentoring.list_sessions(b.ctx, pairing)
    assert [(s.held_on.isoformat(), s.start_time, s.hours, s.mode, s.topic, s.mentor, s.next_step)
            for s in logged] == [("2026-04-14", "14:00", 2.0, "online", "IR 자료 점검", "박투자", "모의 피칭")]
    row = mentoring.list_pairings(b.ctx, programme)[0]
    assert (row.company, row.mentor, row.hours_allocated, row.hours_used, row.status) == (
        "빛고을AI", "박투자", 12.0, 2.0, "active")
    assert mentors.list_mentors(b.ctx)[0].field_codes == ["finance", "management"]
    assert [(m.seeker, m.status) for m in jobs.list_matches(b.ctx, company_id=company)] == [("김구직", "proposed")]
    assert [o.role for o in jobs.list_openings(b.ctx)] == ["AI 엔지니어"]

    # B corrects the hours, A the content, both offline: each field keeps its own edit.
    mentoring.update_session(b.ctx, session, {"held_on": "2026-04-14", "hours": 2.5, "mode": "online",
                                              "topic": "IR 자료 점검", "content": "문제 정의를 보완함."})
    mentoring.update_session(a.ctx, session, {"held_on": "2026-04-14", "hours": 2, "mode": "online",
                                              "topic": "IR 자료 점검", "content": "문제 정의와 시장 규모를 보완함."})
    b.sync()
    a.sync()
    b.sync()
    for pc in (a, b):
        s = pc.get(MentoringSession, session)
        assert (s.duration_min, s.content) == (150, "문제 정의와 시장 규모를 보완함.")


def test_concurrent_edits_of_a_session_keep_the_losing_value_for_needs_attention(make_pc):
    a, b = make_pc("desk1"), make_pc("desk2")
    mentor = mentors.create_mentor(a.ctx, {"name": "김기술", "fields": "기술개발"})
    company = companies.create_company(a.ctx, {"name": "무등데이터"})
    pairing = mentoring.pair(a.ctx, None, company, mentor, 10)
    session = mentoring.record_session(a.ctx, pairing, {"held_on": "2026-04-02", "hours": 1,
                                                        "next_step": "데이터 점검"})
    a.sync()
    b.sync()
    a.edit(MentoringSession, session, next_step="경량화 결과 공유")
    b.edit(MentoringSession, session, next_step="라벨링 가이드 작성")
    a.sync()
    b.sync()
    a.sync()
    winner = a.get(MentoringSession, session).next_step
    assert winner == b.get(MentoringSession, session).next_step
    kept = [c for c in a.conflicts() if c["tbl"] == "mentoring_sessions" and c["field"] == "next_step"]
    assert len(kept) == 1, "the losing value is kept for 확인 필요"
    loser = ({"경량화 결과 공유", "라벨링 가이드 작성"} - {winner}).pop()
    assert loser in kept[0]["loser_value"] and winner in kept[0]["winner_value"]
