"""The company profile as a form: every field of COMPANY_FIELDS, with its validation message
right under it (checked as soon as the field is left, and again on save)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from campdesk.domain.choices import PRESENCE, RELATIONSHIP
from campdesk.domain.company_rules import COMPANY_FIELDS
from campdesk.services import companies
from campdesk.services.errors import FormErrors
from campdesk.ui.core import fmt
from campdesk.ui.core.i18n import current_language
from campdesk.i18n import _
from campdesk.ui.widgets.ai_fields import AiFieldsButton
from campdesk.ui.widgets.bounded import BoundedLineEdit
from campdesk.ui.widgets.errors import ErrorLabel, ErrorLabels
from campdesk.ui.widgets.vocab_combo import VocabCombo

DATE_FIELDS = ("mou_date", "founded_on")
FREE_TEXT = ("name", "name_en", "representative", "address", "website")
PLACEHOLDERS = {
    "business_no": "124-81-00998", "phone": "062-123-4567", "email": "name@company.co.kr",
    "mou_date": "2026. 3. 5.", "founded_on": "2020. 1. 1.", "website": "https://",
}


class CompanyForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None, compact: bool = False):
        super().__init__(parent)
        self.errors = ErrorLabels(ErrorLabel("general", self))
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in COMPANY_FIELDS:
            widget = self._make(field)
            widget.setObjectName(field)
            self.widgets[field] = widget
            self.labels[field] = QLabel()
            cell = QWidget()
            v = QVBoxLayout(cell)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(1)
            v.addWidget(widget)
            v.addWidget(self.errors.add(field))
            form.addRow(self.labels[field], cell)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addWidget(self.errors.general)
        outer.addStretch(1)
        self.retranslate()

    def _make(self, field: str) -> QWidget:
        if field == "relationship":
            w = VocabCombo(RELATIONSHIP)
            w.currentIndexChanged.connect(self.edited)
        elif field == "gwangju_presence":
            w = VocabCombo(PRESENCE)
            w.currentIndexChanged.connect(self.edited)
        elif field == "ai_fields":
            w = AiFieldsButton()
            w.changed.connect(self.edited)
        elif field == "notes":
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setFixedHeight(w.fontMetrics().lineSpacing() * 3 + 14)
            w.textChanged.connect(self.edited)
        else:
            # Free text is kept as typed: it stops at what the hub holds. Numbers, dates and
            # identifiers are reformatted when saved, so their length is checked then.
            w = BoundedLineEdit("companies", field) if field in FREE_TEXT else QLineEdit()
            w.setPlaceholderText(PLACEHOLDERS.get(field, ""))
            w.textEdited.connect(self.edited)
            w.editingFinished.connect(lambda f=field: self.check(f))
        return w

    def retranslate(self) -> None:
        self.blockSignals(True)
        ko_first = current_language() == "ko"
        for field, (ko, en) in COMPANY_FIELDS.items():
            text = ko if ko_first else en
            self.labels[field].setText(text + (" *" if field == "name" else ""))
        for field in ("relationship", "gwangju_presence", "ai_fields"):
            self.widgets[field].retranslate()
        self.blockSignals(False)
        self.widgets["name"].setPlaceholderText(_("예: 주식회사 빛고을인공지능"))
        for field, (ko, en) in (("mou_date", ("2026. 3. 5.", "2026-03-05")),
                                ("founded_on", ("2020. 1. 1.", "2020-01-01"))):
            self.widgets[field].setPlaceholderText(ko if ko_first else en)

    # --- values ----------------------------------------------------------------------------
    def value(self, field: str) -> Any:
        w = self.widgets[field]
        if isinstance(w, VocabCombo):
            return w.code()
        if isinstance(w, AiFieldsButton):
            return w.value()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        return w.text()

    def values(self) -> dict[str, Any]:
        return {field: self.value(field) for field in COMPANY_FIELDS}

    def set_values(self, values: dict[str, Any]) -> None:
        self.blockSignals(True)
        try:
            self._set_values(values)
        finally:
            self.blockSignals(False)
        self.errors.clear()

    def put(self, values: dict[str, Any]) -> None:
        """Put back values as ``values()`` gave them (what the person had typed)."""
        self.blockSignals(True)
        try:
            for field, value in values.items():
                w = self.widgets[field]
                if isinstance(w, VocabCombo):
                    w.set_code(value)
                elif isinstance(w, AiFieldsButton):
                    w.set_value(value)
                elif isinstance(w, QPlainTextEdit):
                    w.setPlainText(value)
                else:
                    w.setText(value)
        finally:
            self.blockSignals(False)

    def _set_values(self, values: dict[str, Any]) -> None:
        for field, w in self.widgets.items():
            value = values.get(field)
            if isinstance(w, VocabCombo):
                w.set_code(value)
            elif isinstance(w, AiFieldsButton):
                w.set_value(value)
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(value or "")
            elif field in DATE_FIELDS:
                w.setText(fmt.day(value))
            else:
                w.setText("" if value is None else str(value))

    # --- validation ------------------------------------------------------------------------
    def check(self, field: str) -> bool:
        """Validate one field as it is left; the message appears right under it."""
        _, errors = companies.clean({field: self.value(field)}, creating=False)
        mine = [e for e in errors if e.field == field]
        self.errors.labels[field].show_message(mine[0].message(current_language()) if mine else None)
        return not mine

    def show_errors(self, errors: FormErrors) -> None:
        self.errors.show(errors)
        first = next((self.widgets[e.field] for e in errors.errors if e.field in self.widgets), None)
        if first is not None:
            first.setFocus()

    def message(self, field: str) -> str:
        return self.errors.message(field)
