"""One date field for the whole app: typed as people type dates, shown one way.

``20261209``, ``2026.12.9``, ``2026-12-09``, ``12/9``, ``12.9`` (this year) and the rest of
``domain.dates.parse_typed_date`` are understood when the field is left or Enter is
pressed; the date is then shown as ``2026. 12. 9.``. The button beside it opens a calendar.
Text that is not a date is marked, said in the tooltip, and the last good date is kept.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget,
)

from campdesk.domain.dates import format_date, parse_typed_date, today_seoul
from campdesk.i18n import _

BAD_STYLE = "QLineEdit { border: 1px solid #c62828; background: #fff5f5; }"


class DateEdit(QWidget):
    """``value()`` / ``set_value(d)``; ``dateChanged(date)`` when the date changes."""

    dateChanged = Signal(object)  # noqa: N815 - the name QDateEdit users know

    def __init__(self, value: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._value = value or today_seoul()
        self.line = QLineEdit()
        self.line.setObjectName("date_text")
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
        self.button.clicked.connect(self._open_calendar)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.line.editingFinished.connect(self.commit)
        self.line.setText(format_date(self._value))
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("2026. 12. 31.") + 16)
        self._popup: QWidget | None = None
        self._show_format()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._show_format()
        super().changeEvent(event)

    def _show_format(self) -> None:
        """The date and the example in the current language's way (a date being typed is
        left as it is)."""
        if parse_typed_date(self.line.text(), today_seoul()) == self._value:
            self.line.setText(format_date(self._value))
        self.line.setPlaceholderText(format_date(date(2026, 12, 9)))

    # --- value ---------------------------------------------------------------------------
    def value(self) -> date:
        """The date shown; text typed and not yet committed is read first."""
        self.commit()
        return self._value

    def set_value(self, d: date) -> None:
        self._set(d)

    def date(self) -> QDate:  # QDateEdit's spelling, for code that wants a QDate
        v = self.value()
        return QDate(v.year, v.month, v.day)

    def text(self) -> str:
        return self.line.text()

    def _set(self, d: date) -> None:
        changed = d != self._value
        self._value = d
        self.line.setText(format_date(d))
        self._mark(True)
        if changed:
            self.dateChanged.emit(d)

    def commit(self) -> bool:
        """Read the typed text: True when it is a date (shown again the one way)."""
        text = self.line.text()
        if text == format_date(self._value):
            self._mark(True)
            return True
        parsed = parse_typed_date(text, today_seoul())
        if parsed is None:
            self._mark(False)
            return False
        self._set(parsed)
        return True

    def _mark(self, good: bool) -> None:
        self.line.setStyleSheet("" if good else BAD_STYLE)
        self.line.setToolTip("" if good else _("날짜로 읽을 수 없습니다. 예: 2026. 12. 9., 20261209, 12/9"))

    # --- calendar ------------------------------------------------------------------------
    def _open_calendar(self) -> None:
        self.commit()
        popup = QWidget(self, Qt.WindowType.Popup)
        popup.setObjectName("date_calendar")
        calendar = QCalendarWidget(popup)
        calendar.setGridVisible(True)
        v = self._value
        calendar.setSelectedDate(QDate(v.year, v.month, v.day))
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(calendar)

        def chosen(q: QDate) -> None:
            self._set(date(q.year(), q.month(), q.day()))
            popup.close()
            self.line.setFocus()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        popup.show()
        calendar.setFocus()
        self._popup = popup
