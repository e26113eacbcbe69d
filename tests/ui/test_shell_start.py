"""Shell-first start: the window is up before the data layer is imported, answers while it
loads, and becomes the whole window once it is there."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QLabel, QMessageBox

from campdesk.ui.app import start_shell
from qt_helpers import find_dialog

SHELL = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication
    from campdesk.ui.app import start_shell
    qapp = QApplication([])
    launch = start_shell(qapp, sys.argv[1])
    qapp.processEvents()
    window = launch.window
    print("visible", window.isVisible(), window.app is None)
    print("nav", "|".join(window.nav.item(i).text() for i in range(window.nav.count())))
    window.action("log_consultation").trigger()
    print("status", window.statusBar().currentMessage())
    heavy = ("sqlalchemy", "campdesk.store", "campdesk.services", "campdesk.sync", "psycopg")
    print("imported", " ".join(sorted(m for m in sys.modules if m.startswith(heavy))))
""")


def test_the_shell_shows_without_importing_the_data_layer(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SHELL, str(tmp_path / "home")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    said = dict(line.partition(" ")[::2] for line in proc.stdout.splitlines())
    assert said["visible"] == "True True"
    assert said["nav"] == "대시보드|기업|상담일지|후속조치|멘토링|잡매칭|입주공간|대외협력|보고서|확인 필요"
    assert "불러오는 중" in said["status"]   # a command that needs data says it waits
    assert said["imported"] == ""


def test_the_shell_becomes_the_whole_window_once_loaded(staffed_ctx, qapp, korean, qtbot):
    from campdesk.services import companies
    from campdesk.ui.consultations.consultation_dialog import ConsultationDialog
    companies.create_company(staffed_ctx, {"name": "광주데이터랩"})
    launch = start_shell(qapp, str(staffed_ctx.paths.home))
    window = launch.window
    qtbot.addWidget(window)
    try:
        assert window.app is None and window.current_page() is None
        assert window.findChild(QLabel, "loading").text() == "불러오는 중…"
        assert window.show_page("companies") is None        # navigation answers meanwhile
        window.action("log_consultation").trigger()           # Ctrl+N: opens once ready
        assert "불러오는 중" in window.statusBar().currentMessage()

        launch.start()
        qtbot.waitUntil(lambda: window.app is not None, timeout=30000)
        page = window.current_page()
        assert page.key == "companies"
        assert window.stack.currentWidget() is page            # the note is behind it
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
        dialog = find_dialog(qtbot, ConsultationDialog)
        dialog.close()
        qtbot.waitUntil(lambda: "김민서" in window.staff_label.text())
        qtbot.waitUntil(lambda: getattr(window, "sync_corner", None) is not None)  # sync too
    finally:
        launch.finish()
    assert launch.code is None and launch.error is None


def test_an_unopenable_database_is_explained_after_the_shell(tmp_path, qapp, korean, qtbot,
                                                             monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    (home / "campdesk.sqlite3").write_bytes(b"not a database" * 200)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    launch = start_shell(qapp, str(home))
    qtbot.addWidget(launch.window)
    try:
        launch.start()
        qtbot.waitUntil(lambda: launch.code is not None, timeout=30000)
    finally:
        launch.finish()
    assert launch.code == 1 and launch.error is None
    assert "db check" in shown[0] and not launch.window.isVisible()


def test_closing_the_window_while_loading_is_harmless(staffed_ctx, qapp, korean, qtbot):
    launch = start_shell(qapp, str(staffed_ctx.paths.home))
    qtbot.addWidget(launch.window)
    launch.start()
    launch.window.close()
    launch.finish()                                      # waits for the loader
    qtbot.wait(50)                                       # a late "loaded" changes nothing
    assert launch.window.app is None and launch.services is None


def test_a_failure_once_the_window_is_whole_is_shown_not_fatal(staffed_ctx, qapp, korean,
                                                               qtbot, monkeypatch):
    from campdesk.ui.core import loader

    def broken(ctx=None) -> None:
        raise RuntimeError("sync module missing")
    monkeypatch.setattr(loader, "warm_up", broken)
    launch = start_shell(qapp, str(staffed_ctx.paths.home))
    qtbot.addWidget(launch.window)
    try:
        launch.start()
        box = find_dialog(qtbot, QMessageBox)
        assert "sync module missing" in box.text()
        assert launch.window.app is not None and launch.window.isVisible()
    finally:
        launch.finish()
    assert launch.code is None and launch.error is None
