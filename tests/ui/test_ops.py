"""The one operation helper: results on the GUI thread, newest wins, closed widgets skipped."""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
import shiboken6
from PySide6.QtWidgets import QLabel

from campdesk.ui.core.ops import Operations


def test_work_runs_off_the_ui_thread_and_answers_on_it(qapp, qtbot):
    ops = Operations()
    seen = {}

    def work():
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    ops.run(work, success=lambda r: seen.update(result=r,
                                                gui=QThread.currentThread() is qapp.thread()))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker": True, "result": 42, "gui": True}
    ops.shutdown()


def test_an_older_search_never_overwrites_a_newer_one(qapp, qtbot):
    ops = Operations()
    shown = []
    ops.run(lambda: (time.sleep(0.2), "old")[1], key="search", success=shown.append)
    ops.run(lambda: "new", key="search", success=shown.append)
    qtbot.waitUntil(lambda: not ops.busy)
    assert shown == ["new"]
    ops.shutdown()


def test_results_for_a_closed_dialog_are_dropped(qapp, qtbot):
    ops = Operations()
    label = QLabel()
    ops.run(lambda: (time.sleep(0.1), "late")[1], success=label.setText)
    shiboken6.delete(label)                 # the dialog was closed meanwhile
    assert not shiboken6.isValid(label)
    qtbot.waitUntil(lambda: not ops.busy)   # and no "already deleted" error is raised
    ops.shutdown()
