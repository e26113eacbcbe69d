"""Staff print a company's record and a consultation summary from where they see them."""
from campdesk.services import consultations
from campdesk.ui.consultations.consultation_dialog import ConsultationDialog
from campdesk.ui.core.printing import PdfDialog
from qt_helpers import find_dialog


def _pdf_shown(dialog) -> bool:
    return dialog.pane.pdf is not None and dialog.pane.pdf.startswith(b"%PDF")


def test_company_record_is_previewed_from_the_company_view(window, companies_made, qtbot):
    page = window.show_page("companies")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.select(companies_made["광주데이터랩"])
    qtbot.waitUntil(lambda: page.detail.bundle is not None
                    and page.detail.company_id == companies_made["광주데이터랩"])
    page.detail.print_button.click()
    dialog = find_dialog(qtbot, PdfDialog)
    qtbot.waitUntil(lambda: _pdf_shown(dialog), timeout=15000)
    assert "광주데이터랩" in dialog.windowTitle()
    assert dialog.pane.document.pageCount() >= 1


def test_a_saved_consultation_prints_its_one_page_summary(services, staffed_ctx, companies_made, qtbot):
    kid = consultations.log_consultation(staffed_ctx, {
        "channel": "walk_in", "company_id": companies_made["광주데이터랩"], "question": "입주 공간 문의"})
    dialog = ConsultationDialog(services, None, consultation_id=kid)
    qtbot.addWidget(dialog)
    assert dialog.print_button.text() == "상담 요약 인쇄"
    dialog.print_button.click()
    preview = find_dialog(qtbot, PdfDialog)
    qtbot.waitUntil(lambda: _pdf_shown(preview), timeout=15000)
    assert preview.pane.document.pageCount() == 1
    new = ConsultationDialog(services, None)
    qtbot.addWidget(new)
    assert new.print_button is None  # nothing to print before it is saved
