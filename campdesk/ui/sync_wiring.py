"""Attach sync to a running window: the background runner, the status-bar corner, the
"needs attention" jump, and the hub password prompt when the hub asks for a password this
PC does not have."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from campdesk.sync.status import NEEDS_PASSWORD, SyncStatus
from campdesk.ui.sync_status import SyncBridge, SyncStatusWidget


def attach_sync(services, window, hub_target=None, ask_password: bool = True) -> SyncBridge:
    """Start syncing in the background; stopped (and waited for) at shutdown.

    ``ask_password``: open the password prompt by itself the first time a round finds that
    the hub wants a password (once a session; "Sync now" asks again)."""
    bridge = SyncBridge(services, hub_target=hub_target)
    corner = SyncStatusWidget(window)
    prompt = PasswordPrompt(services, window, ask_once=ask_password)
    bridge.status_changed.connect(corner.set_status)
    bridge.status_changed.connect(prompt.on_status)
    bridge.progress.connect(corner.set_progress)
    corner.sync_requested.connect(bridge.sync_now)
    corner.password_requested.connect(prompt.ask)
    corner.attention_requested.connect(lambda: window.show_page("attention"))
    window.add_status_widget(corner)
    services.sync = bridge
    window.sync_corner = corner
    window.password_prompt = prompt
    bridge.start()
    return bridge


class PasswordPrompt(QObject):
    """The hub password, asked when the hub wants one: by itself once a session, the first
    time a round says so (never before knowing: a hub that takes no password is never
    asked), and again whenever "Sync now" is pressed in that state. Typing it and pressing
    OK runs a round at once (the settings dialog asks for one)."""

    RETRY_MS = 1000  # while another dialog is open, asked once it is closed

    def __init__(self, services, window, ask_once: bool = True):
        super().__init__(window)
        self.services, self.window = services, window
        self.state: str | None = None
        self._asked = not ask_once  # asked by itself already (or never to)
        self.dialog = None

    def on_status(self, status: SyncStatus) -> None:
        self.state = status.state
        if status.state == NEEDS_PASSWORD and not self._asked:
            self._asked = True
            self._ask_when_free()

    def _ask_when_free(self) -> None:
        """Not over the first-run steps or another dialog: once they are closed."""
        if self.state != NEEDS_PASSWORD or not shiboken6.isValid(self.window):
            return
        if QApplication.activeModalWidget() is not None:
            QTimer.singleShot(self.RETRY_MS, self, self._ask_when_free)
            return
        self.ask()

    def ask(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        from campdesk.ui.settings_dialog import open_settings
        self.dialog = open_settings(self.services, self.window)
        self.dialog.show_hub_password_prompt()
