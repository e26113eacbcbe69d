"""Preview a PDF, print it through the Qt print dialog, or save it: for every document.

``PdfPane`` shows the pages (QtPdf) with "인쇄…" and "PDF로 저장…" buttons. Printing renders
each page to an image at the printer's resolution. With no printer installed Qt would silently
"print" to nowhere, so the pane says so instead.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from campdesk.i18n import _, ngettext
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.screen_fit import fitted_size
from campdesk.ui.widgets.icon import give_icon

BANNER_STYLE = ("background: #fff4e5; color: #7a4a00; border: 1px solid #f0c36d; "
                "border-radius: 4px; padding: 6px;")


def printers_available() -> bool:
    return bool(QPrinterInfo.availablePrinters())


def no_printer_message() -> str:
    return _("이 PC에 설치된 프린터가 없어 인쇄할 수 없습니다. 'PDF로 저장…'으로 저장한 뒤 프린터가 "
             "연결된 PC에서 인쇄하거나, Windows 설정 > 프린터 및 스캐너에서 프린터를 추가해 주세요.")


def load_document(pdf: bytes, parent) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def paint_pages(document: QPdfDocument, printer: QPrinter) -> int:
    """Render the chosen pages onto the printer, each scaled to the printable area."""
    first = max(printer.fromPage(), 1) if printer.fromPage() else 1
    last = min(printer.toPage(), document.pageCount()) if printer.toPage() else document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for index in range(first - 1, last):
            if index > first - 1:
                printer.newPage()
            points = document.pagePointSize(index)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            painter.drawImage(QRect(0, 0, size.width(), size.height()),
                              document.render(index, size))
    finally:
        painter.end()
    return last - first + 1


class PdfPane(Retranslating, QWidget):
    """The pages of one PDF with print and save buttons; empty until ``set_pdf``."""

    printed = Signal(int)   # pages sent to the printer
    saved = Signal(str)     # the file written

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf: bytes | None = None
        self.file_name = "campdesk.pdf"
        self.document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.hint = QLabel(self)  # what to do, where the preview goes, before there is one
        self.hint.setObjectName("empty_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("QLabel#empty_hint { color: palette(mid); font-size: 12pt;"
                                " qproperty-alignment: AlignCenter; padding: 40px; }")
        self.hint.hide()
        self._hint = None
        self.pages = QLabel(self)
        self.print_button, self.save_button = QPushButton(self), QPushButton(self)
        self.print_button.setObjectName("print")
        self.save_button.setObjectName("save_pdf")
        self.print_button.clicked.connect(self.print_document)
        give_icon(self.print_button, "print")
        give_icon(self.save_button, "save")
        self.save_button.clicked.connect(lambda: self.save_document())
        bar = QHBoxLayout()
        bar.addWidget(self.pages, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.retranslate()
        self._update_buttons()

    def set_empty_hint(self, make) -> None:
        """``make()`` gives the text shown in place of the preview while there is none."""
        self._hint = make
        self._show_hint()

    def _show_hint(self) -> None:
        empty = self.pdf is None and self._hint is not None
        if empty:
            self.hint.setText(self._hint())
        self.hint.setVisible(empty)
        self.view.setVisible(not empty)

    def retranslate(self) -> None:
        self.print_button.setText(_("인쇄…"))
        self.save_button.setText(_("PDF로 저장…"))
        self._update_pages()
        if getattr(self, "_hint", None) is not None:
            self._show_hint()
        if getattr(self, "_message", None) is not None and self.banner.isVisible():
            self.banner.setText(self._message())

    # --- content ---------------------------------------------------------------------------
    def set_pdf(self, pdf: bytes | None, file_name: str = "campdesk.pdf") -> None:
        self.pdf, self.file_name = pdf, file_name
        old = (self.document, self._buffer)
        self.document, self._buffer = load_document(pdf, self) if pdf else (None, None)
        self.view.setDocument(self.document)
        for obj in old:
            if obj is not None:
                obj.deleteLater()
        self.banner.hide()
        self._show_hint()
        self._update_pages()
        self._update_buttons()

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document else 0

    def show_message(self, text) -> None:
        """A note over the preview; given as a function (``no_printer_message``) it is
        written again in the other language after a switch."""
        self._message = text if callable(text) else None
        text = text() if callable(text) else text
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _update_pages(self) -> None:
        self.pages.setText(ngettext("{0}쪽", "{0}쪽", self.page_count).format(self.page_count) if self.pdf else "")

    def _update_buttons(self) -> None:
        self.print_button.setEnabled(self.pdf is not None)
        self.save_button.setEnabled(self.pdf is not None)

    # --- actions ---------------------------------------------------------------------------
    def print_document(self) -> int:
        """Ask for a printer and print; returns the pages printed (0: nothing was printed)."""
        if self.document is None:
            return 0
        if not printers_available():
            self.show_message(no_printer_message)
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        printer.setFromTo(1, self.page_count)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        done = paint_pages(self.document, printer)
        self.printed.emit(done)
        return done

    def save_document(self, path: str | None = None) -> Path | None:
        if self.pdf is None:
            return None
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, _("PDF로 저장"),
                                                  self.file_name, "PDF (*.pdf)")
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            target.write_bytes(self.pdf)
        except OSError as exc:
            self.show_message(_("저장하지 못했습니다: {0}").format(exc.strerror or exc))
            return None
        self.show_message("")
        self.saved.emit(str(target))
        return target


class PdfDialog(QDialog):
    """A document made off the UI thread, then previewed with print and save buttons.

    For other pages: ``PdfDialog.start(app, parent, api.consultation_pdf, ctx, id,
    title="상담 요약서", file_name="상담요약서.pdf")``.
    """

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(fitted_size(self, QSize(900, 1000)))
        self.status = QLabel(_("만드는 중…"), self)
        self.pane = PdfPane(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.pane, 1)

    @classmethod
    def start(cls, app, parent, fn, *args, title: str, file_name: str) -> PdfDialog:
        dialog = cls(title, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def made(pdf: bytes) -> None:
            dialog.status.hide()
            dialog.pane.set_pdf(pdf, file_name)

        def failed(exc: BaseException) -> None:
            from campdesk.ui.core.ops import describe
            dialog.status.setText(describe(exc))

        app.ops.run(fn, *args, success=made, failure=failed)
        dialog.show()
        return dialog
