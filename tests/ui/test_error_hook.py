"""A bug in a click handler is logged with its traceback and told in one sentence, not
printed to a terminal while the button seems to do nothing."""
import logging
import sys

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_click_is_logged_and_said_once(qtbot, tmp_path):
    from campdesk import logs
    from campdesk.ui.core import error_hook

    log = logs.setup(tmp_path)
    button = QPushButton("배정…")
    qtbot.addWidget(button)

    def broken():
        raise ValueError("day is out of range for month")
    button.clicked.connect(broken)
    before = sys.excepthook
    hook = error_hook.install(button, tmp_path)
    try:
        button.click()
        button.click()  # the same failure again at once: no second box
    finally:
        sys.excepthook = before
    assert isinstance(hook.box, QMessageBox) and hook.box.isVisible()
    assert "이미 저장된 자료는 그대로입니다" in hook.box.text() and str(log) in hook.box.text()
    for handler in logging.getLogger("campdesk").handlers:
        handler.flush()
    written = log.read_text(encoding="utf-8")
    assert written.count("uncaught error in the window") == 2
    assert "ValueError: day is out of range for month" in written
