"""Filling the database from the app: the demo data set, or a company spreadsheet.
Both run on the writer thread with a progress dialog; the UI stays responsive."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from campdesk.services import demo, importer
from campdesk.ui import fmt
from campdesk.ui.i18n import t


class _Progress(QObject):
    """Thread-safe progress: the worker calls it, the dialog on the GUI thread moves."""

    moved = Signal(int, str)

    def __call__(self, fraction: float, message: str) -> None:
        self.moved.emit(int(fraction * 100), message)


def _progress_dialog(parent: QWidget | None, title: str) -> QProgressDialog:
    dialog = QProgressDialog(title, "", 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    return dialog


def start_demo(app, parent: QWidget | None = None, scale: str = "small", on_done=None) -> None:
    dialog = _progress_dialog(parent, t("데모 데이터를 만드는 중…", "Making the demo data…"))
    progress = _Progress(dialog)
    progress.moved.connect(lambda value, text: (dialog.setValue(value), dialog.setLabelText(text)))
    dialog.show()

    def done(counts) -> None:
        dialog.close()
        app.hub.changed()
        if on_done:
            on_done(counts)

    def failed(exc) -> None:
        dialog.close()
        from campdesk.ui.ops import describe
        app.ops.failed.emit(describe(exc))

    app.ops.run(demo.generate, app.ctx, scale, progress=progress, write=True,
                success=done, failure=failed)


def report_text(report) -> str:
    text = t("전체 {0}행: 새로 등록 {1}, 갱신 {2}, 변경 없음 {3}, 거부 {4}",
             "{0} rows: {1} new, {2} updated, {3} unchanged, {4} rejected").format(
        fmt.number(report.total), fmt.number(report.created), fmt.number(report.updated),
        fmt.number(report.unchanged), fmt.number(report.rejected_rows))
    lines = [f"{r.row_no}{t('행', ': row')} · {r.column} · {r.reason}" for r in report.rejected[:30]]
    return "\n".join([text, *lines])


def start_import(app, parent: QWidget | None = None, path: str | None = None, on_done=None) -> None:
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent, t("기업 목록 가져오기", "Import companies"), "",
            t("표 파일 (*.csv *.xlsx)", "Spreadsheets (*.csv *.xlsx)"))
        if not path:
            return

    def done(report) -> None:
        app.hub.changed("companies")
        box = QMessageBox(QMessageBox.Icon.Information, t("가져오기 결과", "Import result"),
                          report_text(report), QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()
        if on_done:
            on_done(report)

    app.ops.run(importer.import_companies, app.ctx, path, write=True, success=done)
