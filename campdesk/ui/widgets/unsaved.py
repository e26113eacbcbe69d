"""Nothing typed is lost by a stray Esc: edit dialogs ask before discarding what was typed.

``GuardsInput`` is mixed into a ``QDialog`` (before it in the bases). It remembers what its
fields held when the dialog was first shown (``mark_clean`` again after filling it later);
``reject()`` (Esc, Cancel, the window's ✕) then asks "버릴까요?" when something differs, and
keeps the dialog open unless the person chooses to discard. The main window asks the same
when it is closed over such a dialog (``unsaved_dialogs``).
"""
from __future__ import annotations

from typing import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QLineEdit,
    QMessageBox, QPlainTextEdit, QRadioButton, QTextEdit, QWidget,
)

from campdesk.i18n import _


def _inside_compound(w: QWidget) -> bool:
    """The line edit inside a combo box or spin box: its owner is read instead."""
    parent = w.parentWidget()
    return isinstance(parent, (QComboBox, QAbstractSpinBox))


def snapshot(root: QWidget) -> tuple:
    """What every input field under ``root`` holds, in a comparable form."""
    state = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QLineEdit):
            if not w.isReadOnly() and not _inside_compound(w):
                state.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            if not w.isReadOnly():
                state.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            state.append((w.currentIndex(), w.currentText() if w.isEditable() else None))
        elif isinstance(w, QAbstractSpinBox):
            state.append(w.text())
        elif isinstance(w, (QCheckBox, QRadioButton)):
            state.append(w.isChecked())
    return tuple(state)


def ask_discard(parent: QWidget, on_discard: Callable[[], None]) -> QMessageBox:
    """Ask (without stopping the event loop) whether to throw away what was typed;
    ``on_discard`` runs when the person says so. "계속 작성" (also Esc) keeps everything."""
    box = QMessageBox(QMessageBox.Icon.Question, _("입력한 내용 버리기"),
                      _("입력한 내용이 저장되지 않았습니다. 버릴까요?"),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("discard_question")
    discard = box.addButton(_("버리기"), QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discard")
    keep = box.addButton(_("계속 작성"), QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keep_editing")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    discard.clicked.connect(on_discard)
    box.open()
    return box


class GuardsInput:
    """Mixin for edit dialogs (``class X(GuardsInput, QDialog)``)."""

    _clean_state: tuple | None = None
    _question: QMessageBox | None = None

    def mark_clean(self) -> None:
        self._clean_state = snapshot(self)

    def has_unsaved_input(self) -> bool:
        return self._clean_state is not None and snapshot(self) != self._clean_state

    def showEvent(self, event) -> None:  # noqa: N802
        if self._clean_state is None:
            self.mark_clean()
        super().showEvent(event)

    def discard_quietly(self) -> None:
        """Close without asking (the person already said so)."""
        self._clean_state = None
        super().reject()

    def asking(self) -> bool:
        return self._question is not None and shiboken6.isValid(self._question) \
            and self._question.isVisible()

    def reject(self) -> None:
        if not self.has_unsaved_input():
            super().reject()
            return
        if not self.asking():
            self._question = ask_discard(self, self.discard_quietly)


def unsaved_dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, GuardsInput) and shiboken6.isValid(w) and w.isVisible()
            and w.has_unsaved_input()]
