"""A bug met in a click handler: written to the log with its traceback and said to the person
in one plain sentence, instead of a traceback on a terminal nobody reads and a button that
seems to do nothing. What was saved before stays saved: every write is its own transaction."""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from campdesk.i18n import _

QUIET_SECONDS = 5  # one message for a burst of the same failure (e.g. every paint)


class ErrorHook:
    def __init__(self, parent=None, home=None):
        """``home``: the data folder, whose ``logs/`` the message names."""
        self.parent, self.home = parent, home
        self.last_shown = 0.0
        self.box = None

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logging.getLogger("campdesk").error("uncaught error in the window",
                                            exc_info=(exc_type, exc, tb))
        now = time.monotonic()
        if now - self.last_shown < QUIET_SECONDS:
            return
        self.last_shown = now
        self.show(self.message())

    def message(self) -> str:
        text = _("예기치 못한 문제로 방금 하신 작업을 마치지 못했습니다. 이미 저장된 자료는 "
                 "그대로입니다. 다시 해 보시고, 되풀이되면 담당 개발자에게 로그 파일을 보내 주세요.")
        if self.home is not None:
            from campdesk.logs import LOG_FILE  # only now: not on the start's path
            path = Path(self.home) / "logs" / LOG_FILE
            text += "\n\n" + _("로그 파일: {path}").format(path=path)
        return text

    def show(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox
        self.box = QMessageBox(QMessageBox.Icon.Warning, "CampDesk", text,
                               QMessageBox.StandardButton.Ok, self.parent)
        self.box.open()  # not exec(): the failing handler may be inside a paint


def install(parent=None, home=None) -> ErrorHook:
    """Make uncaught errors of the UI thread go to the log and a message box."""
    hook = ErrorHook(parent, home)
    sys.excepthook = hook
    return hook
