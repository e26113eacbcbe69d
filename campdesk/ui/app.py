"""Start the desktop app: ``campdesk`` with no subcommand calls ``run(home)``.

Shell first: the main window (navigation, menus, status bar, its last size) is shown before
SQLAlchemy, the store or the services are imported; ``Launch`` loads the data layer off the
UI thread in two steps: first what the first page needs (the database checked and, for the
dashboard, read with the plain ``sqlite3`` module), so it shows its data at once; then,
once it has, SQLAlchemy, the other pages and sync. Then the first-run steps run and sync
starts.
"""
from __future__ import annotations

import os
import sys
import time

_T0 = time.perf_counter()

READY_ENV = "CAMPDESK_EXIT_WHEN_READY"  # benchmarks: print start-up times, then quit


def _exit_when_ready(qapp, window) -> None:
    """Print ``shown`` when the window is up and the event loop runs (usable: it answers
    keys and clicks), ``ready`` when the data layer is loaded and the first page has its
    data too; then quit."""
    from PySide6.QtCore import QTimer

    def shown() -> None:
        print(f"shown {time.perf_counter() - _T0:.4f}", flush=True)
        check()

    def check() -> None:
        if window.app is None or window.app.ops.busy:
            QTimer.singleShot(5, check)
            return
        print(f"ready {time.perf_counter() - _T0:.4f}", flush=True)
        window.close()
        qapp.quit()

    QTimer.singleShot(0, shown)


def _start_sync(services, window) -> None:
    from campdesk.ui.sync.sync_wiring import attach_sync
    # The password is asked only once a round finds the hub wants one, never guessed here.
    attach_sync(services, window, interactive=not os.environ.get(READY_ENV))


def _explain(exc: BaseException) -> str | None:
    """The Korean message for a database that cannot be opened; None for a bug."""
    try:
        from campdesk.services.context import explain_open_failure
    except Exception:  # noqa: BLE001 - the data layer itself does not import: a bug
        return None
    return explain_open_failure(exc)


def open_shell(home=None):
    """The main window without the data layer, in the language of this PC's settings."""
    from campdesk.paths import Paths
    from campdesk.settings import Settings
    from campdesk.ui.core import i18n
    from campdesk.ui.core.mainwindow import MainWindow
    paths = Paths.resolve(home)
    i18n.set_language(Settings.load(paths.settings_file).language)
    return MainWindow(None, paths=paths)


class Launch:
    """Loads the data layer behind the shown shell, then attaches it to the window.

    ``code`` is 1 when the database cannot be opened (the person was told why); ``error``
    holds a bug met while loading, raised again by ``run`` once the event loop is over.
    """

    def __init__(self, window, font_ok: bool = True):
        self.window, self.font_ok = window, font_ok
        self.services = None
        self.loader = None
        self.code: int | None = None
        self.error: BaseException | None = None
        self._over = False

    def start(self) -> None:
        from campdesk.ui.core.loader import DataLoader
        self.loader = DataLoader(self.window.paths.home, self.window.nav_key())
        self.loader.loaded.connect(self._attach)
        self.loader.warmed.connect(self._warmed)
        self.loader.failed.connect(self._fail)
        self.loader.start()

    def _attach(self, ctx, first=None) -> None:
        if self._over or not self.window.isVisible():
            return  # closed while loading: ``finish`` closes the context
        from PySide6.QtWidgets import QApplication

        from campdesk.ui.core import i18n
        from campdesk.ui.core.appservices import AppServices
        i18n.set_language(ctx.lang)
        services = self.services = AppServices(ctx)
        QApplication.instance().aboutToQuit.connect(services.shutdown)
        self.window.attach(services, imported=self.loader.first_page, first=first)
        # The first page has asked for its data: the loader goes on once it is shown.
        services.ops.busy_changed.connect(self._first_page_shown)
        if not services.ops.busy:
            self._first_page_shown(False)

    def _first_page_shown(self, busy: bool) -> None:
        from PySide6.QtCore import QTimer
        if busy:
            return
        self.services.ops.busy_changed.disconnect(self._first_page_shown)
        # Once the page with its data is painted: the imports would slow the painting down.
        QTimer.singleShot(0, lambda: _after_next_paint(self.window, self.loader.go_on))

    def _warmed(self) -> None:
        """Every module is in: the window is whole, then the start-up steps run and sync (in
        the background) starts; it asks for the hub password once a round finds the hub
        wants one."""
        if self.services is None or self._over:
            return
        self.window.pages_loaded()
        settle_memory()
        if not os.environ.get(READY_ENV):
            from campdesk.ui.core.startup import Startup
            startup = Startup(self.services, self.window, self.font_ok)
            startup.finished.connect(self.window.run_waiting)
            startup.begin()
        _start_sync(self.services, self.window)

    def _fail(self, exc: BaseException) -> None:
        if self._over:
            return
        if self.services is not None:
            # Warming up failed after the window was whole: a bug, shown in the one place
            # for failures; the desk stays open.
            import logging

            from campdesk.ui.core.ops import describe
            logging.getLogger(__name__).error("start-up import failed", exc_info=exc)
            self.window.show_error(describe(exc))
            self.window.pages_loaded()  # each page then loads (or fails) when chosen
            return
        from PySide6.QtWidgets import QApplication, QMessageBox
        message = _explain(exc)
        if message is None:
            self.error = exc
        else:
            QMessageBox.critical(self.window, "CampDesk", message)
        self.code = 1
        self.window.hide()
        QApplication.instance().quit()

    def finish(self) -> None:
        """Wait for the loader, stop every worker and close the database."""
        self._over = True
        if self.loader is not None:
            self.loader.wait()
        if self.services is not None:
            self.services.shutdown()
        if self.loader is not None and self.loader.ctx is not None:
            self.loader.ctx.close()


