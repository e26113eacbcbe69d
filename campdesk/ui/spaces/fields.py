"""Small input widgets the Spaces dialogs share: an optional date, a company picker, a base
form dialog that saves off the UI thread and shows refusals (an overlap, say) inline."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QWidget,
)

from campdesk.services import companies
from campdesk.ui.core.ops import describe
from campdesk.ui.widgets.dates import DateEdit  # noqa: F401 - the Spaces dialogs' date field
from campdesk.i18n import _
from campdesk.ui.widgets.company_picker import CompanyPicker
from campdesk.ui.widgets.errors import ErrorLabel
from campdesk.ui.widgets.unsaved import GuardsInput


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def to_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


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


class CompanyCombo(CompanyPicker):
    """Every company of the register, found as the register finds it (name, 초성, compound
    initials, business number); fills itself off-thread. ``company_id`` is the chosen one."""

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(_("기업명, 초성(ㄱㅈ), 사업자번호로 찾기"))
        app.ops.run(companies.list_companies, app.ctx, success=self.set_rows)


class FormDialog(GuardsInput, QDialog):
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
        self.set_ok_text(_("저장"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("취소"))

    def set_ok_text(self, text: str) -> None:
        """The OK button says what it does ("배정"), never only an icon."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)

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
