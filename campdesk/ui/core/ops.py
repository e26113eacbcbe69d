"""The one way to run work off the UI thread.

``ops.run(fn, *args, success=..., failure=...)`` runs ``fn`` on a worker and calls back on
the GUI thread with its plain result. Writes go through a single writer thread (SQLite has
one writer anyway); reads run beside it. A ``key`` drops the result of an older run of the
same key when a newer one was started (search as you type). Failures without a handler are
shown in one place: the ``failed`` signal, which the main window turns into a message.
Every write that succeeded is announced by ``wrote`` (sync sends it at once), whether or not
its caller tells the pages what changed.
"""
from __future__ import annotations

import itertools
import logging
import traceback
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from campdesk.domain.errors import ValidationError
from campdesk.services.errors import UserError
from campdesk.sync.errors import SyncError
from campdesk.ui.core.i18n import current_language
from campdesk.i18n import _

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; workers emit through it, so slots run on the GUI thread."""

    finished = Signal(int, object, object)  # task id, result, exception


class _Task(QRunnable):
    def __init__(self, task_id: int, relay: _Relay, fn: Callable, args, kwargs):
        super().__init__()
        self.task_id, self.relay, self.fn, self.args, self.kwargs = task_id, relay, fn, args, kwargs

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # reported on the GUI thread
            exc.__traceback_text__ = traceback.format_exc()
            self.relay.finished.emit(self.task_id, None, exc)
        else:
            self.relay.finished.emit(self.task_id, result, None)


def _gone(callback: Callable | None) -> bool:
    """A bound method of a widget that was deleted meanwhile (a closed dialog)."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


def _first_line(exc: BaseException) -> str:
    text = str(exc)
    return text.splitlines()[0] if text else type(exc).__name__


def describe(exc: BaseException) -> str:
    """What a person reads about a failure: the user error itself (a value refused with its
    field named, too), or a generic line."""
    if isinstance(exc, (UserError, ValidationError)):
        return exc.message(current_language())
    return _("예기치 않은 오류가 발생했습니다: {0}").format(exc)


class Operations(QObject):
    failed = Signal(str)   # one place to show failures nobody handled
    busy_changed = Signal(bool)
    wrote = Signal()       # a write task succeeded: something new to send to the hub

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple] = {}  # id → (success, failure, key, owner, write)
        self._latest: dict[str, int] = {}
        self._closed = False

    def run(self, fn: Callable, *args: Any, success: Callable | None = None,
            failure: Callable | None = None, write: bool = False, key: str | None = None,
            owner: QObject | None = None, **kwargs: Any) -> int:
        """Start ``fn(*args, **kwargs)`` on a worker; returns the task id.

        Callbacks are skipped when ``owner`` (or the widget a bound-method callback belongs
        to) has been deleted by the time the result arrives.
        """
        if self._closed:
            return 0
        task_id = next(self._ids)
        self._pending[task_id] = (success, failure, key, owner, write)
        if key:
            self._latest[key] = task_id
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        pool = self._writer if write else self._readers
        pool.start(_Task(task_id, self._relay, fn, args, kwargs))
        return task_id

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: object, exc: object) -> None:
        success, failure, key, owner, write = self._pending.pop(
            task_id, (None, None, None, None, False))
        if not self._pending:
            self.busy_changed.emit(False)
        if write and exc is None:
            self.wrote.emit()  # before anything else: even a dropped result was written
        if key and self._latest.get(key) != task_id:
            return  # a newer run of the same key will answer
        if (owner is not None and not shiboken6.isValid(owner)) or _gone(success):
            success = failure = None  # nobody is left to show it (errors still logged)
        if exc is not None:
            if isinstance(exc, (UserError, ValidationError, SyncError)):
                # expected, and said to the person in plain words: one line, no traceback
                log.info("refused: %s", _first_line(exc))
            else:
                log.error("operation failed: %s", getattr(exc, "__traceback_text__", exc))
            if failure is not None and not _gone(failure):
                failure(exc)
            elif owner is None or shiboken6.isValid(owner):
                self.failed.emit(describe(exc))
        elif success is not None:
            success(result)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every running task (tests, shutdown)."""
        return self._readers.waitForDone(msecs) and self._writer.waitForDone(msecs)

    def shutdown(self) -> None:
        self._closed = True
        self.wait()