def settle_memory() -> None:
    """Once every module and the first page are in: what is loaded lives as long as the app,
    so it is put out of the garbage collector's sight (``gc.freeze``). A full collection while
    people work then takes ~1 ms instead of ~65 ms over the large data set, so opening a
    company or switching pages never stalls on one."""
    import gc
    gc.freeze()


def _after_next_paint(window, then, limit_ms: int = 300) -> None:
    """Call ``then()`` once, after the window's next paint (or ``limit_ms`` at the latest)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class AfterPaint(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.UpdateRequest:
                QTimer.singleShot(0, self, self.fire)  # runs once this paint is done
            return False

        def fire(self) -> None:
            window.removeEventFilter(self)
            self.deleteLater()
            if not getattr(self, "fired", False):
                self.fired = True
                then()

    watcher = AfterPaint(window)
    window.installEventFilter(watcher)
    QTimer.singleShot(limit_ms, watcher, watcher.fire)


_shipped_fonts_added = False


def use_shipped_files(qapp) -> None:
    """The application icon on every window, and the NanumGothic shipped with CampDesk,
    so Hangul shows on a PC without a Korean font (Malgun Gothic is still preferred)."""
    global _shipped_fonts_added
    from PySide6.QtGui import QFontDatabase, QIcon

    from campdesk import icons
    from campdesk.paths import fonts_dir
    icon = QIcon()
    for path in icons.app_icon_pngs():
        icon.addFile(str(path))
    qapp.setWindowIcon(icon)
    if not _shipped_fonts_added:  # once per process: Qt would add the same font again
        _shipped_fonts_added = True
        for name in ("NanumGothic.ttf", "NanumGothicBold.ttf"):
            QFontDatabase.addApplicationFont(str(fonts_dir() / name))


def start_shell(qapp, home=None) -> Launch:
    """Show the window at once, without the data layer; ``start()`` the returned launch to
    load it. Raises OSError when the data directory cannot be made."""
    from campdesk.ui.core.startup import choose_korean_font
    use_shipped_files(qapp)
    font_ok = choose_korean_font(qapp) is not None
    launch = Launch(open_shell(home), font_ok)
    launch.window.start()
    return launch


def run(home: str | None = None, argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    qapp = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    qapp.setApplicationName("CampDesk")
    qapp.setOrganizationName("AI Startup Camp Gwangju")
    try:
        launch = start_shell(qapp, home)
    except OSError as exc:  # the data directory cannot be made: said, never a traceback
        QMessageBox.critical(None, "CampDesk", _explain(exc) or str(exc))
        return 1
    from campdesk import app_marker  # says "CampDesk is open" to `campdesk db restore`
    from campdesk.ui.core import error_hook
    error_hook.install(launch.window, launch.window.paths.home)
    marker = app_marker.mark(launch.window.paths.home)
    if os.environ.get(READY_ENV):
        _exit_when_ready(qapp, launch.window)
    QTimer.singleShot(0, launch.start)  # once the event loop runs: the window paints first
    try:
        code = qapp.exec()
    finally:
        launch.finish()
        if marker is not None:
            marker.release()
    if launch.error is not None:
        raise launch.error
    return launch.code if launch.code is not None else code
