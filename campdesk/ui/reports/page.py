"""Printable documents: pick a report, make it off the UI thread, preview, print or save.

The kinds: the monthly camp report (for the council), one tenant's monthly report, every
tenant's at once (one PDF, or one file per company), a company's whole record, and the
one-page summary of a consultation.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton,
    QVBoxLayout, QWidget,
)

from campdesk.domain.dates import today_seoul
from campdesk.reports import kinds
from campdesk.services import companies, consultations
from campdesk.services.period import Month
from campdesk.ui.core import fmt
from campdesk.ui.core.i18n import current_language
from campdesk.i18n import _, ngettext, pgettext
from campdesk.ui.core.ops import describe
from campdesk.ui.core.page import Page
from campdesk.ui.core.printing import PdfPane
from campdesk.ui.widgets.company_picker import CompanyPicker
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.icon import give_icon


MONTHS_SHOWN = 36


# the one registry of report kinds (campdesk/reports/kinds.py), those made from this page
KINDS = [k for k in kinds.KINDS if k.on_page]


class ProgressRelay(QObject):
    """Lives on the GUI thread: a worker calls ``report`` and the bar moves on the GUI thread."""

    progressed = Signal(int, int)

    def report(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)


class ReportsPage(Retranslating, Page):
    key = "reports"

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self._companies_loaded = False
        self._consultations_of: str | None = None  # the company the consultation list is for
        self._status_text: Callable[[], str] | None = None  # what the status line says
        self.kind, self.month, self.consultation = QComboBox(), QComboBox(), QComboBox()
        self.kind.setObjectName("kind")
        self.month.setObjectName("month")
        self.consultation.setObjectName("consultation")
        self.company = CompanyPicker(self)
        self.company.setObjectName("company")
        self.company.picked.connect(self._on_company)
        self.kind.currentIndexChanged.connect(lambda _: self._show_fields())
        self.make_button, self.files_button = QPushButton(), QPushButton()
        self.make_button.setObjectName("make")
        self.files_button.setObjectName("save_each")
        self.make_button.clicked.connect(self.make)
        give_icon(self.make_button, "reports")
        self.files_button.clicked.connect(self.save_each)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.pane = PdfPane(self)
        self.pane.set_empty_hint(lambda: _("왼쪽에서 보고서와 기간(또는 기업)을 고르고 [만들기]를 누르면 여기에 미리 보기가 나옵니다. "
            "미리 본 다음 인쇄하거나 PDF로 저장하세요."))
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._on_progress)
        self._build_layout()
        self.retranslate()
        app.bus.data_changed.connect(self._on_data_changed)

    def _build_layout(self) -> None:
        self.form = QFormLayout()
        self.labels = {k: QLabel() for k in ("kind", "month", "company", "consultation")}
        for key, widget in (("kind", self.kind), ("month", self.month), ("company", self.company),
                            ("consultation", self.consultation)):
            self.form.addRow(self.labels[key], widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.files_button)
        buttons.addStretch(1)
        side = QVBoxLayout()
        side.addLayout(self.form)
        side.addLayout(buttons)
        side.addWidget(self.progress)
        side.addWidget(self.status)
        side.addStretch(1)
        left = QWidget()
        left.setLayout(side)
        left.setMaximumWidth(420)
        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(self.pane, 1)

    def retranslate(self) -> None:
        current = self.kind.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in KINDS:
            self.kind.addItem(kind.name, kind.code)
        self.kind.setCurrentIndex(max(current, 0))
        self.kind.blockSignals(False)
        self._fill_months()
        for key, label in (("kind", pgettext("report", "보고서")),
                           ("month", pgettext("report", "기간")),
                           ("company", _("기업")), ("consultation", _("상담"))):
            self.labels[key].setText(label)
        self.company.setPlaceholderText(_("기업명, 사업자등록번호, 초성"))
        self.make_button.setText(_("만들기"))
        self.files_button.setText(_("기업별 파일로 저장…"))
        self._show_fields()
        if self._status_text is not None:
            self.status.setText(self._status_text())

    def _fill_months(self) -> None:
        chosen = self.month.currentData()
        self.month.clear()
        this = Month.of(today_seoul())
        for back in range(MONTHS_SHOWN):
            m = this.minus(back)
            self.month.addItem(m.label if current_language() == "ko" else m.key, m.key)
        index = self.month.findData(chosen) if chosen else 1  # last month: the usual report
        self.month.setCurrentIndex(max(index, 0))

    def set_month(self, month: Month) -> None:
        if self.month.findData(month.key) < 0:
            self.month.addItem(month.label if current_language() == "ko" else month.key, month.key)
        self.month.setCurrentIndex(self.month.findData(month.key))

    def set_kind(self, code: str) -> None:
        self.kind.setCurrentIndex(next(i for i, k in enumerate(KINDS) if k.code == code))

    def current_kind(self) -> kinds.ReportKind:
        return KINDS[max(self.kind.currentIndex(), 0)]

    def _show_fields(self) -> None:
        kind = self.current_kind()
        for key, wanted in (("month", kind.month), ("company", kind.company),
                            ("consultation", kind.consultation)):
            self.form.setRowVisible(self.labels[key], wanted)
        self.files_button.setVisible(kind.files is not None)
        self._load_consultations()

    # --- data ------------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._companies_loaded:
            self.refresh()

    def refresh(self) -> None:
        self.app.ops.run(companies.list_companies, self.app.ctx, key="reports.companies",
                         success=self._on_companies)

    def _on_companies(self, rows) -> None:
        self._companies_loaded = True
        self.company.set_rows(rows)

    def _on_data_changed(self, table: str) -> None:
        if self._companies_loaded and table in ("companies", "*"):
            self.refresh()

    def _on_company(self, company_id: str) -> None:
        self.consultation.clear()
        self._consultations_of = None
        self._load_consultations()

    def _load_consultations(self) -> None:
        """Fill the consultation list for the company shown, whenever a consultation is to be
        chosen: after a company is picked, and after a switch to a kind that needs one (the
        company may have been picked for another kind before)."""
        company_id = self.company.company_id
        if not company_id or not self.current_kind().consultation:
            return
        if company_id == self._consultations_of:
            return  # already listed (or on its way)
        self._consultations_of = company_id
        self.consultation.clear()
        self.app.ops.run(consultations.company_timeline, self.app.ctx, company_id,
                         key="reports.consultations",
                         success=lambda views: self._on_consultations(views, company_id))

    def _on_consultations(self, views, company_id: str | None = None) -> None:
        if company_id is not None and company_id != self.company.company_id:
            return  # another company was picked meanwhile
        self.consultation.clear()
        for v in views:
            self.consultation.addItem(f"{fmt.moment(v.occurred_at)} · {v.question[:40]}", v.id)

    # --- making documents -------------------------------------------------------------------
    def request(self) -> kinds.Request:
        month = Month.parse(self.month.currentData() or Month.of(today_seoul()).key)
        return kinds.Request(month=month, company_id=self.company.company_id or None,
                             consultation_id=self.consultation.currentData() or None,
                             company_name=self.company.text().strip(),
                             progress=self.relay.report)

    def job(self) -> tuple[Callable, tuple, str] | None:
        """The function to run off the UI thread, its arguments and a file name; None if
        something is missing (the status line says what)."""
        kind, ctx, request = self.current_kind(), self.app.ctx, self.request()
        if kind.company and not request.company_id:
            return self._missing(lambda: _("기업을 먼저 골라 주세요."))
        if kind.consultation and not request.consultation_id:
            return self._missing(lambda: _("상담을 골라 주세요."))
        return kind.make, (ctx, request), kind.default_name(request)

    def _missing(self, make: Callable[[], str]) -> None:
        self._say(make)
        return None

    def _say(self, make) -> None:
        """A status line that follows a language switch (``make`` builds it again)."""
        self._status_text = make
        self.status.setText(make())

    def make(self) -> None:
        job = self.job()
        if job is None:
            return
        fn, args, file_name = job
        self._busy(True, lambda: _("만드는 중…"))
        self.app.ops.run(fn, *args, key="reports.make",
                         success=lambda pdf: self._on_made(pdf, file_name),
                         failure=self._on_failed)

    def preview_consultation(self, consultation_id: str) -> None:
        """Show one consultation's summary (for other pages: "인쇄" on a consultation)."""
        self.set_kind("consultation")
        self._busy(True, lambda: _("만드는 중…"))
        kind = kinds.kind("consultation")
        self.app.ops.run(kind.make, self.app.ctx, kinds.Request(consultation_id=consultation_id),
                         key="reports.make",
                         success=lambda pdf: self._on_made(pdf, _("상담요약서.pdf")),
                         failure=self._on_failed)

    def save_each(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("저장할 폴더"))
        if folder:
            self.save_each_to(folder)

    def save_each_to(self, folder: str) -> None:
        kind = self.current_kind() if self.current_kind().files else kinds.kind("tenants")
        self._busy(True, lambda: _("기업별 파일을 만드는 중…"))
        self.app.ops.run(kind.files, self.app.ctx, self.request(), folder,
                         key="reports.each", success=self._on_files, failure=self._on_failed)

    def _busy(self, busy: bool, make: Callable[[], str] = lambda: "") -> None:
        self.make_button.setEnabled(not busy)
        self.files_button.setEnabled(not busy)
        self.progress.setRange(0, 0)  # busy until a batch says how far it is
        self.progress.setVisible(busy)
        self._say(make)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if done < total:
            self._say(lambda: _("{0} / {1} 기업").format(done, total))
        else:
            self._say(lambda: _("PDF로 묶는 중…"))

    def _on_made(self, pdf: bytes, file_name: str) -> None:
        self._busy(False)
        self.pane.set_pdf(pdf, file_name)
        pages = self.pane.page_count
        self._say(lambda: ngettext("{0}쪽을 만들었습니다.", "{0}쪽을 만들었습니다.", pages).format(pages))

    def _on_files(self, paths) -> None:
        self._busy(False)
        files = len(paths)
        self._say(lambda: ngettext("{0}개 파일을 저장했습니다.", "{0}개 파일을 저장했습니다.", files).format(files))

    def _on_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._say(lambda: describe(exc))


PAGE = ReportsPage
