"""The dashboard and the consultation log show what was recorded."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from campdesk.domain.dates import today_seoul
from campdesk.services import consultations
from qt_helpers import type_hangul


def _log(ctx, **values):
    values.setdefault("channel", "phone")
    values.setdefault("caller_name", "문의자")
    return consultations.log_consultation(ctx, values)


def test_dashboard_shows_today_follow_ups_and_charts(window, services, companies_made, qtbot):
    ctx = services.ctx
    _log(ctx, question="오늘 전화 문의", category="funding")
    _log(ctx, question="오늘 방문 상담", channel="walk_in", outcome="follow_up",
         due_on=today_seoul() - timedelta(days=2), company_id=companies_made["광주데이터랩"])
    page = window.show_page("dashboard")
    page.refresh()
    qtbot.waitUntil(lambda: page.data is not None and len(page.data.todays) == 2)
    assert page.cards["today"].value.text() == "2"
    assert page.cards["open"].value.text() == "1"
    assert page.cards["overdue"].value.text() == "1"
    assert page.today_model.rowCount() == 2
    assert {page.today_model.index(r, 1).data() for r in range(2)} == {"광주데이터랩", "문의자"}
    assert len(page._chart_widgets) == 3                  # by channel, by category, 12 months
    titles = [w.chart().title() for w in page._chart_widgets]
    assert titles[0] == "이번 달 · 경로별" and titles[2].startswith("최근 12개월 상담 건수 · 이번 달은")
    assert page.data.trend[-1][1] == 2


def test_log_page_searches_and_filters(window, services, companies_made, qtbot):
    ctx = services.ctx
    _log(ctx, question="특허 출원 비용 문의", company_id=companies_made["빛고을로보틱스"])
    _log(ctx, question="사무실 입주 문의", channel="walk_in")
    _log(ctx, question="채용 박람회 참가", channel="email", caller_org="광주대학교")
    page = window.show_page("consultations")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    type_hangul(page.search, "특허")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 1).data() == "빛고을로보틱스"
    page.search.clear()
    type_hangul(page.search, "빛고을")                     # by the company's name too
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.channel.set_code("walk_in")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 4).data() == "사무실 입주 문의"
    assert "1건" in page.count.text()


def test_dashboard_cards_open_the_list_they_count(window, services, qtbot, companies_made):
    from campdesk.services import consultations
    from campdesk.domain.dates import today_seoul
    consultations.log_consultation(services.ctx, {
        "company_id": companies_made["광주데이터랩"], "channel": "phone", "question": "자금 문의",
        "outcome": "follow_up", "due_on": today_seoul().isoformat()})
    page = window.show_page("dashboard")
    qtbot.waitUntil(lambda: page.data is not None)
    qtbot.mouseClick(page.cards["due"], Qt.MouseButton.LeftButton)
    followups = window.current_page()
    assert followups.key == "followups"
    assert followups.status.currentData() == "due_today" and followups.scope.currentData() == "all"
    qtbot.waitUntil(lambda: followups.model.rowCount() == 1)
    window.show_page("dashboard")
    qtbot.mouseClick(page.cards["today"], Qt.MouseButton.LeftButton)
    log = window.current_page()
    assert log.key == "consultations" and log.period.currentData() == "today"
    qtbot.waitUntil(lambda: log.model.rowCount() == 1)
