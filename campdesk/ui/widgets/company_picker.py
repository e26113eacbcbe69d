"""Pick a registered company by typing: name, business number, 초성 (``ㄱㅈ`` → 광주…).

A line edit with a completer whose list is filtered by ``companies.filter_rows`` on every
edit, so Hangul initials and half-typed syllables work; Down/Enter choose, as usual.
"""
from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

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
        self.textEdited.connect(self._on_edited)

    def set_rows(self, rows: list[CompanyRow]) -> None:
        self.rows = rows

    def set_company(self, row: CompanyRow | None) -> None:
        self.company_id = row.id if row else None
        self.setText(row.name if row else "")

    def matches(self, text: str) -> list[CompanyRow]:
        return companies.filter_rows(self.rows, text)[:LIMIT] if text.strip() else []

    def _on_edited(self, text: str) -> None:
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
            self.setText(row.name)
            self.picked.emit(row.id)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Enter with the list closed but exactly one match picks it.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.company_id is None:
            found = self.matches(self.text())
            if len(found) == 1:
                self._shown = found
                self._on_activated(_label(found[0]))
                return
        super().keyPressEvent(event)
