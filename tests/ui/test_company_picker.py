"""The company picker's list says what the user needs: "결과 없음" when nothing matches
(a line that cannot be chosen), and why a company matched when its name did not."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from campdesk.services.companies import CompanyRow
from campdesk.ui.widgets.company_picker import CompanyPicker
from qt_helpers import type_hangul


def _row(name, business_no=None, representative=None):
    return CompanyRow(id="id-" + name, name=name, name_en=None, relationship="prospect",
                      business_no=business_no, representative=representative, phone=None,
                      ai_fields="", open_follow_ups=0, archived=False)


ROWS = [_row("빛고을로보틱스", "410-81-22222", "이서준"),
        _row("영산인공지능", "410-81-33333", "배경민"),
        _row("첨단에너지", None, "배가영"),
        _row("한빛고을", "410-81-77777")]


@pytest.fixture
def picker(qtbot, korean):
    host = QWidget()
    qtbot.addWidget(host)
    p = CompanyPicker(host)
    QVBoxLayout(host).addWidget(p)
    p.set_rows(ROWS)
    host.show()
    qtbot.waitExposed(host)
    p.setFocus()
    picked = []
    p.picked.connect(picked.append)
    p.picked_ids = picked
    yield p
    host.close()


def _lines(p) -> list[str]:
    popup = p._completer.popup()
    model = popup.model()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def _popup(p):
    return p._completer.popup()


def test_text_that_matches_nothing_shows_a_no_results_line(picker, qtbot):
    type_hangul(picker, "zzqx")
    qtbot.waitUntil(lambda: _popup(picker).isVisible())
    assert _lines(picker) == ["결과 없음"]
    index = _popup(picker).model().index(0, 0)
    assert not index.flags() & Qt.ItemFlag.ItemIsSelectable
    assert not index.flags() & Qt.ItemFlag.ItemIsEnabled      # greyed


@pytest.mark.parametrize("how", ["enter", "click"])
def test_enter_or_a_click_on_no_results_chooses_nothing(picker, qtbot, how):
    type_hangul(picker, "zzqx")
    qtbot.waitUntil(lambda: _popup(picker).isVisible())
    popup = _popup(picker)
    if how == "enter":
        qtbot.keyClick(QApplication.activePopupWidget() or picker, Qt.Key.Key_Return)
    else:
        rect = popup.visualRect(popup.model().index(0, 0))
        qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert picker.company_id is None
    assert picker.text() == "zzqx"
    assert picker.picked_ids == []
    assert _popup(picker).isVisible() and _lines(picker) == ["결과 없음"]  # still says so


def test_typing_on_after_no_results_lists_companies_again(picker, qtbot):
    type_hangul(picker, "zzqx")
    qtbot.waitUntil(lambda: _popup(picker).isVisible())
    picker.clear()
    type_hangul(picker, "한빛")
    qtbot.waitUntil(lambda: _lines(picker) == ["한빛고을  ·  410-81-77777"])
    qtbot.keyClick(QApplication.activePopupWidget() or picker, Qt.Key.Key_Return)
    assert picker.company_id == "id-한빛고을"


def test_initials_list_name_matches_first_and_show_the_representative_that_matched(
        picker, qtbot):
    type_hangul(picker, "ㅂㄱ")
    qtbot.waitUntil(lambda: _popup(picker).isVisible())
    assert _lines(picker) == [
        "빛고을로보틱스  ·  410-81-22222",
        "한빛고을  ·  410-81-77777",
        "영산인공지능  ·  대표 배경민",
        "첨단에너지  ·  대표 배가영",
    ]
    # the first line is current: Enter picks the company whose name starts with ㅂㄱ
    qtbot.keyClick(QApplication.activePopupWidget() or picker, Qt.Key.Key_Return)
    assert picker.company_id == "id-빛고을로보틱스"
    assert picker.text() == "빛고을로보틱스"


def test_choosing_a_representative_match_picks_that_company(picker, qtbot):
    type_hangul(picker, "배경")
    qtbot.waitUntil(lambda: _popup(picker).isVisible())
    assert _lines(picker) == ["영산인공지능  ·  대표 배경민"]
    qtbot.keyClick(QApplication.activePopupWidget() or picker, Qt.Key.Key_Return)
    assert picker.company_id == "id-영산인공지능"
    assert picker.text() == "영산인공지능"

