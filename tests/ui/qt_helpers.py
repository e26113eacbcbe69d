"""Helpers for driving the real widgets: Hangul through the input method, keys where the
focus is, waiting for a dialog. (qtbot.keyClicks with Hangul kills pytest: TOOLCHAIN.md.)"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def type_hangul(widget, text: str) -> None:
    """What a Korean input method does when a word is finished: commit the text."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def compose_hangul(widget, preedit: str) -> None:
    """A syllable still being composed (pre-edit), not committed yet."""
    QApplication.sendEvent(widget, QInputMethodEvent(preedit, []))


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is (or on an open completer list)."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def find_dialog(qtbot, cls):
    found = []

    def check():
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(check)
    return found[-1]


def gone(widget) -> bool:
    """Closed (dialogs delete themselves on close)."""
    import shiboken6
    return not shiboken6.isValid(widget) or not widget.isVisible()
