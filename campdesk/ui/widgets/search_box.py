"""A search field that searches while a Hangul syllable is still being composed."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit


class SearchBox(QLineEdit):
    """``search_changed`` carries the committed text plus the input method's pre-edit, so
    typing 광 shows 광주… before the syllable is finished."""

    search_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._preedit = ""
        self.textChanged.connect(lambda _: self._emit())
        self.results: QAbstractItemView | None = None

    def set_results(self, view: QAbstractItemView) -> None:
        """Down arrow moves from the box into this list (its first row, if none is current)."""
        self.results = view

    def keyPressEvent(self, event) -> None:  # noqa: N802
        view = self.results
        if event.key() == Qt.Key.Key_Down and view is not None and view.model() is not None \
                and view.model().rowCount() > 0:
            view.setFocus(Qt.FocusReason.TabFocusReason)
            current = view.currentIndex()
            if not current.isValid():
                first = view.model().index(0, 0)
                view.selectionModel().setCurrentIndex(
                    first, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event) -> None:  # noqa: N802
        self._preedit = event.preeditString()
        self.blockSignals(True)  # one search per event, not one for the commit and another
        try:
            super().inputMethodEvent(event)
        finally:
            self.blockSignals(False)
        self.textChanged.emit(self.text())

    def _emit(self) -> None:
        self.search_changed.emit(self.text() + self._preedit)
