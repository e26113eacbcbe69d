"""A company's contacts: a table, and a row of fields below it.

Selecting a contact puts its values in the fields: correct them and save, or clear the
selection (Esc) and type a new one. The main contact (★) is the company's first caller."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from campdesk.services import companies
from campdesk.services.errors import as_form_errors
from campdesk.i18n import N_, _
from campdesk.ui.core.models.columns import Column
from campdesk.ui.core.models.rows import RowsModel
from campdesk.ui.core.ops import describe
from campdesk.ui.widgets.bounded import BoundedLineEdit
from campdesk.ui.widgets.errors import ErrorLabels
from campdesk.ui.widgets.tables import data_table, selected_id

CONTACT_COLUMNS = [
    Column("name", N_("이름"), lambda c: c.name + (" ★" if c.is_primary else "")),
    Column("title", N_("직함"), lambda c: c.title or ""),
    Column("phone", N_("전화번호"), lambda c: c.phone or ""),
    Column("email", N_("이메일"), lambda c: c.email or ""),
]


class ContactsTab(QWidget):
    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.company_id: str | None = None
        self.model = RowsModel(CONTACT_COLUMNS, self)
        self.table = data_table(self.model, self)
        # Name and title are kept as typed (up to what the hub holds); phone and e-mail are
        # reformatted when saved, and checked then.
        self.inputs: dict[str, QLineEdit] = {
            "name": BoundedLineEdit("contacts", "name"), "title": BoundedLineEdit("contacts", "title"),
            "phone": QLineEdit(), "email": QLineEdit()}
        self.errors = ErrorLabels()
        self.add_button, self.save_button = QPushButton(), QPushButton()
        self.primary_button, self.remove_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self._add)
        self.save_button.clicked.connect(self._save)
        self.primary_button.clicked.connect(self._make_primary)
        self.remove_button.clicked.connect(self._remove)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self._selected()
        fields = QGridLayout()  # name, title / phone, e-mail: wide enough for a whole address
        for i, (key, w) in enumerate(self.inputs.items()):
            w.setObjectName(f"contact_{key}")
            cell = QVBoxLayout()
            cell.addWidget(w)
            cell.addWidget(self.errors.add(key))
            fields.addLayout(cell, i // 2, i % 2)
        v = QVBoxLayout(self)
        v.addWidget(self.table, 1)
        v.addLayout(fields)
        # Two short rows, not one long one: English labels would widen the whole pane.
        for pair in ((self.add_button, self.save_button),
                     (self.primary_button, self.remove_button)):
            actions = QHBoxLayout()
            for button in pair:
                actions.addWidget(button)
            actions.addStretch(1)
            v.addLayout(actions)

    def retranslate(self) -> None:
        for column in CONTACT_COLUMNS:
            self.inputs[column.key].setPlaceholderText(column.header)
        self.add_button.setText(_("담당자 추가"))
        self.save_button.setText(_("수정 저장"))
        self.primary_button.setText(_("대표 담당자로 지정 ★"))
        self.remove_button.setText(_("선택한 담당자 삭제"))
        self.model.retranslate()

    def show_contacts(self, company_id: str, contacts) -> None:
        self.company_id = company_id
        self.model.set_rows(contacts)
        self._selected()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and selected_id(self.table):
            self.table.clearSelection()  # back to typing a new contact
            return
        super().keyPressEvent(event)

    def _values(self) -> dict[str, str | None]:
        return {k: w.text().strip() or None for k, w in self.inputs.items()}

    def _selected(self, *_) -> None:
        contact_id = selected_id(self.table)
        for button in (self.save_button, self.primary_button, self.remove_button):
            button.setEnabled(contact_id is not None)
        self.errors.clear()
        contact = self.model.row(self.model.index_of(contact_id)) if contact_id else None
        for key, w in self.inputs.items():
            w.setText((getattr(contact, key) or "") if contact else "")

    def _add(self) -> None:
        v = self._values()
        self.app.ops.run(companies.add_contact, self.app.ctx, self.company_id, v["name"],
                         v["title"], v["phone"], v["email"],
                         is_primary=not self.model.rows, write=True,
                         success=self._changed, failure=self._failed)

    def _save(self) -> None:
        contact_id, v = selected_id(self.table), self._values()
        if contact_id:
            self.app.ops.run(companies.update_contact, self.app.ctx, contact_id, v["name"],
                             v["title"], v["phone"], v["email"], write=True,
                             success=self._changed, failure=self._failed)

    def _make_primary(self) -> None:
        contact_id = selected_id(self.table)
        if contact_id:
            self.app.ops.run(companies.make_primary_contact, self.app.ctx, contact_id,
                             write=True, success=self._changed)

    def _remove(self) -> None:
        contact_id = selected_id(self.table)
        if contact_id:
            self.app.ops.run(companies.archive_contact, self.app.ctx, contact_id, write=True,
                             success=self._changed)

    def _changed(self, _=None) -> None:
        for w in self.inputs.values():
            w.clear()
        self.errors.clear()
        self.app.bus.changed("contacts")

    def _failed(self, exc) -> None:
        errors = as_form_errors(exc)
        if errors is not None:
            self.errors.show(errors)
        else:
            self.app.ops.failed.emit(describe(exc))
