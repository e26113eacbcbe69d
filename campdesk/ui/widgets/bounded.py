"""Inputs that keep a saved value whole: a line edit that takes no more than its field holds
on the hub, and spin boxes that widen rather than clamp."""
from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from campdesk.services.fields import max_length

QT_DEFAULT_MAX = 32767  # QLineEdit's own limit


def _units(text: str) -> int:
    """Qt counts UTF-16 code units: a character outside the BMP (an emoji) takes two."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class BoundedLineEdit(QLineEdit):
    """Typing and pasting stop at the column's length (``max_length(table, field)``).

    A value already saved that is longer (stored before the limit was checked) is shown whole,
    never cut: saving it then says what to shorten instead of losing the end silently.
    """

    def __init__(self, table: str, field: str, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.limit = max_length(table, field) or QT_DEFAULT_MAX
        self.setMaxLength(self.limit)
        if text:
            self.setText(text)

    def setText(self, text: str | None) -> None:  # noqa: N802 (Qt's name)
        text = text or ""
        self.setMaxLength(max(self.limit, _units(text)))
        super().setText(text)

    def clear(self) -> None:
        self.setText("")


def show_value(box: QSpinBox | QDoubleSpinBox, value: float | None) -> None:
    """Set a spin box to a saved value; one outside its usual range widens the range instead
    of being clamped (and saved back changed)."""
    if value is None:
        return
    box.setRange(min(box.minimum(), value), max(box.maximum(), value))
    box.setValue(value)
