"""The hub part of the settings: address, port, database, user, TLS mode, and the password,
which goes to the OS keyring only. Without a keyring it is kept for this session, in memory.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QToolButton, QVBoxLayout,
    QWidget,
)

from campdesk.settings import Settings
from campdesk.sync import secrets, target
from campdesk.sync.errors import NoPassword
from campdesk.i18n import _
from campdesk.ui.widgets.retranslate import Retranslating

SSL_MODES = ["disable", "prefer", "require", "verify-full"]


class HubSettingsForm(Retranslating, QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None, ops=None):
        super().__init__(parent)
        self.setObjectName("hub_settings")
        self.settings = settings
        self.ops = ops
        self.host, self.database, self.user = QLineEdit(), QLineEdit(), QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.sslmode = QComboBox()
        self.sslmode.addItems(SSL_MODES)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.test_connection)
        self._asking = False  # opened because the hub wants a password
        self.labels = [QLabel() for _ in range(6)]
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        # What everyone needs: the address and the password. PostgreSQL's port, database,
        # user, TLS mode and where the password is kept are under "고급".
        form = QFormLayout()
        for label, field in zip((self.labels[0], self.labels[5]), (self.host, self.password)):
            form.addRow(label, field)
        self.advanced_button = QToolButton()
        self.advanced_button.setObjectName("advanced")
        self.advanced_button.setCheckable(True)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.toggled.connect(self._show_advanced)
        self.advanced = QWidget()
        advanced = QFormLayout(self.advanced)
        advanced.setContentsMargins(12, 0, 0, 0)
        for label, field in zip(self.labels[1:5], (self.port, self.database, self.user,
                                                   self.sslmode)):
            advanced.addRow(label, field)
        advanced.addRow(self.keyring_note)
        v = QVBoxLayout(self)
        v.addWidget(self.intro)
        v.addLayout(form)
        v.addWidget(self.advanced_button, 0, Qt.AlignmentFlag.AlignLeft)
        v.addWidget(self.advanced)
        v.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        v.addWidget(self.result)
        self._show_advanced(False)
        self.load()
        self.retranslate()

    def retranslate(self) -> None:
        texts = [_("서버 주소"), _("포트"), _("데이터베이스 (PostgreSQL)"),
                 _("사용자"), _("TLS 모드"), _("비밀번호")]
        self.intro.setText(_("사무실의 다른 PC와 기록을 함께 쓰려면, 담당자에게 받은 동기화 서버 주소와 "
                             "비밀번호를 넣으세요. 비워 두면 이 PC에만 저장합니다."))
        self.host.setPlaceholderText(_("예: 192.168.0.10"))
        self._show_advanced(self.advanced_button.isChecked())
        for label, text in zip(self.labels, texts):
            label.setText(text)
        self.password.setPlaceholderText(
            _("허브 비밀번호") if self._asking
            else _("바꿀 때만 입력"))
        self.keyring_note.setText(
            _("비밀번호는 운영체제 키링에만 저장됩니다.")
            if secrets.keyring_available() else secrets.no_keyring())
        self.test_button.setText(_("연결 시험"))
        if self._asking:
            self.result.setText(_("동기화 서버가 비밀번호를 요구합니다. 입력하고 확인을 누르면 바로 "
                                  "동기화합니다."))

    def _show_advanced(self, on: bool) -> None:
        self.advanced.setVisible(on)
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.advanced_button.setText(_("고급 (포트, 데이터베이스, 사용자, TLS, 키링)"))

    def ask_password(self) -> None:
        """The hub asked for a password this PC lacks: say so and put the cursor there."""
        self._asking = True
        self.retranslate()
        self.password.setFocus()

    def load(self) -> None:
        s = self.settings
        self.host.setText(s.hub_host)
        self.port.setValue(int(s.hub_port))
        self.database.setText(s.hub_database)
        self.user.setText(s.hub_user)
        self.sslmode.setCurrentText(s.hub_sslmode if s.hub_sslmode in SSL_MODES else "prefer")

    def apply(self) -> None:
        """Copy the form into the settings (the caller saves them) and keep the password."""
        s = self.settings
        s.hub_host, s.hub_port = self.host.text().strip(), self.port.value()
        s.hub_database, s.hub_user = self.database.text().strip(), self.user.text().strip()
        s.hub_sslmode = self.sslmode.currentText()
        typed = self.password.text()
        if typed:
            name = target.account_of(s)
            try:
                secrets.set_password(name, typed)
            except NoPassword:
                secrets.remember_for_session(name, typed)
            self.password.clear()

    def test_connection(self) -> None:
        self.apply()
        self.result.setText(_("연결하는 중…"))
        if self.ops is not None:
            self.ops.run(check_hub, self.settings, success=self._show, failure=self._failed)
        else:
            try:
                self._show(check_hub(self.settings))
            except Exception as exc:  # noqa: BLE001 - shown to the person testing
                self._failed(exc)

    def _show(self, version: int) -> None:
        self.result.setText(_("연결됨 (서버 버전 {0})").format(version))

    def _failed(self, exc: BaseException) -> None:
        self.result.setText(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return True


def check_hub(settings: Settings) -> int:
    """Connect and say hello without changing anything; returns the hub's schema version."""
    from campdesk.sync.hub import connect

    hub = target.from_settings(settings)
    with connect(hub.conninfo, hub.password) as conn:
        return conn.execute("SELECT sync_info()").fetchone()[0]["hub_schema"]
