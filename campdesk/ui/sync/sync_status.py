"""The status bar's sync corner: one plain sentence with a coloured icon ("이 PC에만 저장 중 ·
다른 PC와 연결 안 됨", "모두 동기화됨 · 3분 전", "연결 끊김 · 12건 대기 중 · 자동으로 다시 시도"),
the particulars (changes waiting, last sync, the error) in its tooltip, things needing
attention, and a loud warning when this PC's clock is off. "지금 동기화" opens the
connection settings while none is set. ``SyncBridge`` runs the Qt-free background runner and re-emits
its news as signals.
"""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from campdesk.sync import target
from campdesk.sync.errors import SyncError
from campdesk.sync.runner import SyncRunner
from campdesk.sync.status import (ERROR, NEEDS_PASSWORD, NOT_CONFIGURED, OFFLINE, ONLINE,
                                  SYNCING, SyncStatus)
from campdesk.ui.core import fmt
from campdesk.i18n import N_, _
from campdesk.ui.widgets.retranslate import Retranslating

# What the corner says, in one sentence a non-technical person reads at a glance.
ICON_COLOUR = {ONLINE: "#2e7d32", SYNCING: "#1565c0", OFFLINE: "#b26a00", ERROR: "#c62828",
               NOT_CONFIGURED: "#607d8b", NEEDS_PASSWORD: "#c62828"}
STATE_NAME = {  # for the tooltip's first line
    ONLINE: N_("연결됨"), SYNCING: N_("동기화 중"),
    OFFLINE: N_("연결 끊김"), ERROR: N_("동기화 오류"),
    NOT_CONFIGURED: N_("다른 PC와 연결 안 됨"),
    NEEDS_PASSWORD: N_("비밀번호 필요"),
}


def ago(moment: datetime | None, now: datetime | None = None) -> str:
    """``방금``, ``3분 전``, ``2시간 전``, or the date and time for older ones."""
    if moment is None:
        return ""
    now = now or datetime.now(timezone.utc)
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return _("방금")
    if seconds < 3600:
        return _("{0}분 전").format(seconds // 60)
    if seconds < 86400:
        return _("{0}시간 전").format(seconds // 3600)
    return fmt.moment(moment)


def waiting(n: int) -> str:
    return _("{0}건 대기 중").format(fmt.number(n))


def sentence(s: SyncStatus, now: datetime | None = None) -> str:
    """The corner's one sentence for a state."""
    if s.state == NOT_CONFIGURED:
        return _("이 PC에만 저장 중 · 다른 PC와 연결 안 됨")
    if s.state == SYNCING:
        return _("동기화 중…")
    if s.state == NEEDS_PASSWORD:
        parts = [_("연결하려면 비밀번호 필요")]
        if s.pending:
            parts.append(waiting(s.pending))
        return " · ".join(parts)
    if s.state in (OFFLINE, ERROR):
        parts = [_("연결 끊김") if s.state == OFFLINE
                 else _("동기화 문제")]
        if s.pending:
            parts.append(waiting(s.pending))
        parts.append(_("자동으로 다시 시도"))
        return " · ".join(parts)
    # online
    if s.pending:
        return _("연결됨 · {0}건 보내는 중").format(fmt.number(s.pending))
    if s.last_sync_at:
        return _("모두 동기화됨 · {0}").format(ago(s.last_sync_at, now))
    return _("모두 동기화됨")


def details(s: SyncStatus) -> str:
    """The tooltip: the particulars the sentence leaves out."""
    lines = [_(STATE_NAME.get(s.state, STATE_NAME[OFFLINE]))]
    if s.state == NOT_CONFIGURED:
        lines.append(_("기록은 이 PC에 안전하게 저장됩니다. 다른 PC와 함께 쓰려면 [연결 설정…]을 "
                       "누르세요."))
    lines.append(_("보낼 변경: {0}건").format(fmt.number(s.pending)))
    lines.append(_("마지막 동기화: {0}").format(fmt.moment(s.last_sync_at))
                 if s.last_sync_at else _("아직 동기화한 적 없음"))
    if s.said:
        lines.append(s.said)
    return "\n".join(lines)


class SyncStatusWidget(Retranslating, QWidget):
    sync_requested = Signal()
    password_requested = Signal()  # "Sync now" while the hub wants a password
    settings_requested = Signal()  # "Set up…" while no hub is set: the connection settings
    attention_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync_status")
        self.status = SyncStatus(state=NOT_CONFIGURED)
        self.icon_label, self.state_label = QLabel(), QLabel()
        self.state_label.setObjectName("sync_sentence")
        self.clock_label = QLabel()
        self.clock_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.attention_button = QPushButton()
        self.attention_button.setFlat(True)
        self.attention_button.clicked.connect(self.attention_requested)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("sync_now")
        self.sync_button.clicked.connect(self._sync_clicked)
        self.progress = QProgressBar()  # a new PC reading the other PCs' records the first time
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.clock_label, self.attention_button, self.icon_label, self.state_label,
                  self.progress, self.sync_button):
            row.addWidget(w)
        self._icons: dict[str, QPixmap] = {}
        self.retranslate()

    def _sync_clicked(self) -> None:
        if self.status.state == NOT_CONFIGURED:
            self.settings_requested.emit()  # nothing to sync with yet: say where to set it
        elif self.status.state == NEEDS_PASSWORD:
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
        self.progress.setFormat(_("받는 중 %p%"))
        self.progress.show()

    def _icon(self, state: str) -> QPixmap:
        if state not in self._icons:
            from PySide6.QtCore import QByteArray
            from PySide6.QtGui import QIcon, QImage

            from campdesk.icons import icon_svg
            image = QImage.fromData(QByteArray(icon_svg("sync", ICON_COLOUR.get(state, "#607d8b"))))
            self._icons[state] = QPixmap.fromImage(image).scaled(
                16, 16, mode=Qt.TransformationMode.SmoothTransformation) if not image.isNull() \
                else QIcon().pixmap(16, 16)
        return self._icons[state]

    def retranslate(self) -> None:
        s = self.status
        self.icon_label.setPixmap(self._icon(s.state))
        self.state_label.setText(sentence(s))
        self.state_label.setStyleSheet(f"color: {ICON_COLOUR[s.state]};"
                                       if s.state in (ERROR, NEEDS_PASSWORD) else "")
        tip = details(s)
        for w in (self.icon_label, self.state_label):
            w.setToolTip(tip)
        self.attention_button.setText(_("확인 필요 {0}건").format(s.attention))
        self.attention_button.setVisible(s.attention > 0)
        warning = s.clock_warning
        self.clock_label.setText(_("⚠ PC 시계 확인") if warning else "")
        self.clock_label.setToolTip(warning or "")
        self.clock_label.setVisible(bool(warning))
        if s.state == NOT_CONFIGURED:
            self.sync_button.setText(_("연결 설정…"))
            self.sync_button.setToolTip(_("다른 PC와 함께 쓰도록 연결을 설정합니다."))
        else:
            self.sync_button.setText(_("지금 동기화"))
            self.sync_button.setToolTip(
                _("비밀번호를 입력하면 바로 동기화합니다.")
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
        app.bus.data_changed.connect(self._local_change)  # writes made outside ops too

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
            self.app.bus.changed()  # everything may have changed
        finally:
            self._from_sync = False

    def _local_write(self) -> None:
        self.runner.request_sync()

    def _local_change(self, table: str) -> None:
        if not self._from_sync:  # a save here: send it soon
            self.runner.request_sync()
