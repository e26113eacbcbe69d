"""A small form built from a list of fields, with each error shown under its field.

Used by the mentoring and job-matching screens: the dialog collects raw values, hands them
to a service call on the writer thread, and on ``FormErrors`` shows each message next to its
field (the dialog stays open, nothing typed is lost).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QLineEdit,
    QPlainTextEdit, QVBoxLayout, QWidget,
)

from campdesk.domain.choices import MENTOR_FIELD, Vocabulary
from campdesk.ui.core import fmt
from campdesk.i18n import _
from campdesk.ui.widgets.errors import ErrorLabel, ErrorLabels, show_failure


@dataclass(frozen=True)
class Field:
    key: str
    label: str                    # marked N_("…"); shown translated: ``title``
    kind: str = "line"            # line, text, check, vocab, options, fields, company
    vocab: Vocabulary | None = None
    options: Sequence[tuple[Any, str]] = ()   # (value, label) for "options"
    placeholder: str = ""         # an example, or a hint marked N_("…")

    @property
    def title(self) -> str:
        return _(self.label)

    @property
    def hint(self) -> str:
        return _(self.placeholder) if self.placeholder else ""


class FieldsBox(QWidget):
    """The four mentoring fields as check boxes; value: comma-separated codes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes = {}
        for i, c in enumerate(MENTOR_FIELD):
            box = QCheckBox(fmt.label(MENTOR_FIELD, c.code))
            box.setObjectName(f"field_{c.code}")
            self.boxes[c.code] = box
            grid.addWidget(box, i // 2, i % 2)

    def value(self) -> str:
        return ",".join(code for code, box in self.boxes.items() if box.isChecked())

    def set_value(self, codes: str | None) -> None:
        chosen = set((codes or "").split(","))
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)


class RecordForm(QWidget):
    """The fields of one record, each with its error line; ``values()`` gives the raw dict."""

    changed = Signal()

    def __init__(self, fields: Sequence[Field], parent: QWidget | None = None):
        super().__init__(parent)
        self.fields = list(fields)
        self.widgets: dict[str, QWidget] = {}
        self.errors = ErrorLabels(ErrorLabel("general", self))
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in self.fields:
            w = self._widget(f)
            w.setObjectName(f"input_{f.key}")
            self.widgets[f.key] = w
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(w)
            box.addWidget(self.errors.add(f.key, self))
            layout.addRow(f.title, box)
        layout.addRow(self.errors.general)

    def _widget(self, f: Field) -> QWidget:
        if f.kind == "text":
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setFixedHeight(64)
            w.setPlaceholderText(f.hint)
            return w
        if f.kind == "check":
            return QCheckBox()
        if f.kind in ("vocab", "options"):
            w = QComboBox()
            items = [(c.code, fmt.label(f.vocab, c.code)) for c in f.vocab] if f.kind == "vocab" \
                else list(f.options)
            for value, label in items:
                w.addItem(label, value)
            return w
        if f.kind == "fields":
            return FieldsBox()
        if f.kind == "company":
            from campdesk.ui.widgets.company_picker import CompanyPicker
            w = CompanyPicker()
            w.setPlaceholderText(_("기업명 또는 초성으로 찾기"))
            return w
        w = QLineEdit()
        w.setPlaceholderText(f.hint)
        return w

    def set_options(self, key: str, options: Sequence[tuple[Any, str]]) -> None:
        w = self.widgets[key]
        current = w.currentData()
        w.clear()
        for value, label in options:
            w.addItem(label, value)
        index = w.findData(current)
        w.setCurrentIndex(max(index, 0))

    def values(self) -> dict[str, Any]:
        out = {}
        for f in self.fields:
            w = self.widgets[f.key]
            if isinstance(w, QPlainTextEdit):
                out[f.key] = w.toPlainText()
            elif isinstance(w, QCheckBox):
                out[f.key] = w.isChecked()
            elif isinstance(w, QComboBox):
                out[f.key] = w.currentData()
            elif isinstance(w, FieldsBox):
                out[f.key] = w.value()
            elif hasattr(w, "company_id"):
                out[f.key] = w.company_id
            else:
                out[f.key] = w.text()
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            w = self.widgets.get(key)
            if w is None:
                continue
            if isinstance(w, QPlainTextEdit):
                w.setPlainText("" if value is None else str(value))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(w.findData(value), 0))
            elif isinstance(w, FieldsBox):
                w.set_value(value)
            elif hasattr(w, "company_id"):
                row = next((r for r in w.rows if r.id == value), None)
                w.set_company(row)
            else:
                w.setText("" if value is None else fmt.day(value) if hasattr(value, "isoformat")
                          else f"{value:g}" if isinstance(value, float) else str(value))
        self.errors.clear()

    def show_errors(self, errors) -> None:
        self.errors.show(errors)


class FormDialog(QDialog):
    """A form in a dialog: OK runs ``save(values)`` on the writer thread; errors stay inline."""

    def __init__(self, app, title: str, fields: Sequence[Field], save: Callable[[dict], Any],
                 parent: QWidget | None = None, values: dict | None = None,
                 on_saved: Callable[[Any], None] | None = None, changed: Sequence[str] = ("*",)):
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(520)
        self._save, self._on_saved, self._changed = save, on_saved, changed
        self.form = RecordForm(fields, self)
        self.errors = self.form.errors
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("저장"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("취소"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        if values:
            self.form.set_values(values)

    def show_errors(self, errors) -> None:
        self.form.show_errors(errors)

    def submit(self) -> None:
        self.buttons.setEnabled(False)
        self.app.ops.run(self._save, self.form.values(), write=True, owner=self,
                         success=self._done, failure=self._failed)

    def _done(self, result) -> None:
        self.app.bus.changed(*self._changed)
        if self._on_saved:
            self._on_saved(result)
        self.accept()

    def _failed(self, exc) -> None:
        self.buttons.setEnabled(True)
        show_failure(self, exc)
