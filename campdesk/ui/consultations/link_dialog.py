"""Link a consultation of an unregistered caller to a registered company."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from campdesk.services import companies, consultations
from campdesk.i18n import _
from campdesk.ui.widgets.company_picker import CompanyPicker
from campdesk.ui.widgets.errors import ErrorLabel


class LinkDialog(QDialog):
    def __init__(self, app, parent, consultation):
        super().__init__(parent)
        self.app, self.consultation = app, consultation
        self.setWindowTitle(_("기업에 연결"))
        self.picker = CompanyPicker()
        self.error = ErrorLabel("company_id")
        who = consultation.who
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._link)
        buttons.rejected.connect(self.reject)
        v = QVBoxLayout(self)
        v.addWidget(QLabel(_("'{0}'의 상담을 연결할 기업:")
                           .format(who)))
        v.addWidget(self.picker)
        v.addWidget(self.error)
        v.addWidget(buttons)
        app.ops.run(companies.list_companies, app.ctx, success=self.picker.set_rows)
        self.picker.setText(consultation.caller_org or "")

    def _link(self) -> None:
        if not self.picker.company_id:
            self.error.show_message(_("목록에서 기업을 골라 주세요."))
            return
        self.app.ops.run(consultations.link_to_company, self.app.ctx, self.consultation.id,
                         self.picker.company_id, write=True, success=self._done)

    def _done(self, _) -> None:
        self.app.bus.changed("consultations")
        self.accept()


def open_link_dialog(app, parent, consultation) -> LinkDialog:
    dialog = LinkDialog(app, parent, consultation)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
