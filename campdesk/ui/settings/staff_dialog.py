"""Who works at this PC: choose from the staff list, which can be edited right here.
Shown at the first start, and from the settings."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
)

from campdesk.domain.choices import STAFF_ROLE
from campdesk.services import staff
from campdesk.services.errors import FormErrors
from campdesk.ui.core import fmt
from campdesk.i18n import N_, _
from campdesk.ui.core.models.columns import Column
from campdesk.ui.core.models.rows import RowsModel
from campdesk.ui.widgets.bounded import BoundedLineEdit
from campdesk.ui.widgets.errors import ErrorLabel
from campdesk.ui.widgets.tables import data_table, selected_id
from campdesk.ui.widgets.vocab_combo import VocabCombo

COLUMNS = [Column("name", N_("이름"), lambda p: p.name),
           Column("role", N_("역할"), lambda p: fmt.label(STAFF_ROLE, p.role))]


class StaffDialog(QDialog):
    """The list is small (a handful of people): read and written directly."""

    def __init__(self, app, parent=None, first_run: bool = False):
        super().__init__(parent)
        self.app = app
        self.setObjectName("staff_dialog")
        self.setWindowTitle(_("이 PC의 사용자"))
        intro = QLabel(_("이 PC에서 일하는 사람을 고르세요. 이 PC에서 만든 기록에는 이 사람이 기록됩니다.") if first_run else _("이 PC에서 일하는 사람:"))
        intro.setWordWrap(True)
        self.model = RowsModel(COLUMNS, self)
        self.table = data_table(self.model, self, sortable=False)
        self.table.doubleClicked.connect(lambda _: self.choose())
        self.name = BoundedLineEdit("staff", "name")
        self.name.setObjectName("new_staff_name")
        self.name.setPlaceholderText(_("새 직원 이름"))
        self.role = VocabCombo(STAFF_ROLE)
        self.add_button = QPushButton(_("추가"))
        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.remove_button = QPushButton(_("선택한 사람 삭제"))
        self.remove_button.clicked.connect(self.remove)
        self.error = ErrorLabel("name")
        add_row = QHBoxLayout()
        add_row.addWidget(self.name, 2)
        add_row.addWidget(self.role, 1)
        add_row.addWidget(self.add_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("이 사람으로 선택"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("취소"))
        self.buttons.accepted.connect(self.choose)
        self.buttons.rejected.connect(self.reject)
        v = QVBoxLayout(self)
        v.addWidget(intro)
        v.addWidget(self.table, 1)
        v.addLayout(add_row)
        v.addWidget(self.error)
        v.addWidget(self.remove_button)
        v.addWidget(self.buttons)
        self.resize(460, 420)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.model.set_rows(staff.list_staff(self.app.ctx))
        row = self.model.index_of(select or self.app.ctx.staff_id or "")
        self.table.selectRow(max(row, 0))

    def add(self) -> None:
        try:
            new_id = staff.add_staff(self.app.ctx, self.name.text(), self.role.code())
        except FormErrors as exc:
            self.error.show_message(exc.message(self.app.lang))
            return
        self.error.show_message(None)
        self.name.clear()
        self.app.bus.changed("staff")
        self.reload(new_id)

    def remove(self) -> None:
        staff_id = selected_id(self.table)
        if staff_id and staff_id != self.app.ctx.staff_id:
            staff.archive_staff(self.app.ctx, staff_id)
            self.app.bus.changed("staff")
            self.reload()

    def choose(self) -> None:
        staff_id = selected_id(self.table)
        if not staff_id:
            self.error.show_message(_("목록에서 사람을 고르거나 추가해 주세요."))
            return
        self.app.set_staff(staff_id)
        self.accept()


def open_staff_dialog(app, parent=None, first_run: bool = False) -> StaffDialog:
    dialog = StaffDialog(app, parent, first_run)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
