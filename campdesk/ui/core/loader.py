"""The data layer, loaded off the UI thread while the shell window is already up.

The worker thread only imports modules and opens the context; it makes no QObject or
widget. It works in two steps, each handed to the UI thread through a queued signal:

- ``loaded(ctx, first)``: the database is open (its schema checked with the plain
  ``sqlite3`` module), the first page's module imported and its ``first_read`` done, so the
  window can attach with that page showing its data. Nothing heavier comes first: the
  dashboard, the usual first page, reads with ``sqlite3`` and needs neither SQLAlchemy nor
  the models;
- ``warmed()``: SQLAlchemy and the models, the other pages and sync are imported too (sync
  starts after this), so no later click waits for an import. The worker starts on this step
  only once the UI says the first page has its data (``go_on``), so the two do not compete
  for the interpreter.

``failed(exception)`` replaces whichever step did not happen.
"""
from __future__ import annotations

import importlib
import threading

from PySide6.QtCore import QObject, Signal, Slot

FIRST_PAGE_WAIT = 5.0  # seconds the worker waits for the first page before warming anyway


def load_data_layer(home, first_page: str | None = None):
    """Open this PC's database, import the module of the page shown first and read what it
    shows first: ``(ctx, data)``."""
    from campdesk.services.context import open_context
    from campdesk.ui.core.page_registry import page_info
    ctx = open_context(home)
    try:
        importlib.import_module("campdesk.ui.core.appservices")  # used on the UI thread next
        first = None
        if first_page is not None:
            first = page_info(first_page).page_class().first_read(ctx)
    except BaseException:
        ctx.close()
        raise
    return ctx, first


def warm_up(ctx=None) -> None:
    """Import what the UI would otherwise import on its thread later; make the engine."""
    from campdesk.ui.core.page_registry import import_pages
    if ctx is not None:
        ctx.db.engine  # noqa: B018 - SQLAlchemy, the models and the limits guard
    import_pages()
    importlib.import_module("campdesk.ui.sync.sync_wiring")


class DataLoader(QObject):
    loaded = Signal(object, object)  # the Context, what the first page shows first
    warmed = Signal()
    failed = Signal(object)  # the exception
    _step = Signal(str, object)  # emitted by the worker, delivered on the UI thread

    def __init__(self, home, first_page: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.home, self.first_page = home, first_page
        self.ctx = None  # set by the worker; closed by whoever takes it
        self._thread: threading.Thread | None = None
        self._first_shown = threading.Event()
        self._step.connect(self._deliver)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._work, name="campdesk-load")
        self._thread.start()

    def go_on(self) -> None:
        """The first page shows its data (or the window closed): load the rest now."""
        self._first_shown.set()

    def _work(self) -> None:
        try:
            self.ctx, first = load_data_layer(self.home, self.first_page)
            self._step.emit("loaded", (self.ctx, first))
            self._first_shown.wait(FIRST_PAGE_WAIT)
            warm_up(self.ctx)
            self._step.emit("warmed", None)
        except BaseException as exc:  # handed to the UI thread, which explains it
            self._step.emit("failed", exc)

    @Slot(str, object)
    def _deliver(self, step: str, value) -> None:
        if step == "loaded":
            self.loaded.emit(*value)
        elif step == "warmed":
            self.warmed.emit()
        else:
            self.failed.emit(value)

    def wait(self) -> None:
        self._first_shown.set()
        if self._thread is not None:
            self._thread.join()
