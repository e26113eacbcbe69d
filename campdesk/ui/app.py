"""Start the desktop app: ``campdesk`` with no subcommand calls ``run(home)``."""
from __future__ import annotations

import os
import sys
import time

_T0 = time.perf_counter()

READY_ENV = "CAMPDESK_EXIT_WHEN_READY"  # benchmarks: print start-up times, then quit


def _exit_when_ready(qapp, window, services) -> None:
    """Print ``shown`` when the window is up and the event loop runs (usable: it answers
    keys and clicks), ``ready`` when the first page also has its data; then quit."""
    from PySide6.QtCore import QTimer

    def shown() -> None:
        print(f"shown {time.perf_counter() - _T0:.4f}", flush=True)
        check()

    def check() -> None:
        if services.ops.busy:
            QTimer.singleShot(5, check)
            return
        print(f"ready {time.perf_counter() - _T0:.4f}", flush=True)
        window.close()
        qapp.quit()

    QTimer.singleShot(0, shown)


def _start_sync(services, window) -> None:
    from campdesk.ui.sync_wiring import ask_password_if_needed, attach_sync
    attach_sync(services, window)
    if not os.environ.get(READY_ENV):
        ask_password_if_needed(services, window)


def run(home: str | None = None, argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    qapp = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    qapp.setApplicationName("CampDesk")
    qapp.setOrganizationName("AI Startup Camp Gwangju")

    from campdesk.services.context import explain_open_failure, open_context
    from campdesk.ui import i18n
    from campdesk.ui.appservices import AppServices
    from campdesk.ui.mainwindow import MainWindow
    from campdesk.ui.startup import Startup, choose_korean_font

    try:
        ctx = open_context(home)
    except Exception as exc:  # noqa: BLE001 - said to the person, never a traceback
        message = explain_open_failure(exc)
        if message is None:
            raise
        QMessageBox.critical(None, "CampDesk", message)
        return 1
    i18n.set_language(ctx.lang)
    font_ok = choose_korean_font(qapp) is not None
    services = AppServices(ctx)
    window = MainWindow(services)
    qapp.aboutToQuit.connect(services.shutdown)
    window.start()
    if os.environ.get(READY_ENV):
        _exit_when_ready(qapp, window, services)
    else:
        Startup(services, window, font_ok).begin()
    # Sync is background work: it starts once the window is up (psycopg is not needed to
    # show the desk), and asks for the hub password if no keyring can hold it.
    QTimer.singleShot(0, lambda: _start_sync(services, window))
    try:
        return qapp.exec()
    finally:
        services.shutdown()
        ctx.close()
