"""Follow-ups: escalate to a senior consultant, then close with a resolution note."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from campdesk.services import consultations
from campdesk.ui.followups.followup_dialogs import EscalateDialog, ResolveDialog
from qt_helpers import find_dialog, gone, type_hangul


def test_escalate_then_resolve_a_consultation(window, services, companies_made, consultant, qtbot):
    ctx = services.ctx
    cid = consultations.log_consultation(ctx, {
        "channel": "phone", "question": "특허 출원 비용 지원 문의", "outcome": "follow_up",
        "due_on": date(2026, 11, 20), "company_id": companies_made["광주데이터랩"]})
    page = window.show_page("followups")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "기한 지남" in page.model.index(0, 1).data() or "후속조치" in page.model.index(0, 1).data()
    page.table.selectRow(0)

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = find_dialog(qtbot, EscalateDialog)
    assert dialog.consultant.currentText() == "박책임"
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: gone(dialog))
    qtbot.waitUntil(lambda: "박책임" in (page.model.index(0, 1).data() or ""))
    assert consultations.get_consultation(ctx, cid).outcome == "escalated"

    page.table.selectRow(0)
    page.buttons["resolve"].click()                   # or Ctrl+Enter on the table
    dialog = find_dialog(qtbot, ResolveDialog)
    dialog.submit()                                   # a note is required
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert "처리 결과" in dialog.error.text()
    type_hangul(dialog.note, "변리사 상담 연결, 지원사업 안내 완료")
    dialog.submit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    done = consultations.get_consultation(ctx, cid)
    assert done.closed_at is not None and done.resolution == "변리사 상담 연결, 지원사업 안내 완료"
    fields = {h.field for h in consultations.edit_history(ctx, cid)}
    assert {"outcome", "escalated_to_id", "closed_at", "resolution"} <= fields


def test_mine_and_all(window, services, companies_made, qtbot):
    from campdesk.services import staff
    ctx = services.ctx
    other = staff.add_staff(ctx, "정다은", "operator")
    consultations.log_consultation(ctx, {"channel": "phone", "question": "mine", "outcome": "follow_up",
                                         "caller_name": "A"})
    consultations.log_consultation(ctx, {"channel": "phone", "question": "theirs", "outcome": "follow_up",
                                         "caller_name": "B", "staff_id": other})
    page = window.show_page("followups")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.scope.setCurrentIndex(page.scope.findData("all"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def test_the_status_filter_names_states_not_commands_in_english(window, services, qtbot):
    page = window.show_page("followups")
    services.set_language("en")
    try:
        qtbot.waitUntil(lambda: page.status.itemText(0) != "진행 중 전체")
        names = [page.status.itemText(i) for i in range(page.status.count())]
        assert "Escalated" in names and "Escalate to a senior consultant" not in names
    finally:
        services.set_language("ko")
    qtbot.waitUntil(lambda: page.status.itemText(2) == "책임상담사 이관")
