"""What every page and dialog is given: the context, the operation helper and the change bus.

Injected, never global: a page is built as ``Page(app)`` and reaches the data only through
``campdesk.services`` functions called with ``app.ctx``, run off the UI thread by
``app.ops`` when they may be slow.
"""
from __future__ import annotations

from PySide6.QtCore import QObject

from campdesk.services.context import Context
from campdesk.ui.core import i18n
from campdesk.ui.core.bus import ChangeBus
from campdesk.ui.core.ops import Operations


class AppServices(QObject):
    def __init__(self, ctx: Context, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ops = Operations(self)
        self.bus = ChangeBus(self)
        self.sync = None  # the SyncBridge, once campdesk.ui.sync.sync_wiring attaches it

    @property
    def lang(self) -> str:
        return self.ctx.lang

    def set_language(self, lang: str) -> None:
        self.ctx.settings.language = "en" if lang.startswith("en") else "ko"
        self.ctx.save_settings()
        i18n.set_language(self.ctx.settings.language)
        self.bus.language_changed.emit(self.ctx.settings.language)

    def set_staff(self, staff_id: str | None) -> None:
        self.ctx.settings.staff_id = staff_id
        self.ctx.save_settings()
        self.bus.staff_changed.emit()

    def shutdown(self) -> None:
        """Stop sync and wait for every worker; the context is closed by whoever opened it."""
        if self.sync is not None:
            self.sync.stop()
            self.sync = None
        self.ops.shutdown()
