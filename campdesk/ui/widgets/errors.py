"""Validation messages shown next to the field they are about."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from campdesk.services.errors import FormErrors, as_form_errors
from campdesk.ui.core.i18n import current_language

ERROR_STYLE = "color: #b3261e;"


class ErrorLabel(QLabel):
    """A red line under a field; hidden while there is nothing to say."""

    def __init__(self, field: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"error_{field}")
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


class ErrorLabels:
    """The error labels of one form, by field; fields it does not know go to ``general``."""

    def __init__(self, general: ErrorLabel | None = None):
        self.labels: dict[str, ErrorLabel] = {}
        self.general = general

    def add(self, field: str, parent: QWidget | None = None) -> ErrorLabel:
        self.labels[field] = ErrorLabel(field, parent)
        return self.labels[field]

    def clear(self, field: str | None = None) -> None:
        targets = [self.labels[field]] if field in self.labels else (
            [] if field else list(self.labels.values()))
        for label in targets + ([self.general] if self.general and not field else []):
            label.show_message(None)

    def show(self, errors: FormErrors) -> None:
        self.clear()
        lang = current_language()
        leftovers = []
        for field, err in errors.by_field().items():
            if field in self.labels:
                self.labels[field].show_message(err.message(lang))
            else:
                leftovers.append(err.message(lang))
        if leftovers and self.general:
            self.general.show_message("\n".join(leftovers))

    def message(self, field: str) -> str:
        label = self.labels.get(field)
        return label.text() if label and not label.isHidden() else ""


def show_failure(form, exc: BaseException) -> None:
    """A save that failed: messages next to the fields for FormErrors (or a ValidationError
    from the store's last check), one line otherwise.

    ``form`` has ``show_errors(FormErrors)`` and ``errors`` (an ErrorLabels with ``general``).
    """
    errors = as_form_errors(exc)
    if errors is not None:
        form.show_errors(errors)
    else:
        from campdesk.ui.core.ops import describe
        form.errors.general.show_message(describe(exc))
