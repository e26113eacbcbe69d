"""What a look at every page and dialog in both languages (scripts/screenshots.py) found:
texts left in Korean after a switch to English, "1 rows", a button saying what it does not
do, an ampersand eaten as a shortcut, a window taller than a 1366×768 screen."""
from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox

from campdesk.domain.dates import today_seoul
from campdesk.services import consultations
from campdesk.services.outreach import public_calls as pc
from campdesk.services.outreach import supports as sv

HANGUL = re.compile("[가-힣]")


@pytest.fixture
def english_later(services):
    """Switch with ``services.set_language``; Korean again afterwards whatever happens."""
    yield services.set_language
    services.set_language("ko")


def test_the_dashboards_call_deadlines_follow_a_switch_to_english(window, services, qtbot,
                                                                  english_later):
    deadline = today_seoul() + timedelta(days=3)
    pc.save_call(services.ctx, {"title": "AI 바우처", "organiser": "광주TP", "deadline": deadline})
    page = window.show_page("dashboard")
    page.refresh()
    qtbot.waitUntil(lambda: "AI 바우처" in page.deadlines.text())
    assert "7일 안에 마감되는 공모사업" in page.deadlines.text()

    english_later("en")
    qtbot.waitUntil(lambda: "Public calls closing within 7 days" in page.deadlines.text())
    text = page.deadlines.text()
    assert deadline.isoformat() in text                      # 2026-12-08, not 2026. 12. 8.
    assert not HANGUL.search(text.replace("AI 바우처", "").replace("광주TP", ""))


def test_a_companys_outreach_tab_follows_a_switch_to_english(window, services, companies_made,
                                                             qtbot, english_later):
    ctx = services.ctx
    company = companies_made["광주데이터랩"]
    sv.ensure_agencies(ctx)
    agency = sv.list_agencies(ctx)[0]
    sv.save_support(ctx, {"agency_id": agency.id, "programme": "AI 실증 지원", "kind": "funding",
                          "company_id": company, "starts_on": "2026-03-01",
                          "ends_on": "2026-08-31", "amount_krw": "5,000,000"})
    call = pc.save_call(ctx, {"title": "AI 비전 실증", "deadline": today_seoul() + timedelta(days=9)})
    pc.tell(ctx, call, [company], "open_chat")
    page = window.show_page("companies")
    qtbot.waitUntil(lambda: bool(page.model.rows))
    page.select(company)
    detail = page.detail
    qtbot.waitUntil(lambda: len(detail._extra) == 2)
    tab = next(w for w in detail._extra if hasattr(w, "calls"))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and "AI 비전 실증" in tab.calls.text())
    assert tab.title.text() == "유관기관 지원"

    english_later("en")
    qtbot.waitUntil(lambda: tab.calls.text().startswith("Public calls told: "))
    assert tab.title.text() == "Agencies' supports"
    headers = [tab.model.headerData(i, Qt.Orientation.Horizontal)
               for i in range(tab.model.columnCount())]
    assert headers[0] == "Agency" and not HANGUL.search("".join(headers))
    period = tab.model.index(0, 3).data()
    assert period == "2026-03-01 ~ 2026-08-31"               # not "2026. 3. 1. ~ …"
    assert f"({today_seoul().isoformat()} Open chat)" in tab.calls.text()  # the day, whole


def test_the_assignments_end_column_reads_to_not_closed(window, services, qtbot,
                                                       english_later):
    page = window.show_page("spaces")
    english_later("en")
    model = page.assignments.table.model

    def headers():
        return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    qtbot.waitUntil(lambda: headers()[0] == "Space")
    assert headers()[:4] == ["Space", "Company", "From", "To"]


def test_an_import_of_one_row_says_1_row(services, english_later):
    from campdesk.ui.core.data_tasks import report_text
    report = SimpleNamespace(total=1, created=0, updated=0, unchanged=0, rejected_rows=1,
                             skipped=[], warnings=[], rejected=[])
    assert report_text(report).startswith("전체 1행: 새로 등록 0, 갱신 0, 변경 없음 0, 거부 1")
    english_later("en")
    assert report_text(report) == "1 row: 0 new, 0 updated, 0 unchanged, 1 rejected"
    report.total = 3
    assert report_text(report).startswith("3 rows: ")


