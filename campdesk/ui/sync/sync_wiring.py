"""Attach sync to a running window: the background runner, the status-bar corner, the
"needs attention" jump, the hub password prompt when the hub asks for a password this PC
does not have, and a word on quitting while changes wait to be sent."""
from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from campdesk.sync.status import NEEDS_PASSWORD, SyncStatus, read_status
from campdesk.ui.core import fmt
from campdesk.i18n import _
from campdesk.ui.sync.sync_status import SyncBridge, SyncStatusWidget

log = logging.getLogger(__name__)


def attach_sync(services, window, hub_target=None, interactive: bool = True) -> SyncBridge:
    """Start syncing in the background; stopped (and waited for) at shutdown.

    ``interactive`` (off for the start-up benchmark): open the password prompt by itself the
    first time a round finds that the hub wants a password (once a session; "Sync now" asks
    again), and say so when the window closes while changes wait to be sent."""
    bridge = SyncBridge(services, hub_target=hub_target)
    corner = SyncStatusWidget(window)
    prompt = PasswordPrompt(services, window, ask_once=interactive)
    bridge.status_changed.connect(corner.set_status)
    if hasattr(window, "set_nav_count"):
        bridge.status_changed.connect(lambda s: window.set_nav_count("attention", s.attention))
    bridge.status_changed.connect(prompt.on_status)
    bridge.progress.connect(corner.set_progress)
    corner.sync_requested.connect(bridge.sync_now)
    corner.password_requested.connect(prompt.ask)
    corner.settings_requested.connect(lambda: _open_connection_settings(services, window))
    corner.attention_requested.connect(lambda: window.show_page("attention"))
    window.add_status_widget(corner)
    services.sync = bridge
    window.sync_corner = corner
    window.password_prompt = prompt
    if interactive:
        window.quit_notice = QuitNotice(services, window)
        window.sync_notice = SyncNotice(window)
        bridge.synced.connect(window.sync_notice.on_synced)
    bridge.start()
    return bridge


def _open_connection_settings(services, window) -> None:
    from campdesk.ui.settings.settings_dialog import open_settings
    open_settings(services, window).show_connection()


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
        from campdesk.ui.settings.settings_dialog import open_settings
        self.dialog = open_settings(self.services, self.window)
        self.dialog.show_hub_password_prompt()


class SyncNotice(QObject):
    """What a sync round has to say beyond the corner's state (this PC was given a new
    identity; some hub records could not be stored here): shown once a session each, in a
    box that does not stop the work. The clock warning has its own place in the corner."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.shown: set[str] = set()
        self.box = None

    def on_synced(self, report) -> None:
        from campdesk.sync.engine import clock_warning
        skip = clock_warning(report.clock_offset_ms)
        news = [w for w in report.warnings if w != skip and w not in self.shown]
        if not news or not shiboken6.isValid(self.window):
            return
        self.shown.update(news)
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Information, _("동기화 알림"),
                          "\n\n".join(news), QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("sync_notice")
        box.button(QMessageBox.StandardButton.Ok).setText(_("확인"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.box = box
        box.open()


class QuitNotice(QObject):
    """Closing the window while changes wait to be sent: one line saying they are kept on
    this PC and go out at the next connection, with one OK button; then it closes. Nothing
    is said when nothing waits, or when no hub is set (nothing would send them)."""

    def __init__(self, services, window):
        super().__init__(window)
        self.services, self.window = services, window
        self.box = None
        self._told = False
        window.installEventFilter(self)

    def pending(self) -> int:
        bridge = self.services.sync
        if bridge is None or not bridge.configured():
            return 0
        try:  # counted now: a save a moment ago is not in the last status yet
            return read_status(self.services.ctx.paths.database).pending
        except Exception:  # noqa: BLE001 - quitting must never fail on this
            log.exception("could not count the changes waiting to be sent")
            return 0

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is not self.window or event.type() != QEvent.Type.Close:
            return False
        if self._told:  # said once: this close goes through
            self._told = False
            return False
        pending = self.pending()
        if pending:
            self._told = True
            event.ignore()
            self._tell(pending)
            return True
        return False

    def _tell(self, pending: int) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Information, "CampDesk", _("아직 보내지 못한 변경 {0}건은 이 PC에 안전하게 남아 있으며, 다음에 허브에 연결되면 "
            "자동으로 보냅니다.").format(fmt.number(pending)),
            QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("unsent_on_quit")
        box.button(QMessageBox.StandardButton.Ok).setText(_("확인"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.finished.connect(lambda _result: self.window.close())
        self.box = box
        box.open()
