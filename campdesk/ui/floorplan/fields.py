"""Small input widgets the Spaces dialogs share: an optional date, a company picker, a base
form dialog that saves off the UI thread and shows refusals (an overlap, say) inline."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QWidget,
)

from campdesk.services import companies
from campdesk.ui.ops import describe
from campdesk.ui.widgets.errors import ErrorLabel


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def to_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class DateEdit(QDateEdit):
    def __init__(self, value: date, parent: QWidget | None = None):
        super().__init__(to_qdate(value), parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")

    def value(self) -> date:
        return to_date(self.date())

    def set_value(self, d: date) -> None:
        self.setDate(to_qdate(d))


class OptionalDate(QWidget):
    """A date that may be left open (a contract without an end date)."""

    def __init__(self, label: str, value: date | None, default: date, parent=None):
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = DateEdit(value or default)
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return self.edit.value() if self.check.isChecked() else None


class CompanyCombo(QComboBox):
    """Every company of the register, typed into with completion; fills itself off-thread."""

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        app.ops.run(companies.list_companies, app.ctx, success=self._fill)

    def _fill(self, rows) -> None:
        for r in rows:
            self.addItem(r.name, r.id)
        self.setCurrentIndex(-1)

    def company_id(self) -> str | None:
        index = self.findText(self.currentText().strip())
        return self.itemData(index) if index >= 0 else None


class FormDialog(QDialog):
    """A form whose OK runs ``submit()``'s call as a write; stays open on a refusal."""

    def __init__(self, app, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.setMinimumWidth(480)  # room for a refusal that names a company and dates
        self.form = QFormLayout(self)
        self.error = ErrorLabel("general")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def submit(self) -> tuple[Callable, tuple]:  # pragma: no cover - overridden
        raise NotImplementedError

    def _save(self) -> None:
        try:
            fn, args = self.submit()
        except ValueError as exc:  # a missing choice, caught before saving
            self.error.show_message(str(exc))
            return
        self.buttons.setEnabled(False)
        self.app.ops.run(fn, self.app.ctx, *args, write=True, success=self._saved,
                         failure=self._refused)

    def _saved(self, result: Any) -> None:
        self.result_value = result
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_message(describe(exc))
        self.adjustSize()
