"""The window as a whole: language switch, start-up (first run, empty database, due notice)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from campdesk.services import consultations, staff
from campdesk.ui.settings.settings_dialog import SettingsDialog
from campdesk.ui.settings.staff_dialog import StaffDialog
from qt_helpers import find_dialog, gone, type_hangul


def _nav(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_language_switch_takes_effect_without_losing_data(window, services, companies_made, qtbot):
    page = window.show_page("companies")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    type_hangul(page.search, "ㄱㅈ")
    assert _nav(window) == ["대시보드", "기업", "상담일지", "후속조치", "멘토링", "잡매칭", "입주공간", "대외협력",
                           "보고서", "확인 필요"]
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "기업명"

    window.action("settings").trigger()
    dialog = find_dialog(qtbot, SettingsDialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: gone(dialog))

    qtbot.waitUntil(lambda: _nav(window) == ["Dashboard", "Companies", "Consultations",
                                             "Follow-ups", "Mentoring", "Job matching", "Spaces",
                                             "Outreach", "Reports", "Needs attention"])
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Company"
    assert page.relationship.itemText(1) == "Inquirer"
    assert page.search.text() == "ㄱㅈ" and page.proxy.rowCount() == 2   # nothing lost
    assert window.menuBar().actions()[0].text() == "&File"
    assert services.ctx.settings.language == "en"
    from campdesk.settings import Settings
    assert Settings.load(services.ctx.paths.settings_file).language == "en"   # remembered

    services.set_language("ko")
    qtbot.waitUntil(lambda: _nav(window)[1] == "기업")


def test_first_run_asks_who_works_here_then_offers_data(ctx, qapp, korean, qtbot):
    from campdesk.ui.core.appservices import AppServices
    from campdesk.ui.core.mainwindow import MainWindow
    from campdesk.ui.core.startup import Startup
    services = AppServices(ctx)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.start()
    Startup(services, window).begin()
    dialog = find_dialog(qtbot, StaffDialog)
    type_hangul(dialog.name, "최유나")
    dialog.add()
    dialog.choose()
    qtbot.waitUntil(lambda: gone(dialog))
    who = {p.name: p.id for p in staff.list_staff(ctx)}
    assert ctx.settings.staff_id == who["최유나"]
    qtbot.waitUntil(lambda: "최유나" in window.staff_label.text())   # the status bar says who

    box = find_dialog(qtbot, QMessageBox)            # an empty database: demo, import, or empty
    texts = {b.text(): b for b in box.buttons()}
    assert set(texts) == {"데모 데이터 불러오기", "파일에서 기업 가져오기…", "빈 상태로 시작"}
    texts["빈 상태로 시작"].click()
    services.shutdown()


def test_start_up_says_how_many_follow_ups_are_due(window, services, qtbot):
    from datetime import timedelta
    from campdesk.domain.dates import today_seoul
    from campdesk.ui.core.startup import Startup
    ctx = services.ctx
    ctx_ids = [consultations.log_consultation(ctx, {
        "channel": "phone", "question": "q", "outcome": "follow_up", "caller_name": "x",
        "due_on": due}) for due in (today_seoul(), today_seoul() - timedelta(days=3),
                                    today_seoul() - timedelta(days=1))]
    assert len(ctx_ids) == 3
    from campdesk.services import companies
    companies.create_company(ctx, {"name": "있음"})   # not empty: no offer of demo data
    Startup(services, window).begin()
    qtbot.waitUntil(lambda: window.banner.isVisible())
    assert window.banner_text.text() == "후속조치(전체): 오늘 기한 1건, 기한 지남 2건"
    window.banner_button.click()
    page = window.current_page()
    assert page.key == "followups" and page.scope.currentData() == "all"
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    dues = [page.model.row(i).due_on for i in range(3)]
    assert dues == sorted(dues)                       # soonest due first


def test_failures_are_shown_in_one_place(window, services, qtbot):
    def boom():
        raise RuntimeError("disk on fire")
    services.ops.run(boom)
    box = find_dialog(qtbot, QMessageBox)
    assert "disk on fire" in box.text()
    box.close()


def test_window_size_and_page_are_remembered(services, qtbot):
    from campdesk.ui.core.mainwindow import MainWindow
    first = MainWindow(services)
    qtbot.addWidget(first)
    first.start()
    first.resize(760, 540)   # inside the 800×600 offscreen screen
    first.show_page("followups")
    first.close()
    again = MainWindow(services)
    qtbot.addWidget(again)
    again.start()
    assert (again.width(), again.height()) == (760, 540)
    assert again.current_page().key == "followups"


def test_a_corrupt_database_at_start_gets_a_message_not_a_traceback(tmp_path, qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from campdesk.ui import app as app_module
    home = tmp_path / "home"
    home.mkdir()
    (home / "campdesk.sqlite3").write_bytes(b"not a database" * 200)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    assert app_module.run(str(home)) == 1
    assert "db check" in shown[0] and "db restore" in shown[0]
