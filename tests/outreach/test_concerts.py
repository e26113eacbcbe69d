"""The knowledge concert: the fourth Thursday (never "the last"), moved off Korean public
holidays and their eves; registrations, attendance, the invitation and the sheet."""
from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from campdesk.domain.events import concert_plan, nth_weekday
from campdesk.services.errors import FormErrors
from campdesk.services.outreach import events as ev

from .conftest import pdf_text, run_cli


def test_2026_concerts_are_on_the_fourth_thursday_and_move_off_chuseok_eve(ctx):
    code, out, _ = run_cli(ctx.paths.home, "events", "concerts", "--year", "2026")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 12
    days = [line.split()[0] for line in lines]
    assert days[9] == "2026-10-22"            # October has five Thursdays: the 4th, not the 29th
    assert "2026-10-29" not in out
    assert days[8] == "2026-09-17"            # the 24th is the day before Chuseok
    assert "2026-09-24" in lines[8] and "추석" in lines[8]
    assert days[11] == "2026-12-17" and "기독탄신일 전날" in lines[11]   # 24 Dec, Christmas Eve
    assert lines[0] == "2026-01-22"           # not moved: no note


@pytest.mark.parametrize("year", range(2024, 2031))
def test_every_year_each_concert_is_a_thursday_off_holidays_and_their_eves(year):
    kr = holidays.KR(years=[year, year + 1])
    for month in range(1, 13):
        plan = concert_plan(year, month)
        assert plan.regular == nth_weekday(year, month, 3, 4)
        assert 22 <= plan.regular.day <= 28 and plan.regular.weekday() == 3
        assert plan.day.weekday() == 3
        assert plan.day not in kr and plan.day + timedelta(days=1) not in kr
        assert plan.moved == (plan.regular in kr or plan.regular + timedelta(days=1) in kr)
        assert (plan.reason is None) == (not plan.moved)


def test_a_bad_year_is_a_one_line_error(ctx):
    code, _, err = run_cli(ctx.paths.home, "events", "concerts", "--year", "99")
    assert code == 1 and "연도" in err


def test_scheduling_makes_one_concert_a_month_once_with_the_move_shown(staffed_ctx):
    made = ev.schedule_concerts(staffed_ctx, 2026)
    assert len(made) == 12
    assert ev.schedule_concerts(staffed_ctx, 2026) == []          # again: nothing more
    september = next(e for e in ev.list_events(staffed_ctx, 2026) if e.held_on.month == 9)
    assert september.held_on == date(2026, 9, 17) and september.moved_from == date(2026, 9, 24)
    # Staff move it by hand to the Wednesday: the regular date stays known.
    ev.save_event(staffed_ctx, {"held_on": "2026-09-16", "speaker": "김연사 교수",
                                "theme": "추석 전 특집"}, september.id)
    moved = ev.get_event(staffed_ctx, september.id)
    assert moved.held_on == date(2026, 9, 16) and moved.moved_from == date(2026, 9, 24)
    assert moved.speaker == "김연사 교수"
    with pytest.raises(FormErrors) as bad:
        ev.save_event(staffed_ctx, {"held_on": "2026-13-01"}, september.id)
    assert "held_on" in bad.value.by_field()


def test_invitation_registration_attendance_and_the_sheet(registered, staffed_ctx, tmp_path):
    ctx = staffed_ctx
    eid = ev.save_event(ctx, {"title": "9월 지식콘서트", "held_on": "2026-09-17", "moved_from": "2026-09-24",
                              "starts_at": "16시", "theme": "AI 인재 채용 전략", "speaker": "고승현 파트너"})
    text = ev.invitation_text(ctx, eid)
    assert "9월 17일(목) 16:00" in text and "9월 24일에서 옮겼습니다" in text and "고승현 파트너" in text
    invited = {i.name for i in ev.invitees(ctx, eid)}
    assert invited == {"(주)무등소프트", "금남로봇", "빛고을데이터 주식회사", "무등소프트랩"}

    ev.register(ctx, eid, {"company_id": registered["금남로봇"], "person_name": "박로봇",
                           "phone": "01012345678", "attendees": 2})
    ev.register(ctx, eid, {"company_id": registered["(주)무등소프트"], "person_name": "정소프트"})
    ev.check_in(ctx, eid, {"company_id": registered["금남로봇"]})                  # came
    ev.check_in(ctx, eid, {"person_name": "한방문", "organisation": "광주대학교"})  # a walk-in
    with pytest.raises(FormErrors):
        ev.register(ctx, eid, {"person_name": "", "attendees": 0})
    rows = {r.who: r for r in ev.attendance(ctx, eid)}
    assert rows["금남로봇"].registered and rows["금남로봇"].attended and rows["금남로봇"].phone == "010-1234-5678"
    assert rows["(주)무등소프트"].registered and not rows["(주)무등소프트"].attended
    assert rows["광주대학교"].attended and not rows["광주대학교"].registered
    event = ev.get_event(ctx, eid)
    assert (event.registered, event.attended, event.attendees) == (2, 2, 3)
    assert [i.registered for i in ev.invitees(ctx, eid) if i.name == "금남로봇"] == [True]

    out = tmp_path / "sheet.pdf"
    code, said, _ = run_cli(ctx.paths.home, "report", "attendance", eid, "--out", out)
    assert code == 0 and "PDF" in said
    text = pdf_text(out)
    assert "9월 지식콘서트 참석자 명단" in text and "금남로봇" in text and "박로봇" in text
    assert "서명" in text and "광주대학교" in text
    code, _, err = run_cli(ctx.paths.home, "report", "attendance", "no-such-event", "--out", out)
    assert code == 1 and "찾을 수 없습니다" in err
