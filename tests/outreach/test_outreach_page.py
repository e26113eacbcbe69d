"""The 대외협력 page: registered before 보고서, four tabs that show what was recorded; the
duplicate-support warning on the company page and in the consultation dialog."""
from __future__ import annotations

import pytest

from campdesk.services.outreach import events as ev
from campdesk.ui.core.page_registry import PAGES

from .conftest import FILES, run_cli


@pytest.fixture
def services(registered, staffed_ctx, qapp):
    from campdesk.ui.core import i18n
    from campdesk.ui.core.appservices import AppServices
    i18n.set_language("ko")
    app = AppServices(staffed_ctx)
    yield app
    app.shutdown()


@pytest.fixture
def window(services, qtbot):
    from campdesk.ui.core.mainwindow import MainWindow
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.start()
    qtbot.waitExposed(win)
    yield win
    services.ops.wait()


@pytest.fixture
def with_data(registered, staffed_ctx):
    home = staffed_ctx.paths.home
    run_cli(home, "import", "supports", FILES / "supports_gicon_cp949.csv", "--agency", "광주정보문화산업진흥원")
    run_cli(home, "import", "supports", FILES / "supports_ccei.xlsx")
    run_cli(home, "import", "questionnaires", FILES / "questionnaire_returns.xlsx")
    ev.schedule_concerts(staffed_ctx, 2026)


def test_the_page_sits_before_reports():
    keys = [p.key for p in PAGES]
    assert keys.index("outreach") == keys.index("reports") - 1
    assert next(p for p in PAGES if p.key == "outreach").title() == "대외협력"


def test_the_four_tabs_show_what_was_recorded(with_data, window, services, qtbot):
    page = window.show_page("outreach")
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["설문", "지식콘서트", "유관기관 지원",
                                                                         "공모사업"]
    q = page.show_tab("questionnaires")
    qtbot.waitUntil(lambda: q.model.rowCount() == 3)
    assert "2차 방문 희망 2건" in q.summary.text()
    assert "헬스케어" in q.demand.text()

    c = page.show_tab("concerts")
    c.year.setValue(2026)
    qtbot.waitUntil(lambda: c.events_model.rowCount() == 12)
    texts = [c.events_model.index(r, 1).data() for r in range(12)]
    assert sum(1 for x in texts if x) == 2 and any("2026. 9. 24." in x for x in texts if x)

    s = page.show_tab("supports")
    qtbot.waitUntil(lambda: s.overlap_model.rowCount() == 2)
    assert "중복 지원 의심 2건" in s.overlap_title.text()
    assert s.model.rowCount() == 9
    s.agency.setCurrentIndex(s.agency.findText("광주창경센터"))
    assert s.model.rowCount() == 5

    calls = page.show_tab("calls")
    qtbot.waitUntil(lambda: calls.cand_title.text() != "")
    assert calls.model.rowCount() == 0


def test_the_company_page_and_a_funding_consultation_warn_of_duplicate_support(
        with_data, window, services, registered, qtbot):
    from campdesk.ui.consultations.consultation_dialog import open_log_dialog
    page = window.show_page("companies")
    detail = page.detail
    detail.show_company(registered["(주)무등소프트"])
    qtbot.waitUntil(lambda: detail.overlap_warning.isVisible())
    assert "중복 지원" in detail.overlap_warning.text()
    detail.show_company(registered["무등소프트랩"])
    qtbot.waitUntil(lambda: not detail.overlap_warning.isVisible())

    dialog = open_log_dialog(services, window, company_id=registered["금남로봇"])
    qtbot.waitUntil(lambda: dialog.form.picker.company_id == registered["금남로봇"])
    dialog.form.category.set_code("space")
    services.ops.wait()
    qtbot.wait(50)
    assert not dialog.overlap_warning.isVisible()
    dialog.form.category.set_code("funding")
    qtbot.waitUntil(lambda: dialog.overlap_warning.isVisible())
    assert "광주창경센터" in dialog.overlap_warning.text()
    dialog.close()


def test_tabs_act_through_their_buttons(registered, window, services, qtbot):
    from datetime import timedelta

    from campdesk.domain.dates import today_seoul
    from campdesk.services.outreach import public_calls as pc
    from campdesk.services.outreach import questionnaires as qs
    ctx = services.ctx
    page = window.show_page("outreach")

    q = page.show_tab("questionnaires")
    q.import_file(str(FILES / "questionnaire_returns.xlsx"))
    qtbot.waitUntil(lambda: q.model.rowCount() == 3)
    assert len(qs.list_responses(ctx)) == 3

    eid = ev.save_event(ctx, {"title": "12월 지식콘서트", "held_on": today_seoul() + timedelta(days=10)})
    ev.register(ctx, eid, {"company_id": registered["금남로봇"], "person_name": "박로봇"})
    c = page.show_tab("concerts")
    c.refresh()
    qtbot.waitUntil(lambda: c.att_model.rowCount() == 1)
    c.att.selectRow(0)
    c.buttons["attended"].click()
    qtbot.waitUntil(lambda: c.att_model.rowCount() == 1 and c.att_model.row(0).attended)
    c.att.selectRow(0)
    c.buttons["withdraw"].click()
    qtbot.waitUntil(lambda: c.att_model.rowCount() == 0)

    call = pc.save_call(ctx, {"title": "MOU 기업 공모", "deadline": today_seoul() + timedelta(days=2),
                              "eligible_relationships": "mou"})
    calls = page.show_tab("calls")
    calls.refresh()
    qtbot.waitUntil(lambda: calls.cand_model.rowCount() == 3)
    calls.channel.setCurrentIndex(calls.channel.findData("email"))
    calls.buttons["tell_all"].click()
    qtbot.waitUntil(lambda: len(pc.notices(ctx, call)) == 3)
    assert {n.channel for n in pc.notices(ctx, call)} == {"email"}
    qtbot.waitUntil(lambda: all(r.told for r in calls.cand_model.rows))


def test_the_page_follows_the_language(window, services, qtbot):
    from PySide6.QtCore import Qt

    from campdesk.ui.core import i18n
    page = window.show_page("outreach")
    try:
        i18n.set_language("en")
        page.retranslate()
        assert [page.tabs.tabText(i) for i in range(4)] == ["Questionnaires", "Knowledge concerts",
                                                            "Agencies' supports", "Public calls"]
        assert page.parts["supports"].buttons["import"].text() == "Import agency list…"
        assert page.parts["calls"].channel.itemText(0) == "Open chat"
        assert page.parts["concerts"].events_model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    finally:
        i18n.set_language("ko")
        page.retranslate()
    assert page.parts["supports"].buttons["import"].text() == "기관 목록 가져오기…"
