"""What the outreach tabs share: a small form dialog over a service function, a dialog
showing a message to copy into the open chat, and a table with its model."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from campdesk.services.errors import as_form_errors
from campdesk.i18n import _, current_language
from campdesk.ui.core.models.rows import ROW_ROLE, RowsModel
from campdesk.ui.core.ops import describe
from campdesk.ui.widgets.company_picker import CompanyPicker
from campdesk.ui.widgets.errors import ErrorLabel, ErrorLabels
from campdesk.ui.widgets.tables import data_table

QT_DATE_FORMAT = {"ko": "yyyy. M. d.", "en": "yyyy-MM-dd"}  # 2026. 12. 9. / 2026-12-09
WARNING_STYLE = ("background: #fdecea; color: #8a1c12; border: 1px solid #f0a39b; "
                 "border-radius: 4px; padding: 6px;")


@dataclass
class Field:
    key: str
    label: str           # marked N_("…"), translated where shown
    kind: str = "text"   # text, multiline, date, combo, company, int, check, multi
    choices: Sequence[tuple[str, str]] = field(default_factory=list)  # (code, label)


def qdate(d: date | None) -> QDate:
    return QDate(d.year, d.month, d.day) if d else QDate()


class FormDialog(QDialog):
    """Fields in a form; Save runs ``save(values)`` on the writer and closes when it worked,
    else shows each problem under its field."""

    def __init__(self, app, title: str, fields: list[Field], values: dict[str, Any],
                 save: Callable[[dict[str, Any]], Any], parent: QWidget | None = None,
                 changed: tuple[str, ...] = ("*",), companies=None):
        super().__init__(parent)
        self.app, self._save, self._changed = app, save, changed
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.widgets: dict[str, QWidget] = {}
        self.errors = ErrorLabels(ErrorLabel("general", self))
        form = QFormLayout()
        for f in fields:
            w = self._make(f, values.get(f.key), companies)
            self.widgets[f.key] = w
            w.setObjectName(f.key)
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(w)
            box.addWidget(self.errors.add(f.key, self))
            form.addRow(_(f.label), box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("저장"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("취소"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        v = QVBoxLayout(self)
        v.addLayout(form)
        v.addWidget(self.errors.general)
        v.addWidget(self.buttons)
        self.result_value = None

    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _make(self, f: Field, value, companies) -> QWidget:
        if f.kind == "multiline":
            w = QPlainTextEdit(value or "")
            w.setTabChangesFocus(True)
            w.setFixedHeight(70)
        elif f.kind == "date":
            w = QDateEdit()
            w.setCalendarPopup(True)
            w.setDisplayFormat(QT_DATE_FORMAT[current_language()])  # as format_date shows
            w.setSpecialValueText(" ")
            w.setMinimumDate(QDate(2000, 1, 1))
            w.setDate(qdate(value) if value else w.minimumDate())
        elif f.kind == "combo":
            w = QComboBox()
            for code, label in f.choices:
                w.addItem(label, code)
            w.setCurrentIndex(max(0, w.findData(value)))
        elif f.kind == "company":
            w = CompanyPicker()
            if companies is not None:
                w.set_rows(companies)
                if value:
                    w.set_company(next((r for r in companies if r.id == value), None))
        elif f.kind == "int":
            w = QSpinBox()
            w.setRange(1, 999)
            w.setValue(int(value or 1))
        elif f.kind == "check":
            w = QCheckBox()
            w.setChecked(bool(value))
        elif f.kind == "multi":
            w = QWidget()
            row = QVBoxLayout(w)
            row.setContentsMargins(0, 0, 0, 0)
            chosen = set((value or "").split(","))
            w.boxes = []
            line = None
            for i, (code, label) in enumerate(f.choices):
                if i % 4 == 0:
                    line = QHBoxLayout()
                    row.addLayout(line)
                box = QCheckBox(label.replace("&", "&&"))  # "Culture & content": no mnemonic
                box.setProperty("code", code)
                box.setChecked(code in chosen)
                w.boxes.append(box)
                line.addWidget(box)
        else:
            w = QLineEdit("" if value is None else str(value))
        return w

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.widgets.items():
            if isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText()
            elif isinstance(w, QDateEdit):
                d = w.date()
                out[key] = None if d == w.minimumDate() else date(d.year(), d.month(), d.day())
            elif isinstance(w, QComboBox):
                out[key] = w.currentData()
            elif isinstance(w, CompanyPicker):
                out[key] = w.company_id
            elif isinstance(w, QSpinBox):
                out[key] = w.value()
            elif isinstance(w, QCheckBox):
                out[key] = w.isChecked()
            elif hasattr(w, "boxes"):
                out[key] = ",".join(b.property("code") for b in w.boxes if b.isChecked()) or None
            else:
                out[key] = w.text()
        return out

    def save(self) -> None:
        self.buttons.setEnabled(False)
        self.app.ops.run(self._save, self.values(), write=True, owner=self,
                         success=self._done, failure=self._failed)

    def _done(self, result) -> None:
        self.result_value = result
        if self._changed:
            self.app.bus.changed(*self._changed)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        errors = as_form_errors(exc)
        if errors is not None:
            self.errors.show(errors)
        else:
            self.errors.general.show_message(describe(exc))


class MessageDialog(QDialog):
    """A message to paste into the open chat, with a button that copies it."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 460)
        self.text = QPlainTextEdit(text)
        self.text.setObjectName("message_text")
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("닫기"))
        copy = buttons.addButton(_("복사"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setObjectName("copy")
        copy.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        self.note = QLabel(_("복사한 뒤 오픈채팅방에 붙여 넣으세요."))
        v = QVBoxLayout(self)
        v.addWidget(self.text, 1)
        v.addWidget(self.note)
        v.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.note.setText(_("복사했습니다."))


def table(columns, parent: QWidget, stretch: int | None = None, tone=None,
          sort_column: int = 0, descending: bool = False):
    """A model and its sortable view, sorted by ``sort_column`` (kept as new rows arrive)."""
    model = RowsModel(columns, parent, tone=tone)
    view = data_table(model, parent, stretch_column=stretch)
    view.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder if descending
                      else Qt.SortOrder.AscendingOrder)
    return model, view


def current_row(view):
    index = view.currentIndex()
    return index.data(ROW_ROLE) if index.isValid() else None


def open_dialog(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog


def warning_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("support_overlap_warning")
    label.setStyleSheet(WARNING_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def outreach_pdf(name: str):
    """``campdesk.reports.outreach_api.<name>``, imported on the worker when it runs."""
    def make(*args, **kwargs):
        from campdesk.reports import outreach_api
        return getattr(outreach_api, name)(*args, **kwargs)
    return make


class Texts:
    """The texts of a tab's buttons, labels and check boxes (each marked ``N_("…")``), set
    again in the current language when it changes (``retranslate``)."""

    def __init__(self) -> None:
        self.items: list[tuple[QWidget, str]] = []

    def _keep(self, widget, text: str):
        self.items.append((widget, text))
        widget.setText(_(text))
        return widget

    def button(self, text: str) -> QPushButton:
        return self._keep(QPushButton(), text)

    def label(self, text: str) -> QLabel:
        return self._keep(QLabel(), text)

    def check(self, text: str) -> QCheckBox:
        return self._keep(QCheckBox(), text)

    def retranslate(self) -> None:
        for widget, text in self.items:
            widget.setText(_(text))
