"""Help → 로그 폴더 열기: the log folder opens in the file manager, to send to whoever helps."""
from __future__ import annotations

from PySide6.QtGui import QDesktopServices


def test_help_opens_the_log_folder(window, services, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    action = window.action("open_logs")
    assert action.text() == "로그 폴더 열기"
    action.trigger()
    qtbot.waitUntil(lambda: bool(opened))
    folder = services.ctx.paths.logs
    assert opened[0].toLocalFile() == str(folder) and folder.is_dir()
