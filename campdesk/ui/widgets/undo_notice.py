"""A short notice at the bottom of a window after a save: "저장됨 · 실행 취소".

It goes away by itself after a few seconds; pressing 실행 취소 runs the undo it was given
(the caller takes the saved record back through the service layer).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from campdesk.i18n import _

SHOWN_MS = 8000
STYLE = ("QFrame#undo_notice { background: #263238; border-radius: 6px; }"
         "QFrame#undo_notice QLabel { color: white; }"
         "QFrame#undo_notice QPushButton { color: #80d8ff; border: none; font-weight: bold;"
         " padding: 2px 6px; }")


class UndoNotice(QFrame):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("undo_notice")
        self.setStyleSheet(STYLE)
        self.text = QLabel()
        self.button = QPushButton()
        self.button.setObjectName("undo")
        self.button.clicked.connect(self._undo)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 8, 6)
        row.addWidget(self.text)
        row.addWidget(self.button)
        self._undo_fn: Callable[[], None] | None = None
        self.timer = QTimer(self, singleShot=True, interval=SHOWN_MS, timeout=self.hide)
        window.installEventFilter(self)
        self.hide()

    def show_saved(self, text: str, undo: Callable[[], None]) -> None:
        self._undo_fn = undo
        self.text.setText(text)
        self.button.setText(_("실행 취소"))
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self.timer.start()

    def _undo(self) -> None:
        fn, self._undo_fn = self._undo_fn, None
        self.hide()
        if fn is not None:
            fn()

    def _place(self) -> None:
        parent = self.parentWidget()
        self.move((parent.width() - self.width()) // 2, parent.height() - self.height() - 40)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False


def notice_for(window: QWidget) -> UndoNotice:
    """The window's one notice (made when first needed)."""
    notice = window.findChild(UndoNotice, "undo_notice")
    return notice if notice is not None else UndoNotice(window)
