"""Settings: the language (Korean or English, switched at once without losing anything)
and who works at this PC."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QVBoxLayout, QWidget,
)

from campdesk.services import staff
from campdesk.ui.sync.hub_settings import HubSettingsForm
from campdesk.i18n import _
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.unsaved import GuardsInput

LANGUAGES = [("ko", "한국어"), ("en", "English")]  # each in its own language  # i18n: data


class SettingsDialog(GuardsInput, Retranslating, QDialog):
    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.setObjectName("settings_dialog")
        self.setMinimumWidth(460)  # the hub's explanations wrap into a few lines, not many
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(app.lang))
        self.staff = QComboBox()
        self.staff.setObjectName("staff")
        self.edit_staff = QPushButton()
        self.edit_staff.clicked.connect(self._edit_staff)
        staff_row = QHBoxLayout()
        staff_row.addWidget(self.staff, 1)
        staff_row.addWidget(self.edit_staff)
        self.form = QFormLayout()
        self.language_label, self.staff_label = QLabel(), QLabel()
        self.form.addRow(self.language_label, self.language)
        holder = QWidget()
        holder.setLayout(staff_row)
        self.form.addRow(self.staff_label, holder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.hub_box = QGroupBox()
        self.hub_form = HubSettingsForm(app.ctx.settings, self, ops=app.ops)
        QVBoxLayout(self.hub_box).addWidget(self.hub_form)
        v = QVBoxLayout(self)
        v.addLayout(self.form)
        v.addWidget(self.hub_box)
        v.addWidget(self.buttons)
        self._fill_staff()
        self.retranslate()
        app.bus.staff_changed.connect(self._fill_staff)

    def retranslate(self) -> None:
        self.setWindowTitle(_("설정"))
        self.language_label.setText(_("언어"))
        self.staff_label.setText(_("이 PC 사용자"))
        self.edit_staff.setText(_("직원 목록 편집…"))
        self.hub_box.setTitle(_("다른 PC와 동기화"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("확인"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("취소"))

    def _fill_staff(self) -> None:
        self.staff.clear()
        for person in staff.list_staff(self.app.ctx):
            self.staff.addItem(person.name, person.id)
        self.staff.setCurrentIndex(self.staff.findData(self.app.ctx.staff_id))

    def _edit_staff(self) -> None:
        from campdesk.ui.settings.staff_dialog import open_staff_dialog
        open_staff_dialog(self.app, self)

    def show_connection(self) -> None:
        """Opened from the sync corner's "연결 설정…": the cursor on the server address."""
        self.hub_form.host.setFocus()

    def show_hub_password_prompt(self) -> None:
        """Open on the hub password, saying why it is asked (the hub wants one and this PC
        does not have it); OK keeps it and syncs at once."""
        self.hub_form.ask_password()
        self.adjustSize()  # room for the line saying why: none of the texts is cut

    def apply(self) -> None:
        self.hub_form.apply()
        self.app.ctx.save_settings()
        bridge = getattr(self.app, "sync", None)
        if bridge is not None:
            bridge.sync_now()
        staff_id = self.staff.currentData()
        if staff_id and staff_id != self.app.ctx.staff_id:
            self.app.set_staff(staff_id)
        lang = self.language.currentData()
        if lang != self.app.lang:
            self.app.set_language(lang)
        self.accept()


def open_settings(app, parent=None) -> SettingsDialog:
    dialog = SettingsDialog(app, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
