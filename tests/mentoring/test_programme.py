"""Running a programme: pairing, sessions, hours against allocation, warnings, mentor change,
end states, closing; and the mentor pool's search and edit history."""
from datetime import date

import pytest

from campdesk.services import mentoring, mentors
from campdesk.services.errors import FormErrors, UserError


def _pair(pool, company=0, mentor="finance", hours=10):
    return mentoring.pair(pool["ctx"], pool["programme"], pool["companies"][company],
                          pool["mentors"][mentor], hours, topic="투자 유치")


def test_hours_used_against_allocated_per_pairing_company_and_mentor(pool):
    ctx = pool["ctx"]
    a = _pair(pool, 0, "finance", 4)
    b = _pair(pool, 1, "finance", 10)
    mentoring.record_session(ctx, a, {"held_on": "2026-04-03", "hours": "2", "start_time": "14:00",
                                      "mode": "대면", "place": "3층 회의실", "topic": "IR 점검",
                                      "content": "IR 자료 검토", "next_step": "수정본 공유"})
    mentoring.record_session(ctx, a, {"held_on": "2026.4.10", "hours": "2.5시간", "mode": "온라인"})
    mentoring.record_session(ctx, b, {"held_on": date(2026, 4, 11), "hours": 1.5})
    rows = {r.company: r for r in mentoring.list_pairings(ctx, pool["programme"], today=date(2026, 4, 12))}
    assert rows["빛고을AI"].hours_used == 4.5 and rows["빛고을AI"].hours_left == -0.5
    assert rows["빛고을AI"].warnings == ["배정 시간 초과 (4.5/4시간)"]
    assert rows["빛고을AI"].status == "active"  # the first session started it
    assert rows["무등데이터"].warnings == []
    by_mentor = mentoring.hours_by_mentor(ctx, pool["programme"])
    assert [(h.name, h.allocated, h.used) for h in by_mentor] == [("박투자", 14.0, 6.0)]
    by_company = {h.name: h for h in mentoring.hours_by_company(ctx, pool["programme"])}
    assert by_company["빛고을AI"].over and not by_company["무등데이터"].over
    sessions = mentoring.list_sessions(ctx, a)
    assert [(s.held_on, s.hours, s.mode) for s in sessions] == [
        (date(2026, 4, 3), 2.0, "offline"), (date(2026, 4, 10), 2.5, "online")]


def test_three_weeks_without_a_session_is_flagged_until_it_ends(pool):
    ctx = pool["ctx"]
    a = _pair(pool)
    mentoring.record_session(ctx, a, {"held_on": "2026-04-03", "hours": 1})
    quiet = mentoring.list_pairings(ctx, pool["programme"], today=date(2026, 4, 24))[0]
    assert quiet.warnings == ["21일째 멘토링 없음 (마지막 멘토링 04/03)"]
    assert mentoring.list_pairings(ctx, pool["programme"], today=date(2026, 4, 23))[0].warnings == []
    mentoring.end_pairing(ctx, a, "done", on="2026-04-30")
    assert mentoring.list_pairings(ctx, pool["programme"], today=date(2026, 6, 1))[0].warnings == []


def test_bad_session_input_names_the_field(pool):
    ctx = pool["ctx"]
    a = _pair(pool)
    with pytest.raises(FormErrors) as err:
        mentoring.record_session(ctx, a, {"held_on": "4월쯤", "hours": "두 시간", "start_time": "25:00"})
    fields = err.value.by_field()
    assert set(fields) == {"held_on", "hours", "start_time"}
    assert "숫자" in fields["hours"].ko
    with pytest.raises(FormErrors) as err:
        mentoring.record_session(ctx, a, {"held_on": "2026-04-03", "hours": 30})
    assert "12시간 이하" in err.value.by_field()["hours"].ko
    with pytest.raises(FormErrors) as err:
        mentoring.pair(ctx, pool["programme"], pool["companies"][1], pool["mentors"]["tech"], "-3")
    assert "hours_allocated" in err.value.by_field()
    assert mentoring.list_sessions(ctx, a) == []


