"""The reports page as staff use it: make a report off the UI thread, preview, print, save."""
import pytest
from PySide6.QtPrintSupport import QPrinter

from campdesk.services.reporting import Month
from campdesk.ui.core import printing
from campdesk.ui.reports.page import ReportsPage

from pdfcheck import ReadBack

MARCH = Month(2026, 3)


@pytest.fixture
def page(staffed_ctx, camp, qtbot, qapp):
    from campdesk.ui.core import i18n
    from campdesk.ui.core.appservices import AppServices
    i18n.set_language("ko")
    app = AppServices(staffed_ctx)
    widget = ReportsPage(app)
    qtbot.addWidget(widget)
    widget.activate()
    qtbot.waitUntil(lambda: widget._companies_loaded)
    yield widget
    app.shutdown()


def make(page, qtbot, kind: str, company_id: str | None = None):
    page.set_kind(kind)
    page.set_month(MARCH)
    if company_id:
        row = next(r for r in page.company.rows if r.id == company_id)
        page.company.set_company(row)
    page.make_button.click()
    qtbot.waitUntil(lambda: page.pane.pdf is not None and page.make_button.isEnabled(), timeout=10000)


def test_camp_report_is_made_off_the_ui_thread_and_previewed(page, qtbot):
    make(page, qtbot, "camp")
    assert page.pane.page_count >= 3
    assert f"{page.pane.page_count}쪽" in page.status.text()
    assert page.pane.print_button.isEnabled() and page.pane.save_button.isEnabled()


