"""Nothing typed is lost by a stray key: Esc and closing the window ask first; a saved
consultation can be taken back from the "저장됨 · 실행 취소" notice."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from campdesk.services import consultations
from campdesk.ui.consultations.consultation_dialog import ConsultationDialog
from qt_helpers import find_dialog, gone, press, type_hangul


def _question(qtbot) -> QMessageBox:
    box = find_dialog(qtbot, QMessageBox)
    assert box.objectName() == "discard_question"
    return box


def _click(qtbot, box: QMessageBox, name: str) -> None:
    qtbot.mouseClick(box.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _open_and_type(window, qtbot) -> ConsultationDialog:
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = find_dialog(qtbot, ConsultationDialog)
    qtbot.waitUntil(lambda: len(dialog.form.picker.rows) == 3)
    dialog.activateWindow()
    dialog.form.question.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.form.question)
    type_hangul(dialog.form.question, "3인 사무실 입주 문의")
    return dialog


def test_esc_asks_before_discarding_a_half_written_consultation(window, services, qtbot,
                                                                companies_made):
    dialog = _open_and_type(window, qtbot)
    press(qtbot, Qt.Key.Key_Escape)
    box = _question(qtbot)
    assert "버릴까요" in box.text()
    _click(qtbot, box, "keep_editing")                       # keep it: nothing is lost
    qtbot.waitUntil(lambda: gone(box))
    assert dialog.isVisible()
    assert dialog.form.question.toPlainText() == "3인 사무실 입주 문의"

    qtbot.keyClick(dialog.form.question, Qt.Key.Key_Escape)  # again, and this time discard
    _click(qtbot, _question(qtbot), "discard")
    qtbot.waitUntil(lambda: gone(dialog))
    assert consultations.log_ids(services.ctx) == []


def test_esc_on_an_untouched_form_just_closes(window, qtbot, companies_made):
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = find_dialog(qtbot, ConsultationDialog)
    qtbot.waitUntil(lambda: len(dialog.form.picker.rows) == 3)
    qtbot.keyClick(dialog.form.picker, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(dialog))
    assert not any(isinstance(w, QMessageBox) and w.isVisible()
                   for w in QApplication.topLevelWidgets())


def test_closing_the_window_over_a_typed_form_asks_too(window, qtbot, companies_made):
    dialog = _open_and_type(window, qtbot)
    window.close()
    box = _question(qtbot)
    assert window.isVisible() and dialog.isVisible()
    _click(qtbot, box, "keep_editing")
    qtbot.waitUntil(lambda: gone(box))
    assert window.isVisible() and dialog.form.question.toPlainText() == "3인 사무실 입주 문의"


def test_saved_consultation_can_be_undone_from_the_notice(window, services, qtbot,
                                                          companies_made):
    from campdesk.ui.widgets.undo_notice import UndoNotice
    dialog = _open_and_type(window, qtbot)
    dialog.form.unregistered.setChecked(True)
    type_hangul(dialog.form.caller_name, "김문의")
    qtbot.keyClick(dialog.form.caller_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(consultations.log_ids(services.ctx)) == 1)
    qtbot.waitUntil(lambda: window.findChild(UndoNotice) is not None
                    and window.findChild(UndoNotice).isVisible())
    notice = window.findChild(UndoNotice)
    assert "저장됨" in notice.text.text() and notice.button.text() == "실행 취소"
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: consultations.log_ids(services.ctx) == [])
    assert not notice.isVisible()


def test_escalate_dialog_with_a_changed_due_date_asks(window, services, qtbot, consultant):
    from campdesk.ui.followups.followup_dialogs import EscalateDialog
    cid = consultations.log_consultation(services.ctx, {
        "caller_name": "김문의", "channel": "phone", "question": "자금 문의",
        "outcome": "follow_up", "due_on": "2026-12-20"})
    dialog = EscalateDialog.start(services, window, consultations.get_consultation(services.ctx, cid))
    qtbot.waitExposed(dialog)
    dialog.due.line.setText("12/24")
    dialog.reject()
    _click(qtbot, _question(qtbot), "discard")
    qtbot.waitUntil(lambda: gone(dialog))
    assert consultations.get_consultation(services.ctx, cid).due_on == date(2026, 12, 20)


def test_down_arrow_moves_from_the_search_box_into_the_results(window, qtbot, companies_made):
    page = window.show_page("companies")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.search.setFocus()
    type_hangul(page.search, "ㄱㅈ")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table
    assert page.table.currentIndex().row() == 0


def test_a_search_that_finds_nothing_says_so(window, qtbot, companies_made):
    page = window.show_page("companies")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    type_hangul(page.search, "없는회사")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)
    assert page.table.empty_text.startswith("결과 없음")


def test_a_click_outside_an_open_suggestion_list_still_lands(window, qtbot, companies_made):
    """The list left open (after Enter, with an input method) must not eat the next click."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QMouseEvent
    page = window.show_page("reports")
    qtbot.waitUntil(lambda: len(page.company.rows) == 3)
    page.company.setFocus()
    type_hangul(page.company, "ㄱㅈ")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()
    target = page.kind
    where = target.mapToGlobal(QPoint(5, 5))
    # What Qt does with a click while a popup is open: the popup receives it.
    press_event = QMouseEvent(QMouseEvent.Type.MouseButtonPress, QPointF(popup.mapFromGlobal(where)),
                              QPointF(where), Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    seen = []
    from PySide6.QtCore import QObject

    class Spy(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QMouseEvent.Type.MouseButtonPress:
                seen.append(obj)
            return False
    spy = Spy()
    target.installEventFilter(spy)
    QApplication.sendEvent(popup, press_event)
    qtbot.waitUntil(lambda: bool(seen))
    assert not popup.isVisible()


def test_print_record_is_disabled_until_a_company_is_chosen(services, qtbot, companies_made):
    from campdesk.ui.companies.company_detail import CompanyDetailView
    detail = CompanyDetailView(services)
    qtbot.addWidget(detail)
    assert not detail.print_button.isEnabled()
    detail.show_company(companies_made["광주데이터랩"])
    qtbot.waitUntil(lambda: detail.bundle is not None)
    assert detail.print_button.isEnabled()
