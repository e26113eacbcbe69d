"""Pick a registered company by typing: name, business number, 초성 (``ㄱㅈ`` → 광주…).

A line edit with a completer whose list is filtered by ``companies.filter_rows`` on every
edit, so Hangul initials and half-typed syllables work; Down/Enter choose, as usual.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QCompleter, QLineEdit, QWidget

from campdesk.services import companies
from campdesk.services.companies import CompanyRow

LIMIT = 12


def _label(row: CompanyRow) -> str:
    extra = row.business_no or row.representative or ""
    return f"{row.name}  ·  {extra}" if extra else row.name


class CompanyPicker(QLineEdit):
    picked = Signal(str)  # company id ("" when the text no longer names the picked company)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[CompanyRow] = []
        self._shown: list[CompanyRow] = []
        self.company_id: str | None = None
        self._list = QStringListModel(self)
        self._completer = QCompleter(self._list, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(LIMIT)
        self._completer.setWidget(self)
        self._completer.activated[str].connect(self._on_activated)
        self._completer.popup().installEventFilter(self)
        self.textEdited.connect(self._on_edited)
        self._picked_text: str | None = None  # the name just chosen: no list for it again

    def set_rows(self, rows: list[CompanyRow]) -> None:
        self.rows = rows

    def set_company(self, row: CompanyRow | None) -> None:
        self.company_id = row.id if row else None
        self.setText(row.name if row else "")

    def matches(self, text: str) -> list[CompanyRow]:
        return companies.filter_rows(self.rows, text)[:LIMIT] if text.strip() else []

    def _on_edited(self, text: str) -> None:
        if self.company_id is not None and text == self._picked_text:
            return  # an input method committing what was already chosen: no list again
        if self.company_id is not None:
            self.company_id = None
            self.picked.emit("")
        self._shown = self.matches(text)
        self._list.setStringList([_label(r) for r in self._shown])
        if self._shown:
            self._completer.complete()
            self._completer.popup().setCurrentIndex(self._list.index(0, 0))
        else:
            self._completer.popup().hide()

    def _on_activated(self, text: str) -> None:
        row = next((r for r in self._shown if _label(r) == text), None)
        if row is not None:
            self.company_id = row.id
            self._picked_text = row.name
            self.setText(row.name)
            self.picked.emit(row.id)
        self.close_list()

    def close_list(self) -> None:
        """No suggestion list is left open once a company is chosen (it would take the
        next click anywhere in the window)."""
        self._completer.popup().hide()
        # also after the completer's own key handling (cancelled if the picker is gone)
        QTimer.singleShot(0, self, lambda: self._completer.popup().hide())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        """A click outside the open list closes it and still reaches what was clicked
        (a popup would otherwise swallow it: "만들기 did nothing")."""
        if (obj is self._completer.popup() and event.type() == QEvent.Type.MouseButtonPress
                and not obj.rect().contains(event.position().toPoint())):
            where = event.globalPosition().toPoint()
            obj.hide()
            target = QApplication.widgetAt(where)
            if target is not None and target is not obj and not obj.isAncestorOf(target):
                local = target.mapFromGlobal(where)
                for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
                    QApplication.postEvent(target, QMouseEvent(
                        kind, local, where, event.button(), event.buttons()
                        if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton,
                        event.modifiers()))
            return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Enter with the list closed but exactly one match picks it.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.company_id is None:
            found = self.matches(self.text())
            if len(found) == 1:
                self._shown = found
                self._on_activated(_label(found[0]))
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.close_list()
        super().keyPressEvent(event)
