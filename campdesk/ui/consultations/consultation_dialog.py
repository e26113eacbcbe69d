"""Log (Ctrl+N, from anywhere) or edit a consultation, entirely by keyboard.

Tab moves through the fields in reading order; Ctrl+Enter saves; Esc cancels. An edited
consultation shows its history (who changed what, when) on a second tab.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from campdesk.services import companies, consultations, staff
from campdesk.ui.consultations.consultation_form import ConsultationForm
from campdesk.ui.consultations.consultation_history import HistoryView, load_history
from campdesk.i18n import _
from campdesk.ui.widgets.errors import show_failure
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.unsaved import GuardsInput


class ConsultationDialog(GuardsInput, Retranslating, QDialog):
    saved = Signal(str)  # consultation id

    def __init__(self, app, parent: QWidget | None = None, consultation_id: str | None = None,
                 company_id: str | None = None):
        super().__init__(parent)
        self.app = app
        self.consultation_id = consultation_id
        self._preset_company = company_id
        self.setObjectName("consultation_dialog")
        self.setMinimumWidth(620)
        self.form = ConsultationForm()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.print_button = None
        if consultation_id:  # a saved record can be handed out on paper
            self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
            self.print_button.setObjectName("print_summary")
            self.print_button.clicked.connect(self._print_summary)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, self.save)
        outer = QVBoxLayout(self)
        self.tabs = self.history = None
        if consultation_id:
            self.tabs, self.history = QTabWidget(), HistoryView()
            self.tabs.addTab(self.form, "")
            self.tabs.addTab(self.history, "")
            outer.addWidget(self.tabs)
        else:
            outer.addWidget(self.form)
        from campdesk.ui.mentoring.mentor_suggestions import MentorSuggestions
        self.mentors = MentorSuggestions(app, self.form)  # shown when the outcome is 멘토 연계
        outer.addWidget(self.mentors)
        from campdesk.ui.outreach.common import warning_label
        self.overlap_warning = warning_label(self)  # funding asked by a company funded twice
        outer.addWidget(self.overlap_warning)
        outer.addWidget(self.buttons)
        self.form.picker.picked.connect(lambda _: self._check_overlaps())
        self.form.category.currentIndexChanged.connect(lambda _: self._check_overlaps())
        self.retranslate()
        self._load()
        self.form.picker.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(_("상담 기록 수정") if self.consultation_id
                            else _("상담 기록"))
        self.form.retranslate()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            _("저장 (Ctrl+Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("취소"))
        if self.print_button is not None:
            self.print_button.setText(_("상담 요약 인쇄"))
        if self.tabs is not None:
            self.tabs.setTabText(0, _("상담"))
            self.tabs.setTabText(1, _("변경 이력"))
            self.history.model_.retranslate()

    def _print_summary(self) -> None:
        """The one-page consultation summary, previewed, printed or saved as PDF."""
        from campdesk.reports.kinds import Request, kind
        from campdesk.ui.core.printing import PdfDialog
        PdfDialog.start(self.app, self, kind("consultation").make, self.app.ctx,
                        Request(consultation_id=self.consultation_id),
                        title=_("상담 요약"),
                        file_name=_("상담요약-{id}.pdf").format(id=self.consultation_id[:8]))

    def _check_overlaps(self) -> None:
        from campdesk.services.outreach.supports import funding_warning
        self.app.ops.run(funding_warning, self.app.ctx, self.form.picker.company_id,
                         self.form.category.code(), key="consultation.overlaps", owner=self,
                         success=lambda text: (self.overlap_warning.setText(text or ""),
                                               self.overlap_warning.setVisible(bool(text))))

    # --- loading -------------------------------------------------------------------------
    def _load(self) -> None:
        ctx = self.app.ctx
        self.form.set_consultants(staff.list_staff(ctx, role="senior_consultant"))
        self.app.ops.run(companies.list_companies, ctx, success=self._on_companies)
        if self.consultation_id:
            self.form.fill(consultations.get_consultation(ctx, self.consultation_id))

    def _on_companies(self, rows) -> None:
        picker = self.form.picker
        picker.set_rows(rows)
        original = self.form.original
        wanted = self._preset_company or (original.company_id if original else None)
        if wanted and not picker.company_id:
            untouched = not self.has_unsaved_input()
            picker.set_company(next((r for r in rows if r.id == wanted), None))
            self._check_overlaps()
            if untouched:  # the preset company is not something typed
                self.mark_clean()
        if self.consultation_id:  # company names for the history, now that they are here
            self.app.ops.run(load_history, self.app.ctx, self.consultation_id,
                             {r.id: r.name for r in rows}, success=self.history.set_rows)

    # --- saving --------------------------------------------------------------------------
    def save(self) -> None:
        raw = self.form.values()
        problem = self.form.problems(raw)
        if problem is not None:
            self.form.show_errors(problem)
            return
        self.buttons.setEnabled(False)
        if self.consultation_id:
            self.app.ops.run(consultations.update_consultation, self.app.ctx,
                             self.consultation_id, raw, write=True, owner=self,
                             success=lambda _: self._done(self.consultation_id),
                             failure=self._failed)
        else:
            self.app.ops.run(consultations.log_consultation, self.app.ctx, raw, write=True,
                             success=self._done, failure=self._failed)

    def _done(self, consultation_id: str) -> None:
        self.app.bus.changed("consultations")
        self.saved.emit(consultation_id)
        window = self.parentWidget().window() if self.parentWidget() is not None else None
        if self.consultation_id is None and window is not None:
            offer_undo(self.app, window, consultation_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_failure(self.form, exc)


def offer_undo(app, window: QWidget, consultation_id: str) -> None:
    """"저장됨 · 실행 취소" for a moment: undo deletes the consultation just logged."""
    from campdesk.ui.widgets.undo_notice import notice_for

    def undo() -> None:
        app.ops.run(consultations.undo_log, app.ctx, consultation_id, write=True,
                    success=lambda _: app.bus.changed("consultations"))
    notice_for(window).show_saved(_("저장됨 ·"), undo)


def open_log_dialog(app, parent: QWidget | None = None, company_id: str | None = None,
                    consultation_id: str | None = None) -> ConsultationDialog:
    """Open (not exec) the dialog: the rest of the app keeps running behind it."""
    dialog = ConsultationDialog(app, parent, consultation_id=consultation_id,
                                company_id=company_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
