"""Outreach in English: messages and warnings follow the language; what is stored (the
concerts' titles, the questionnaire's consultation) and what goes to the companies (the
invitation) stays Korean."""
from __future__ import annotations

from datetime import date

import pytest

from campdesk.services import consultations
from campdesk.services.errors import FormErrors
from campdesk.services.outreach import events as ev
from campdesk.services.outreach import questionnaires as qs
from campdesk.services.outreach import supports as sv
from campdesk.services.period import Month


def test_stored_texts_stay_korean_while_messages_are_english(registered, staffed_ctx, english):
    ctx = staffed_ctx
    ev.schedule_concerts(ctx, 2026)
    september = next(e for e in ev.list_events(ctx, 2026) if e.held_on.month == 9)
    assert september.title == "9월 지식콘서트"
    assert "[AI창업캠프] 9월 지식콘서트 안내" in ev.invitation_text(ctx, september.id)
    with pytest.raises(FormErrors) as bad:
        ev.save_event(ctx, {"title": " ", "held_on": "2026-05-01", "starts_at": "저녁"})
    errors = bad.value.by_field()
    assert errors["title"].message("en") == "Event name is required."
    assert errors["starts_at"].message("en") == "Enter the start time like 19:00 (got: 저녁)."

    qs.record_answer(ctx, registered["금남로봇"], {"received_on": date(2026, 12, 1), "needs_visit": True,
                                                 "proposed_technology": "로봇 팔 제어"})
    visit = consultations.list_follow_ups(ctx)[0]
    assert visit.question.startswith("2차 방문 (서면 설문: 2026년 MOU 기업 서면 설문)")


def test_support_checks_and_the_month_in_english(registered, staffed_ctx, english):
    with pytest.raises(FormErrors) as bad:
        sv.save_support(staffed_ctx, {"programme": "", "company_name": "금남로봇", "kind": "??",
                                      "starts_on": "2026-05-01", "ends_on": "2026-04-01"})
    errors = bad.value.by_field()
    assert errors["programme"].message("en") == "Programme is required."
    assert errors["kind"].message("en").startswith("Unknown kind of support: ?? (one of ")
    assert errors["ends_on"].message("en") == "The end date is before the start date."
    assert errors["agency_id"].message("en") == "Choose the agency."
    assert Month(2026, 3).label == "March 2026"


def test_the_month_in_korean_by_default():
    assert Month(2026, 3).label == "2026년 3월"