def test_closing_a_follow_up_says_close_not_closed(window, services, qtbot, english_later):
    consultations.log_consultation(services.ctx, {
        "caller_name": "김문의", "channel": "phone", "question": "입주 문의",
        "outcome": "follow_up", "due_on": today_seoul(), "staff_id": services.ctx.staff_id})
    english_later("en")
    page = window.show_page("followups")
    page.show_filter("all", "open")
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 1)
    page.table.setCurrentIndex(page.table.model().index(0, 0))
    dialog = page.resolve_current()
    assert dialog.windowTitle() == "Close with a note"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Close"


def test_culture_and_content_keeps_its_ampersand_in_a_call_form(window, services, qtbot,
                                                                english_later):
    english_later("en")
    outreach = window.show_page("outreach")
    calls = outreach.show_tab("calls")
    calls.add()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w.isVisible() and w.windowTitle() == "Public call")
    texts = [b.text() for b in dialog.findChildren(QCheckBox)]
    assert "Culture && content" in texts                     # shown "Culture & content"
    assert not [t for t in texts if re.search(r"(?<!&)&(?!&)", t)]  # no letter underlined


def test_choosing_a_company_for_its_questionnaire_offers_a_preview(window, services, qtbot,
                                                                   companies_made):
    outreach = window.show_page("outreach")
    tab = outreach.show_tab("questionnaires")
    tab.print_one()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w.isVisible() and w.windowTitle() == "설문지를 인쇄할 기업")
    assert dialog.save_button().text() == "미리보기"           # it saves nothing


def test_a_document_preview_and_a_new_company_fit_the_screen(window, services):
    from campdesk.ui.companies.new_company_dialog import open_new_company
    from campdesk.ui.core.printing import PdfDialog
    room = window.screen().availableGeometry()
    for dialog in (PdfDialog("상담 요약", window), open_new_company(services, window)):
        assert dialog.height() < room.height() and dialog.width() < room.width()
        dialog.deleteLater()


def test_english_kinds_and_statuses_are_not_cut(window, services, qtbot, english_later):
    """Widths sized for Korean values ("사업화 자금", "면접") cut the English ones
    ("Commercialisation funding" → "Commerci…", "Introduced" → "Introdu…")."""
    outreach = window.show_page("outreach")
    supports = outreach.show_tab("supports")
    english_later("en")
    wide = supports.supports.fontMetrics().horizontalAdvance("Commercialisation funding")
    qtbot.waitUntil(lambda: supports.supports.columnWidth(2) > wide)
    jobs = window.show_page("jobs")                       # built again in English
    assert jobs.matches.table.columnWidth(4) > jobs.matches.table.fontMetrics().horizontalAdvance(
        "Introduced")


def test_outreach_form_dates_read_as_in_the_rest_of_the_app(window, services, english_later):
    from campdesk.ui.outreach.common import Field, FormDialog
    day = today_seoul().replace(month=12, day=9)

    def date_text() -> str:
        dialog = FormDialog(services, "행사", [Field("held_on", "날짜", "date")],
                            {"held_on": day}, lambda values: None, window)
        text = dialog.widgets["held_on"].text()
        dialog.deleteLater()
        return text
    assert date_text() == f"{day.year}. 12. 9."
    english_later("en")
    assert date_text() == f"{day.year}-12-09"


def test_the_hub_password_prompt_has_room_for_its_texts(window, services, qtbot, english_later):
    from PySide6.QtWidgets import QLabel
    from campdesk.ui.settings.settings_dialog import open_settings
    english_later("en")
    dialog = open_settings(services, window)
    dialog.show_hub_password_prompt()
    qtbot.waitExposed(dialog)
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_a_companys_supports_show_their_programme(window, services, companies_made, qtbot):
    """The programme column was squeezed to "…" in the company's narrow outreach tab."""
    ctx = services.ctx
    company = companies_made["광주데이터랩"]
    sv.ensure_agencies(ctx)
    sv.save_support(ctx, {"agency_id": sv.list_agencies(ctx)[0].id, "programme": "AI 실증 지원",
                          "kind": "funding", "company_id": company, "starts_on": "2026-03-01",
                          "ends_on": "2026-08-31", "amount_krw": "5,000,000"})
    window.resize(1366, 768)                                  # a laptop's screen
    page = window.show_page("companies")
    qtbot.waitUntil(lambda: bool(page.model.rows))
    page.select(company)
    qtbot.waitUntil(lambda: len(page.detail._extra) == 2)
    tab = next(w for w in page.detail._extra if hasattr(w, "calls"))
    page.detail.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.table.isVisible())
    assert tab.table.columnWidth(1) > tab.table.fontMetrics().horizontalAdvance("AI 실증 지원")