def test_changing_mentor_is_recorded_and_hours_stay_with_who_gave_them(pool):
    ctx = pool["ctx"]
    a = _pair(pool)
    mentoring.record_session(ctx, a, {"held_on": "2026-04-03", "hours": 2})
    with pytest.raises(FormErrors):
        mentoring.change_mentor(ctx, a, pool["mentors"]["bm"], reason="")
    mentoring.change_mentor(ctx, a, pool["mentors"]["bm"], reason="판로 쪽 도움이 더 필요함", on="2026-04-08")
    mentoring.record_session(ctx, a, {"held_on": "2026-04-10", "hours": 1})
    row = mentoring.list_pairings(ctx, pool["programme"])[0]
    assert (row.mentor, row.previous_mentor) == ("이사업", "박투자")
    assert [(s.mentor, s.hours) for s in mentoring.list_sessions(ctx, a)] == [("박투자", 2.0), ("이사업", 1.0)]
    used = {h.name: h.used for h in mentoring.hours_by_mentor(ctx, pool["programme"])}
    assert used == {"박투자": 2.0, "이사업": 1.0}
    # The same company cannot be paired twice in one programme: the change is the way.
    with pytest.raises(FormErrors, match="멘토 변경"):
        _pair(pool, 0, "tech")


def test_dropping_needs_a_reason_and_closing_completes_the_rest(pool):
    ctx = pool["ctx"]
    a, b = _pair(pool, 0), _pair(pool, 1, "tech")
    with pytest.raises(FormErrors) as err:
        mentoring.end_pairing(ctx, a, "dropped")
    assert "end_reason" in err.value.by_field()
    mentoring.end_pairing(ctx, a, "dropped", reason="대표 일정 문제로 중도 포기", on="2026-05-02")
    with pytest.raises(UserError):
        mentoring.record_session(ctx, a, {"held_on": "2026-05-03", "hours": 1})
    assert mentoring.close_programme(ctx, pool["programme"], on=date(2026, 6, 30)) == 1
    states = {r.id: (r.status, r.end_reason) for r in mentoring.list_pairings(ctx, pool["programme"])}
    assert states == {a: ("dropped", "대표 일정 문제로 중도 포기"), b: ("done", None)}
    assert mentoring.list_programmes(ctx)[0].status == "closed"
    with pytest.raises(UserError):
        _pair(pool, 0, "mgmt")


def test_pool_search_with_choseong_field_and_active_filters(pool):
    ctx = pool["ctx"]
    rows = mentors.list_mentors(ctx)
    assert [r.name for r in mentors.filter_mentors(rows, "ㅂㅌ")] == ["박투자"]
    assert [r.name for r in mentors.filter_mentors(rows, "경량화")] == ["김기술"]
    assert {r.name for r in mentors.filter_mentors(rows, field_code="management")} == {"이사업", "최경영"}
    mentors.set_active(ctx, pool["mentors"]["mgmt"], False)
    rows = mentors.list_mentors(ctx)
    assert [r.name for r in mentors.filter_mentors(rows, field_code="management", active=True)] == ["이사업"]


def test_profile_edits_keep_a_history_and_bad_input_names_the_field(pool):
    ctx = pool["ctx"]
    mid = pool["mentors"]["tech"]
    with pytest.raises(FormErrors) as err:
        mentors.update_mentor(ctx, mid, {"fields": "요리", "email": "x@", "_form": True})
    assert set(err.value.by_field()) == {"fields", "email"}
    changed = mentors.update_mentor(ctx, mid, {"fields": "기술개발, 비즈니스 모델", "availability": "평일 오후"})
    assert set(changed) == {"fields", "availability"}
    profile = mentors.get_profile(ctx, mid)
    assert profile.values["fields"] == "tech,business_model"
    assert {(f, old, new) for _, f, old, new in profile.history} == {
        ("fields", "tech", "tech,business_model"), ("availability", None, "평일 오후")}
