"""The status bar's sync corner: online / offline / syncing / a password needed, changes
waiting to be sent, the last successful sync, things needing attention, and a loud warning
when this PC's clock is off. ``SyncBridge`` runs the Qt-free background runner and re-emits
its news as signals.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from campdesk.sync import target
from campdesk.sync.errors import SyncError
from campdesk.sync.runner import SyncRunner
from campdesk.sync.status import (ERROR, NEEDS_PASSWORD, NOT_CONFIGURED, OFFLINE, ONLINE,
                                  SYNCING, SyncStatus)
from campdesk.ui import fmt
from campdesk.ui.i18n import t
from campdesk.ui.widgets.retranslate import Retranslating

STATE_TEXT = {
    ONLINE: ("● 온라인", "● Online"),
    OFFLINE: ("○ 오프라인", "○ Offline"),
    SYNCING: ("⟳ 동기화 중", "⟳ Syncing"),
    ERROR: ("⚠ 동기화 오류", "⚠ Sync error"),
    NOT_CONFIGURED: ("허브 미설정", "No hub set"),
    NEEDS_PASSWORD: ("⚠ 비밀번호 필요", "⚠ Password needed"),  # no emoji: not every PC draws them
}


class SyncStatusWidget(Retranslating, QWidget):
    sync_requested = Signal()
    password_requested = Signal()  # "Sync now" while the hub wants a password
    attention_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync_status")
        self.status = SyncStatus(state=NOT_CONFIGURED)
        self.state_label, self.pending_label, self.last_label = QLabel(), QLabel(), QLabel()
        self.clock_label = QLabel()
        self.clock_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.attention_button = QPushButton()
        self.attention_button.setFlat(True)
        self.attention_button.clicked.connect(self.attention_requested)
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self._sync_clicked)
        self.progress = QProgressBar()  # a new PC reading the hub for the first time
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.clock_label, self.attention_button, self.state_label, self.progress,
                  self.pending_label, self.last_label, self.sync_button):
            row.addWidget(w)
        self.retranslate()

    def _sync_clicked(self) -> None:
        if self.status.state == NEEDS_PASSWORD:
            self.password_requested.emit()  # a round follows once it is typed
        else:
            self.sync_requested.emit()

    def set_status(self, status: SyncStatus) -> None:
        self.status = status
        if status.state != SYNCING:
            self.progress.hide()
        self.retranslate()

    def set_progress(self, done: int, total: int) -> None:
        """Shown only for long reads (a bootstrap), not for the usual few rows."""
        if total < 1000 or done >= total:
            self.progress.hide()
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(t("받는 중 %p%", "Receiving %p%"))
        self.progress.show()

    def retranslate(self) -> None:
        s = self.status
        self.state_label.setText(t(*STATE_TEXT.get(s.state, STATE_TEXT[OFFLINE])))
        self.state_label.setToolTip(s.message or "")
        self.pending_label.setText(t("보낼 변경 {0}건", "{0} changes to send").format(s.pending))
        self.last_label.setText(
            t("마지막 동기화 {0}", "Last sync {0}").format(fmt.moment(s.last_sync_at))
            if s.last_sync_at else t("아직 동기화 안 됨", "Never synced"))
        self.attention_button.setText(t("확인 필요 {0}건", "{0} need attention").format(s.attention))
        self.attention_button.setVisible(s.attention > 0)
        warning = s.clock_warning
        self.clock_label.setText(t("⚠ PC 시계 확인", "⚠ Check PC clock") if warning else "")
        self.clock_label.setToolTip(warning or "")
        self.clock_label.setVisible(bool(warning))
        self.sync_button.setText(t("지금 동기화", "Sync now"))
        self.sync_button.setToolTip(
            t("허브 비밀번호를 입력하면 바로 동기화합니다.",
              "Enter the hub password, then it syncs at once.")
            if s.state == NEEDS_PASSWORD else "")
        self.sync_button.setEnabled(s.state != SYNCING)


class SyncBridge(QObject):
    """Owns the background runner of this PC; signals arrive on the GUI thread (queued)."""

    status_changed = Signal(object)  # SyncStatus
    synced = Signal(object)          # SyncReport of a round that changed something
    progress = Signal(int, int)      # rows read, rows to read

    def __init__(self, app, parent: QObject | None = None, hub_target=None):
        super().__init__(parent or app)
        self.app = app
        self._fixed_target = hub_target
        self._from_sync = False
        settings = app.ctx.settings
        self.runner = SyncRunner(app.ctx.paths.database, self._target,
                                 interval_s=settings.sync_interval_s,
                                 on_status=self.status_changed.emit, on_synced=self.synced.emit,
                                 on_progress=self.progress.emit)
        self.synced.connect(self._announce)
        app.ops.wrote.connect(self._local_write)  # every write through ops: sent at once
        app.hub.data_changed.connect(self._local_change)  # writes made outside ops too

    def _target(self):
        if self._fixed_target is not None:
            return self._fixed_target
        settings = self.app.ctx.settings
        if not settings.hub_host:
            return None
        try:
            return target.from_settings(settings)
        except SyncError:
            return None  # settings it cannot use: the corner says "not configured"

    def configured(self) -> bool:
        """A hub is set: what waits in the outbox will be sent to it."""
        return self._fixed_target is not None or bool(self.app.ctx.settings.hub_host)

    def start(self) -> None:
        self.runner.start()

    def stop(self) -> None:
        self.runner.stop()

    def sync_now(self) -> None:
        self.runner.request_sync()

    def _announce(self, report) -> None:
        self._from_sync = True
        try:
            self.app.hub.changed()  # everything may have changed
        finally:
            self._from_sync = False

    def _local_write(self) -> None:
        self.runner.request_sync()

    def _local_change(self, table: str) -> None:
        if not self._from_sync:  # a save here: send it soon
            self.runner.request_sync()
