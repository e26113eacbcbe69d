"""Korean as it really arrives: compound initials from an input method, and dates typed
the many ways people type them, in every date field."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from campdesk.domain.dates import parse_typed_date, today_seoul
from campdesk.domain.hangul import matches, split_compound_initials
from campdesk.services import companies
from qt_helpers import type_hangul


@pytest.mark.parametrize("typed, means", [
    ("ㄳ", "ㄱㅅ"), ("ㄵ", "ㄴㅈ"), ("ㄶ", "ㄴㅎ"), ("ㄺ", "ㄹㄱ"), ("ㄻ", "ㄹㅁ"), ("ㄼ", "ㄹㅂ"),
    ("ㄽ", "ㄹㅅ"), ("ㄾ", "ㄹㅌ"), ("ㄿ", "ㄹㅍ"), ("ㅀ", "ㄹㅎ"), ("ㅄ", "ㅂㅅ")])
def test_every_compound_initial_counts_as_the_two_typed(typed, means):
    assert split_compound_initials(typed) == means


def test_compound_initials_find_the_company():
    assert matches("ㄳㅂ", "광산바이오")
    assert matches("ㅄ", "빛소리")
    assert not matches("ㄳㅂ", "광주바이오")


@pytest.fixture
def gwangsan(staffed_ctx):
    return {name: companies.create_company(staffed_ctx, {"name": name, "relationship": "tenant"})
            for name in ("광산바이오", "광주데이터랩", "빛소리")}


def test_register_search_reads_what_the_ime_sends(window, qtbot, gwangsan):
    page = window.show_page("companies")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    type_hangul(page.search, "ㄳㅂ")                      # ㄱ then ㅅ, joined by the IME
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    assert page.proxy.index(0, 0).data() == "광산바이오"


def test_space_assignment_company_box_searches_like_the_register(services, qtbot, gwangsan):
    from campdesk.services import spaces
    from campdesk.services.spaces import get_space
    from campdesk.ui.spaces.dialogs import AssignDialog
    space_id = spaces.create_space(services.ctx, {"floor": 3, "name": "301호", "kind": "office",
                                                  "capacity": 4})
    dialog = AssignDialog(services, get_space(services.ctx, space_id), date(2026, 12, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.company.rows) == 3)
    dialog.company.setFocus()
    type_hangul(dialog.company, "ㅄ")
    qtbot.keyClick(dialog.company, Qt.Key.Key_Return)
    assert dialog.company.company_id == gwangsan["빛소리"]
    assert dialog.starts.text() == "2026. 12. 1."          # shown one way, as everywhere
    dialog.discard_quietly()


THIS_YEAR = today_seoul().year


@pytest.mark.parametrize("typed, day", [
    ("20261209", date(2026, 12, 9)), ("2026.12.9", date(2026, 12, 9)),
    ("2026-12-09", date(2026, 12, 9)), ("2026. 12. 9.", date(2026, 12, 9)),
    ("2026/12/9", date(2026, 12, 9)), ("2026년 12월 9일", date(2026, 12, 9)),
    ("26.12.9", date(2026, 12, 9)),
    ("12/9", date(THIS_YEAR, 12, 9)), ("12.9", date(THIS_YEAR, 12, 9)),
    ("12월 9일", date(THIS_YEAR, 12, 9)), ("1209", date(THIS_YEAR, 12, 9))])
def test_date_forms_people_type(typed, day):
    assert parse_typed_date(typed, today_seoul()) == day


@pytest.mark.parametrize("typed", ["2026.13.1", "2/30", "내일", "12", "2026129"])
def test_what_is_not_a_date_is_not_guessed(typed):
    assert parse_typed_date(typed, today_seoul()) is None


@pytest.mark.parametrize("typed", ["20261209", "2026.12.9", "12/9", "12.9"])
def test_the_date_field_reads_them_and_shows_one_way(qtbot, typed):
    from campdesk.ui.widgets.dates import DateEdit
    edit = DateEdit(date(2026, 1, 5))
    qtbot.addWidget(edit)
    edit.show()
    changed = []
    edit.dateChanged.connect(changed.append)
    edit.line.setFocus()
    edit.line.selectAll()
    qtbot.keyClicks(edit.line, typed)
    qtbot.keyClick(edit.line, Qt.Key.Key_Return)
    expected = date(2026 if len(typed) > 5 else THIS_YEAR, 12, 9)
    assert edit.value() == expected and changed == [expected]
    assert edit.text() == f"{expected.year}. 12. 9."


def test_a_date_field_keeps_the_last_date_and_says_what_is_wrong(qtbot):
    from campdesk.ui.widgets.dates import DateEdit
    edit = DateEdit(date(2026, 1, 5))
    qtbot.addWidget(edit)
    edit.line.setText("2026.13.40")
    assert not edit.commit()
    assert edit.value() == date(2026, 1, 5)
    assert "날짜" in edit.line.toolTip()


def test_consultation_due_date_takes_a_typed_date(services, qtbot):
    from campdesk.ui.consultations.consultation_dialog import ConsultationDialog
    dialog = ConsultationDialog(services)
    qtbot.addWidget(dialog)
    dialog.form.outcome.set_code("follow_up")
    dialog.form.due.line.setText("12/24")
    assert dialog.form.values()["due_on"] == f"{THIS_YEAR}-12-24"
    assert QApplication.instance() is not None
