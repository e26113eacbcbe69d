"""Logging a consultation from anywhere with Ctrl+N, by keyboard only; editing it later."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from campdesk.services import consultations
from campdesk.ui.consultations.consultation_dialog import ConsultationDialog, open_log_dialog
from qt_helpers import find_dialog, gone, press, type_hangul


def _log(ctx):
    return consultations.log_ids(ctx)


def test_log_a_walk_in_using_only_the_keyboard(window, services, companies_made, qtbot):
    ctx = services.ctx
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = find_dialog(qtbot, ConsultationDialog)
    qtbot.waitUntil(lambda: len(dialog.form.picker.rows) == 3)
    assert QApplication.focusWidget() is dialog.form.picker

    type_hangul(QApplication.focusWidget(), "ㅂㄱ")          # 빛고을… by its initials
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.form.picker.company_id == companies_made["빛고을로보틱스"]
    assert dialog.form.picker.text() == "빛고을로보틱스"

    press(qtbot, Qt.Key.Key_Tab)                             # channel: walk-in is preselected
    assert QApplication.focusWidget() is dialog.form.channel  # (미등록 문의자 is no Tab stop)
    assert dialog.form.channel.currentText() == "대면"
    press(qtbot, Qt.Key.Key_Tab)                             # category: 이전·정착, then 입주공간
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)                             # the outcome, right after
    assert QApplication.focusWidget() is dialog.form.outcome
    press(qtbot, Qt.Key.Key_Tab)                             # the question
    assert QApplication.focusWidget() is dialog.form.question
    type_hangul(QApplication.focusWidget(), "3인 사무실 입주 문의")
    press(qtbot, Qt.Key.Key_Tab)                             # the answer
    assert not dialog.form.difficulty.isVisible()            # optional: behind "더 보기"
    press(qtbot, Qt.Key.Key_Tab)                             # "더 보기", opened with Space
    assert QApplication.focusWidget() is dialog.form.more
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)                             # the difficulty raised
    assert QApplication.focusWidget() is dialog.form.difficulty
    type_hangul(QApplication.focusWidget(), "사무 공간 부족")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: len(_log(ctx)) == 1)
    qtbot.waitUntil(lambda: gone(dialog))
    saved = consultations.get_consultation(ctx, _log(ctx)[0])
    assert (saved.channel, saved.category, saved.outcome) == ("walk_in", "space", "resolved")
    assert saved.company_id == companies_made["빛고을로보틱스"]
    assert saved.question == "3인 사무실 입주 문의"
    assert saved.difficulty == "사무 공간 부족"  # counted in the monthly reports
    assert saved.staff_id == ctx.staff_id  # stamped with the person at this PC


def test_at_most_three_fields_are_required(services, qtbot):
    dialog = open_log_dialog(services)
    dialog.save()
    assert "기업을 고르거나" in dialog.form.errors.message("company_id")
    dialog.form.unregistered.setChecked(True)
    dialog.form.caller_name.setText("김문의")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.form.errors.message("question") != "")
    assert "상담 내용" in dialog.form.errors.message("question")
    dialog.form.question.setPlainText("광주 이전 지원금이 궁금합니다")
    dialog.save()
    qtbot.waitUntil(lambda: len(_log(services.ctx)) == 1)
    saved = consultations.get_consultation(services.ctx, _log(services.ctx)[0])
    assert saved.company_id is None and saved.caller_name == "김문의"


def test_edit_after_the_fact_keeps_a_visible_history(services, companies_made, qtbot):
    ctx = services.ctx
    cid = consultations.log_consultation(ctx, {"channel": "phone", "question": "R&D 과제 문의",
                                               "company_id": companies_made["광주데이터랩"]})
    dialog = open_log_dialog(services, consultation_id=cid)
    assert dialog.form.channel.code() == "phone"
    dialog.form.category.set_code("rnd")
    dialog.save()
    qtbot.waitUntil(lambda: consultations.get_consultation(ctx, cid).category == "rnd")

    again = open_log_dialog(services, consultation_id=cid)
    model = again.history.model_
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    rows = [(r.who, r.field, r.old, r.new) for r in model.rows]
    assert ("김민서", "분야", "기타", "R&D·기술") in rows
    assert all(r[1] != "일시" for r in rows)  # an untouched time is not a change


def test_unregistered_caller_is_later_linked_to_a_company(services, companies_made, qtbot):
    from campdesk.ui.consultations.link_dialog import open_link_dialog
    ctx = services.ctx
    cid = consultations.log_consultation(ctx, {"channel": "phone", "question": "입주 문의",
                                               "caller_name": "이담당", "caller_org": "광주데이터랩"})
    dialog = open_link_dialog(services, None, consultations.get_consultation(ctx, cid))
    qtbot.waitUntil(lambda: len(dialog.picker.rows) == 3)
    assert dialog.picker.text() == "광주데이터랩"
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)        # the one match
    assert dialog.picker.company_id == companies_made["광주데이터랩"]
    dialog._link()
    qtbot.waitUntil(lambda: consultations.get_consultation(ctx, cid).company_id is not None)
