"""The Spaces page and the company panel, driven the way staff use them."""
from datetime import date

import pytest
from PySide6.QtCore import Qt

from campdesk.domain.dates import today_seoul
from campdesk.services import spaces
from campdesk.ui.spaces import colours


def _settle(qtbot, app):
    qtbot.waitUntil(lambda: not app.ops.busy, timeout=5000)


def type_hangul(widget, text: str) -> None:
    """What a Korean input method does when a word is finished: commit the text."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_page_shows_the_plan_and_follows_the_date(qtbot, app, camp):
    from campdesk.ui.spaces.page import SpacesPage

    today = today_seoul()
    spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], date(2020, 1, 1))
    page = SpacesPage(app)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    _settle(qtbot, app)
    panel = page.plan
    assert panel.floor() == 2  # the first floor with spaces
    panel.floor_box.setCurrentIndex(panel.floor_box.findData(3))
    panel.refresh()
    _settle(qtbot, app)
    office = panel.scene.items_by_id[camp.office]
    assert office.brush().color() == colours.fill("occupied")
    panel.day.set_value(date(2019, 6, 1))
    _settle(qtbot, app)
    assert panel.scene.items_by_id[camp.office].brush().color() == colours.fill("free")
    # Clicking a space shows its history.
    panel.day.set_value(today)
    _settle(qtbot, app)
    panel.scene.items_by_id[camp.office].setSelected(True)
    _settle(qtbot, app)
    assert "301호" in panel.details.title.text()
    assert "빛고을AI" in panel.details.tenant.text()
    assert panel.details.table.model.rowCount() == 1
    assert panel.details.buttons["move"].isEnabled()


def _every_tab_shown(qtbot, app):
    """The Spaces page, each of its other tabs shown once (they load when first shown)."""
    from campdesk.ui.spaces.page import SpacesPage

    page = SpacesPage(app)
    qtbot.addWidget(page)
    page.show()
    for index in (1, 2, 3):
        page.tabs.setCurrentIndex(index)
        _settle(qtbot, app)
    return page


def test_other_tabs_load_when_shown(qtbot, app, camp):
    spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], date(2020, 1, 1))
    spaces.add_request(camp.ctx, camp.co["무등랩스"], "desk", 1)
    page = _every_tab_shown(qtbot, app)
    assert page.assignments.table.model.rowCount() == 1
    assert page.waiting.table.model.rowCount() == 1
    assert page.waiting.table.model.data(page.waiting.table.model.index(0, 5)) == \
        "302 오픈데스크 4석"
    assert page.occupancy.chart.chart_.series()[0].count() == 12


def test_company_panel_says_where_it_sits(qtbot, app, camp):
    from campdesk.ui.companies.company_spaces import CompanySpaces

    first = spaces.assign(camp.ctx, camp.desks[0], camp.co["빛고을AI"], date(2024, 1, 1))
    spaces.move(camp.ctx, first, camp.office, date(2025, 1, 1))
    widget = CompanySpaces(app, camp.co["빛고을AI"])
    qtbot.addWidget(widget)
    _settle(qtbot, app)
    assert "3F 301호" in widget.now.text() and "2025. 1. 1." in widget.now.text()
    assert widget.table.model.rowCount() == 2


def test_assign_dialog_shows_the_overlap_and_stays_open(qtbot, app, camp):
    from PySide6.QtWidgets import QDialogButtonBox

    from campdesk.services.spaces import get_space
    from campdesk.ui.spaces.dialogs import AssignDialog

    spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], date(2026, 1, 1))
    dialog = AssignDialog(app, get_space(camp.ctx, camp.office), date(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.company.rows) == 4)
    # The register's search: 초성 finds the company, Enter picks the one match.
    dialog.company.setFocus()
    type_hangul(dialog.company, "ㅁㄷㄹ")
    qtbot.keyClick(dialog.company, Qt.Key.Key_Return)
    assert dialog.company.company_id == camp.co["무등랩스"] and dialog.company.text() == "무등랩스"
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "빛고을AI" in dialog.error.text() and "2026" in dialog.error.text()
    assert dialog.isVisible() and dialog.result_value is None
    # Another date range that does not overlap is accepted and closes the dialog.
    spaces.move_out(camp.ctx, spaces.list_assignments(camp.ctx)[0].id, date(2026, 11, 24))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    assert not dialog.isVisible()


def test_switching_language_relabels_the_plan(qtbot, app, camp):
    from campdesk.ui.core import i18n
    from campdesk.ui.spaces.page import SpacesPage

    page = SpacesPage(app)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    _settle(qtbot, app)
    assert page.tabs.tabText(0) == "도면" and page.plan.floor_box.currentText() == "2층"
    assert page.plan.scene.items_by_id[camp.office2].caption() == ["201호", "공실"]
    i18n.set_language("en")
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "Floor plan")
    assert page.plan.floor_box.currentText() == "Floor 2"
    assert page.plan.scene.items_by_id[camp.office2].caption() == ["201호", "Free"]


def test_an_upcoming_booking_shows_hatched_with_its_date_and_is_counted(qtbot, app, floor_plan,
                                                                        camp):
    from campdesk.services.spaces.plan import UPCOMING

    today = today_seoul()
    later = date.fromordinal(today.toordinal() + 20)
    spaces.assign(camp.ctx, camp.office, camp.co["무등랩스"], later, status="reserved")
    panel = floor_plan(3, (1200, 700))
    item = panel.scene.items_by_id[camp.office]
    assert item.plan.state == "free" and item.plan.upcoming
    assert "무등랩스" in item.caption()[1] and f"{later.month}. {later.day}." in item.caption()[2]
    assert panel.legend.labels[UPCOMING].text() == "입주 예정 1"
    item.setSelected(True)
    _settle(qtbot, app)
    assert "무등랩스" in panel.details.tenant.text()


def test_the_plan_fits_the_view_and_zooms_with_buttons(qtbot, app, camp):
    from campdesk.ui.spaces.page import SpacesPage

    page = SpacesPage(app)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate()
    _settle(qtbot, app)
    view = page.plan.view
    scale = view.transform().m11()
    assert view.fitted
    rect = view.mapFromScene(page.plan.scene.itemsBoundingRect()).boundingRect()
    assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(rect)  # the whole floor
    qtbot.mouseClick(page.plan.zoom_in, Qt.MouseButton.LeftButton)
    assert view.transform().m11() == pytest.approx(scale * 1.25) and not view.fitted
    qtbot.mouseClick(page.plan.fit_button, Qt.MouseButton.LeftButton)
    assert view.transform().m11() == pytest.approx(scale) and view.fitted


def test_empty_tables_say_why_in_either_language(qtbot, app, camp):
    """A table with no rows says what it would hold (or what to do), not a blank grid."""
    from campdesk.ui.core import i18n

    page = _every_tab_shown(qtbot, app)
    waiting = page.waiting.table.view
    ending = page.occupancy.endings[30][1].view
    assert waiting.model().rowCount() == 0 and "[대기 등록…]" in waiting.empty_text
    assert ending.model().rowCount() == 0 and ending.empty_text == "이 기간에 끝나는 계약이 없습니다."
    i18n.set_language("en")
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "Floor plan")
    assert ending.empty_text == "No contracts end in this period."
    assert "[Add…]" in waiting.empty_text and page.waiting.buttons["add"].text() == "Add…"
    history = page.plan.details.table.view  # no space chosen: no history to be empty
    assert history.empty_text == ""