def test_without_a_printer_the_page_says_so_in_korean(page, qtbot, monkeypatch):
    monkeypatch.setattr(printing.QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    opened = []
    monkeypatch.setattr(printing.QPrintDialog, "exec", lambda self: opened.append(1) or 0)
    make(page, qtbot, "camp")
    page.pane.print_button.click()
    assert page.pane.banner.isVisibleTo(page)
    assert "설치된 프린터가 없어" in page.pane.banner.text()
    assert not opened  # no dialog that would "print" to nowhere


def test_save_as_pdf_writes_the_previewed_document(page, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "보고서"
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF (*.pdf)")))
    make(page, qtbot, "tenant", page.company.rows[0].id)
    with qtbot.waitSignal(page.pane.saved):
        page.pane.save_button.click()
    written = tmp_path / "보고서.pdf"
    assert "2026년 3월 월간 보고" in ReadBack(written.read_bytes()).text


def test_a_company_report_needs_a_company(page, qtbot):
    page.set_kind("company")
    page.make_button.click()
    assert page.status.text() == "기업을 먼저 골라 주세요."
    assert page.pane.pdf is None


def test_batch_shows_progress_per_company(page, qtbot):
    seen = []
    page.relay.progressed.connect(lambda done, total: seen.append((done, total)))
    make(page, qtbot, "tenants")
    assert seen[-1] == (3, 3)
    assert page.files_button.isVisibleTo(page)


def test_save_one_file_per_company(page, qtbot, tmp_path):
    page.set_kind("tenants")
    page.set_month(MARCH)
    page.save_each_to(str(tmp_path))
    qtbot.waitUntil(lambda: "3개 파일을 저장했습니다." in page.status.text(), timeout=10000)
    assert len(list(tmp_path.glob("2026-03_*.pdf"))) == 3


def test_printing_paints_every_page(page, qtbot, tmp_path):
    """The same painting the print dialog leads to, into Qt's own PDF printer."""
    make(page, qtbot, "camp")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert printing.paint_pages(page.pane.document, printer) == page.pane.page_count
    assert len(ReadBack((tmp_path / "printed.pdf").read_bytes())) == page.pane.page_count


def test_a_consultation_summary_opens_in_its_own_preview(page, camp, qtbot):
    """What another page (the consultation log) calls to print one consultation."""
    from campdesk.reports import api
    dialog = printing.PdfDialog.start(page.app, page, api.consultation_pdf, page.app.ctx,
                                      camp.escalation, title="상담 요약서", file_name="상담요약서.pdf")
    qtbot.waitUntil(lambda: dialog.pane.pdf is not None, timeout=10000)
    assert dialog.pane.page_count == 1
    dialog.close()


def test_an_unknown_consultation_is_reported_not_crashed(page, qtbot):
    from campdesk.reports import api
    dialog = printing.PdfDialog.start(page.app, page, api.consultation_pdf, page.app.ctx,
                                      "no-such-id", title="상담 요약서", file_name="x.pdf")
    qtbot.waitUntil(lambda: "찾을 수 없습니다" in dialog.status.text(), timeout=10000)
    assert dialog.pane.pdf is None
    dialog.close()


def pick_company(page, qtbot, name: str) -> None:
    """As staff do: type the name in the picker (Hangul comes through the input method;
    qtbot.keyClicks with Hangul kills pytest) and press Enter on the one match."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    event = QInputMethodEvent("", [])
    event.setCommitString(name)
    QApplication.sendEvent(page.company, event)
    page.company.close_list()
    qtbot.keyClick(page.company, Qt.Key.Key_Return)
    assert page.company.company_id is not None


def test_switching_to_a_consultation_summary_lists_the_company_already_chosen(page, camp, qtbot):
    """A tenant report made for a company, then 상담 요약서: its consultations are there to
    choose, and 만들기 makes the summary instead of asking for a consultation."""
    page.set_kind("tenant")
    pick_company(page, qtbot, "빛고을인공지능")
    assert page.company.company_id == camp.a
    page.set_kind("consultation")
    qtbot.waitUntil(lambda: page.consultation.count() > 0, timeout=5000)
    assert page.consultation.currentData() is not None
    page.make_button.click()
    qtbot.waitUntil(lambda: page.pane.pdf is not None and page.make_button.isEnabled(),
                    timeout=10000)
    assert page.status.text() != "상담을 골라 주세요."
    assert page.pane.page_count == 1


def test_picking_another_company_lists_its_consultations_instead(page, camp, qtbot):
    page.set_kind("consultation")
    pick_company(page, qtbot, "빛고을인공지능")
    qtbot.waitUntil(lambda: page.consultation.count() > 0, timeout=5000)
    first = {page.consultation.itemData(i) for i in range(page.consultation.count())}
    page.company.clear()
    pick_company(page, qtbot, "무등데이터")
    qtbot.waitUntil(lambda: page.consultation.count() > 0
                    and page.consultation.itemData(0) not in first, timeout=5000)
    shown = {page.consultation.itemData(i) for i in range(page.consultation.count())}
    assert not shown & first


@pytest.mark.parametrize("kind, missing", [("company", "기업을 먼저 골라 주세요."),
                                           ("consultation", "상담을 골라 주세요.")])
def test_a_status_line_follows_a_language_switch(page, qtbot, kind, missing):
    from campdesk.ui.core import i18n
    english = {"기업을 먼저 골라 주세요.": "Choose a company first.",
               "상담을 골라 주세요.": "Choose a consultation."}
    page.set_kind(kind)
    if kind == "consultation":
        pick_company(page, qtbot, "금남헬스")  # no consultation to choose
    page.make_button.click()
    assert page.status.text() == missing
    try:
        i18n.set_language("en")
        page.retranslate()  # what the LanguageChange event does in the window
        assert page.status.text() == english[missing]
    finally:
        i18n.set_language("ko")
        page.retranslate()
    assert page.status.text() == missing


def test_the_pages_made_line_follows_a_language_switch_too(page, qtbot):
    make(page, qtbot, "camp")
    pages = page.pane.page_count
    try:
        from campdesk.ui.core import i18n
        i18n.set_language("en")
        page.retranslate()
        assert str(pages) in page.status.text() and "쪽" not in page.status.text()
    finally:
        i18n.set_language("ko")
        page.retranslate()
    assert page.status.text() == f"{pages}쪽을 만들었습니다."
