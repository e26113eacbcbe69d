"""Filling the database from the app: the demo data set, a company list or a consultation log.
Each runs on the writer thread with a progress dialog; the UI stays responsive, and an
import can be cancelled, leaving the database as it was."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from campdesk.services import demo, importer
from campdesk.services.tabular import Cancelled
from campdesk.ui.core import fmt
from campdesk.i18n import N_, _, ngettext


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
    dialog = _progress_dialog(parent, _("데모 데이터를 만드는 중…"))
    progress = _Progress(dialog)
    progress.moved.connect(lambda value, text: (dialog.setValue(value), dialog.setLabelText(text)))
    dialog.show()

    def done(counts) -> None:
        dialog.close()
        app.bus.changed()
        if on_done:
            on_done(counts)

    def failed(exc) -> None:
        dialog.close()
        from campdesk.ui.core.ops import describe
        app.ops.failed.emit(describe(exc))

    app.ops.run(demo.generate, app.ctx, scale, progress=progress, write=True,
                success=done, failure=failed)


def summary_line(report) -> str:
    """"전체 12행: 새로 등록 3, …" — "1 row: …" / "12 rows: …" in English."""
    return ngettext("전체 {n}행: 새로 등록 {created}, 갱신 {updated}, 변경 없음 {unchanged}, "
                    "거부 {rejected}",
                    "전체 {n}행: 새로 등록 {created}, 갱신 {updated}, 변경 없음 {unchanged}, "
                    "거부 {rejected}", report.total).format(
        n=fmt.number(report.total), created=fmt.number(report.created),
        updated=fmt.number(report.updated), unchanged=fmt.number(report.unchanged),
        rejected=fmt.number(report.rejected_rows))


def report_text(report) -> str:
    text = summary_line(report)
    lines = []
    if report.skipped:
        rows = ", ".join(_("{n}행").format(n=r.row_no) for r in report.skipped[:10])
        lines.append(ngettext("합계·안내 행 {n}개는 건너뛰었습니다: {rows}",
                              "합계·안내 행 {n}개는 건너뛰었습니다: {rows}",
                              len(report.skipped)).format(n=len(report.skipped), rows=rows))
    lines += list(report.warnings)
    lines += [_("{n}행").format(n=r.row_no) + f" · {r.column} · {r.reason}"
              for r in report.rejected[:30]]
    return "\n".join([text, *lines])


# What each import reads: the file dialog's title, the progress dialog's, and the table
# whose pages show the rows (texts translated where shown).
IMPORTS = {
    "companies": (N_("기업 목록 가져오기"), N_("기업 목록 가져오기 중…"), "companies"),
    "consultations": (N_("상담 기록 가져오기"), N_("상담 기록 가져오기 중…"), "consultations"),
    "mentors": (N_("멘토단 가져오기"), N_("멘토단 가져오기 중…"), "mentors"),
}
FILE_FILTER = N_("표 파일 (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls)")


class _CancellableProgress(_Progress):
    """Progress the worker reports; once the dialog is cancelled, the next report stops the
    import (which rolls its transaction back)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.cancelled = threading.Event()

    def __call__(self, fraction: float | None, message: str) -> None:
        if self.cancelled.is_set():
            raise Cancelled()
        self.moved.emit(-1 if fraction is None else int(fraction * 100), message)


def start_import(app, parent: QWidget | None = None, path: str | None = None, on_done=None,
                 kind: str = "companies") -> QProgressDialog | None:
    """Import a spreadsheet (``kind``: companies or consultations) on the writer thread,
    with a progress dialog whose Cancel leaves the database as it was."""
    from campdesk.services.consultation_import import import_consultations
    from campdesk.services.mentor_import import import_mentors
    title, busy_title, table = IMPORTS[kind]
    service = {"companies": importer.import_companies, "consultations": import_consultations,
               "mentors": import_mentors}[kind]
    if path is None:
        path, _filter = QFileDialog.getOpenFileName(parent, _(title), "", _(FILE_FILTER))
        if not path:
            return None
    dialog = _progress_dialog(parent, _(busy_title))
    dialog.setCancelButtonText(_("취소"))
    dialog.setMinimumDuration(300)
    progress = _CancellableProgress(dialog)
    dialog.canceled.connect(progress.cancelled.set)

    def moved(value: int, text: str) -> None:
        if value < 0:
            dialog.setRange(0, 0)  # how much is left is not known: a busy bar
        else:
            dialog.setRange(0, 100)
            dialog.setValue(value)
        dialog.setLabelText(text)
    progress.moved.connect(moved)

    def finish() -> None:
        dialog.canceled.disconnect(progress.cancelled.set)
        dialog.close()

    def done(report) -> None:
        finish()
        app.bus.changed(table)
        box = QMessageBox(QMessageBox.Icon.Information, _("가져오기 결과"),
                          report_text(report), QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()
        if on_done:
            on_done(report)

    def failed(exc) -> None:
        finish()
        from campdesk.ui.core.ops import describe
        app.ops.failed.emit(describe(exc))

    app.ops.run(service, app.ctx, path, progress=progress, write=True, success=done,
                failure=failed)
    return dialog
