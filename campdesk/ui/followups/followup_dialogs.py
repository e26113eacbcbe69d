"""Close a follow-up with a resolution note, or escalate it to a senior consultant."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QVBoxLayout,
)

from campdesk.domain.dates import today_seoul
from campdesk.services import consultations, staff
from campdesk.services.errors import as_form_errors
from campdesk.i18n import _, pgettext
from campdesk.ui.core.ops import describe
from campdesk.ui.widgets.dates import DateEdit
from campdesk.ui.widgets.errors import ErrorLabel
from campdesk.ui.widgets.unsaved import GuardsInput


class _FollowUpDialog(GuardsInput, QDialog):
    def __init__(self, app, parent, view):
        super().__init__(parent)
        self.app, self.view = app, view
        self.error = ErrorLabel("general")
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("취소"))
        about = QLabel(f"<b>{view.who}</b><br>{view.question}")
        about.setWordWrap(True)
        v = QVBoxLayout(self)
        v.addWidget(about)
        v.addLayout(self.form)
        v.addWidget(self.error)
        v.addWidget(self.buttons)
        self.setMinimumWidth(460)

    @classmethod
    def start(cls, app, parent, view):
        dialog = cls(app, parent, view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog

    def run(self, fn, *args) -> None:
        self.buttons.setEnabled(False)
        self.app.ops.run(fn, self.app.ctx, self.view.id, *args, write=True,
                         success=self._done, failure=self._failed)

    def _done(self, _) -> None:
        self.app.bus.changed("consultations")
        self.accept()

    def _failed(self, exc) -> None:
        self.buttons.setEnabled(True)
        errors = as_form_errors(exc)
        self.error.show_message(describe(errors if errors is not None else exc))


class ResolveDialog(_FollowUpDialog):
    def __init__(self, app, parent, view):
        super().__init__(app, parent, view)
        self.setWindowTitle(pgettext("dialog title", "처리 완료"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("resolution")
        self.note.setTabChangesFocus(True)
        self.form.addRow(_("처리 결과 *"), self.note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(pgettext("button", "처리 완료"))
        self.note.setFocus()

    def submit(self) -> None:
        self.run(consultations.resolve, self.note.toPlainText())


class EscalateDialog(_FollowUpDialog):
    def __init__(self, app, parent, view):
        super().__init__(app, parent, view)
        self.setWindowTitle(_("책임상담사 이관"))
        self.consultant = QComboBox()
        self.consultant.setObjectName("consultant")
        for person in staff.list_staff(app.ctx, role="senior_consultant"):
            self.consultant.addItem(person.name, person.id)
        due = view.due_on or today_seoul() + timedelta(days=7)
        self.due = DateEdit(due)
        self.form.addRow(_("책임상담사 *"), self.consultant)
        self.form.addRow(_("기한"), self.due)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("이관"))
        if not self.consultant.count():
            self.error.show_message(_("책임상담사가 없습니다. 설정에서 직원 목록에 추가해 주세요."))

    def submit(self) -> None:
        if self.consultant.currentData() is None:
            return
        self.run(consultations.escalate, self.consultant.currentData(), self.due.value())
