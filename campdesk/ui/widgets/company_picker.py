"""Pick a registered company by typing: name, business number, 초성 (``ㄱㅈ`` → 광주…).

A line edit with a completer whose list is ranked by ``companies.rank_rows`` on every
edit, so Hangul initials and half-typed syllables work; Down/Enter choose, as usual. Names
that start with what was typed come first; a company found by another field says which
("대표 배경민"); text that finds nothing shows "결과 없음", a line that cannot be chosen.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QCompleter, QLineEdit, QWidget

from campdesk.i18n import _
from campdesk.services import companies
from campdesk.services.companies import CompanyMatch, CompanyRow

LIMIT = 12
_ROW = Qt.ItemDataRole.UserRole  # the line's place in ``_shown``; None on "결과 없음"


def _representative(name: str) -> str:
    return _("대표 {name}").format(name=name)


def _label(match: CompanyMatch) -> str:
    """The name, and what tells it apart or why it was found when its name was not."""
    row, value = match.row, match.value
    if match.field == "representative":
        extra = _representative(value)
    elif match.field == "phone":
        extra = _("전화 {number}").format(number=value)
    elif match.field in ("name_en", "business_no"):
        extra = value
    else:
        extra = row.business_no or (_representative(row.representative)
                                    if row.representative else "")
    return f"{row.name}  ·  {extra}" if extra else row.name


class CompanyPicker(QLineEdit):
    picked = Signal(str)  # company id ("" when the text no longer names the picked company)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[CompanyRow] = []
        self._shown: list[CompanyRow] = []
        self.company_id: str | None = None
        self._list = QStandardItemModel(self)
        self._completer = QCompleter(self._list, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(LIMIT)
        self._completer.setWidget(self)
        self._completer.activated[QModelIndex].connect(self._on_activated)
        self._completer.popup().installEventFilter(self)
        self.textEdited.connect(self._on_edited)
        self._picked_text: str | None = None  # the name just chosen: no list for it again

    def set_rows(self, rows: list[CompanyRow]) -> None:
        self.rows = rows

    def set_company(self, row: CompanyRow | None) -> None:
        self.company_id = row.id if row else None
        self.setText(row.name if row else "")

    def ranked(self, text: str) -> list[CompanyMatch]:
        return companies.rank_rows(self.rows, text)[:LIMIT] if text.strip() else []

    def matches(self, text: str) -> list[CompanyRow]:
        return [m.row for m in self.ranked(text)]

    def _on_edited(self, text: str) -> None:
        if self.company_id is not None and text == self._picked_text:
            return  # an input method committing what was already chosen: no list again
        if self.company_id is not None:
            self.company_id = None
            self.picked.emit("")
        found = self.ranked(text)
        self._shown = [m.row for m in found]
        self._list.clear()
        for i, match in enumerate(found):
            item = QStandardItem(_label(match))
            item.setData(i, _ROW)
            item.setEditable(False)
            self._list.appendRow(item)
        popup = self._completer.popup()
        if found:
            self._completer.complete()
            popup.setCurrentIndex(self._list.index(0, 0))
        elif text.strip():
            item = QStandardItem(_("결과 없음"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)  # greyed, and never chosen
            self._list.appendRow(item)
            self._completer.complete()
            popup.setCurrentIndex(QModelIndex())
        else:
            popup.hide()

    def _no_results(self) -> bool:
        """The list shows "결과 없음" (and nothing to choose)."""
        return not self._shown and self._list.rowCount() > 0

    def _on_activated(self, index: QModelIndex) -> None:
        i = index.data(_ROW) if index.isValid() else None
        if i is None or not 0 <= i < len(self._shown):
            return  # "결과 없음": nothing to choose, the list stays as it is
        self._choose(self._shown[i])

    def _choose(self, row: CompanyRow) -> None:
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
        (a popup would otherwise swallow it: "만들기 did nothing"). Enter on "결과 없음"
        does nothing: no choice, no dialog's default button, the list stays (a click on
        it does nothing either, as the line is disabled)."""
        if (obj is self._completer.popup() and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self._no_results()):
            return True
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
                self._choose(found[0])
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.close_list()
        super().keyPressEvent(event)
