"""The contract every page of the main window follows.

A page is a QWidget built from the app's shared objects (``AppServices``): it reads and
writes only through ``campdesk.services`` functions, runs anything slow through
``app.ops`` (never on the UI thread), and reloads itself when ``app.bus.data_changed`` fires.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from campdesk.ui.core.page_registry import page_info

if TYPE_CHECKING:
    from campdesk.ui.core.appservices import AppServices


class Page(QWidget):
    key: str = ""  # stable id; its title and place in the navigation are in ``registry``

    def __init__(self, app: AppServices, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app

    @classmethod
    def title(cls) -> str:
        return page_info(cls.key).title()

    @staticmethod
    def first_read(ctx):
        """The data this page shows first, read off the UI thread while the window starts
        (a page the window may open on); None: the page loads it when activated."""
        return None

    def show_first(self, data) -> None:
        """Show what ``first_read`` returned, before ``activate``."""

    def activate(self) -> None:
        """Called when the page is shown; refresh lazily here."""

    def refresh(self) -> None:
        """Called after data changed elsewhere (another page, an import, a sync)."""
