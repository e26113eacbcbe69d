"""Register a new company; warns when the business number or the name already exists and
offers to open the existing record instead."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
    QVBoxLayout, QWidget,
)

from campdesk.services import companies
from campdesk.ui.companies.company_form import CompanyForm
from campdesk.i18n import _
from campdesk.ui.widgets.errors import show_failure
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.screen_fit import fitted_size
from campdesk.ui.widgets.unsaved import GuardsInput

WARNING_STYLE = "QFrame#duplicates { background: #fff4e5; border: 1px solid #f0b35a; border-radius: 4px; }"


class DuplicatePanel(QFrame):
    open_existing = Signal(str)
    create_anyway = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("duplicates")
        self.setStyleSheet(WARNING_STYLE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_existing")
        self.anyway_button = QPushButton()
        self.anyway_button.setObjectName("create_anyway")
        self.open_button.clicked.connect(lambda: self.open_existing.emit(self.rows[0].id))
        self.anyway_button.clicked.connect(self.create_anyway)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.anyway_button)
        v = QVBoxLayout(self)
        v.addWidget(self.text)
        v.addLayout(buttons)
        self.rows = []
        self.hide()

    def show_rows(self, rows) -> None:
        self.rows = rows
        self.retranslate()
        self.setVisible(bool(rows))
        if rows:
            self.open_button.setFocus()

    def retranslate(self) -> None:
        lines = [f"• {r.name}" + (f" ({r.business_no})" if r.business_no else "") for r in self.rows]
        self.text.setText(_("같은 사업자등록번호나 이름의 기업이 이미 등록되어 있습니다:")
                          + "\n" + "\n".join(lines))
        self.open_button.setText(_("기존 기업 열기"))
        self.anyway_button.setText(_("그래도 새로 등록"))


class NewCompanyDialog(GuardsInput, Retranslating, QDialog):
    opened = Signal(str)  # the company to show: the new one, or the existing duplicate

    def __init__(self, app, parent: QWidget | None = None, preset: dict | None = None):
        super().__init__(parent)
        self.app = app
        self.setObjectName("new_company_dialog")
        self.form = CompanyForm()
        if preset:
            self.form.set_values(preset)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.duplicates = DuplicatePanel()
        self.duplicates.open_existing.connect(self._open_existing)
        self.duplicates.create_anyway.connect(lambda: self._create())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        v = QVBoxLayout(self)
        v.addWidget(scroll, 1)
        v.addWidget(self.duplicates)
        v.addWidget(self.buttons)
        self.resize(fitted_size(self, QSize(640, 720)))  # its fields scroll
        self.retranslate()
        self.form.widgets["name"].setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(_("새 기업 등록"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("등록"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("취소"))
        self.form.retranslate()
        self.duplicates.retranslate()

    def save(self) -> None:
        self.duplicates.show_rows([])
        self.app.ops.run(companies.check_new, self.app.ctx, self.form.values(),
                         success=self._checked, failure=self._failed)

    def _checked(self, duplicates) -> None:
        if duplicates:
            self.duplicates.show_rows(duplicates)
        else:
            self._create()

    def _create(self) -> None:
        self.buttons.setEnabled(False)
        self.app.ops.run(companies.create_company, self.app.ctx, self.form.values(), write=True,
                         success=self._created, failure=self._failed)

    def _created(self, company_id: str) -> None:
        self.app.bus.changed("companies")
        self.opened.emit(company_id)
        self.accept()

    def _open_existing(self, company_id: str) -> None:
        self.opened.emit(company_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_failure(self.form, exc)


def open_new_company(app, parent=None, on_open=None, preset: dict | None = None) -> NewCompanyDialog:
    dialog = NewCompanyDialog(app, parent, preset)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if on_open is not None:
        dialog.opened.connect(on_open)
    dialog.open()
    return dialog
