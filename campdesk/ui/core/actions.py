"""Every command of the main window, in one registry: text, shortcut, menu and handler.

A feature attaches itself with ``register(ActionSpec(...))``; the window builds its menus
from ``ACTIONS`` (and the "Go" menu from the page registry) without knowing the features.
Handlers take the main window and import what they open lazily, so start-up stays quick.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from campdesk.ui.core.mainwindow import MainWindow

# Menu code → (Korean, English), in menu-bar order.
MENUS = {"file": ("파일(&F)", "&File"), "go": ("이동(&G)", "&Go"),
         "tools": ("도구(&T)", "&Tools"), "help": ("도움말(&H)", "&Help")}


@dataclass(frozen=True)
class ActionSpec:
    key: str
    ko: str
    en: str
    menu: str
    run: Callable[[MainWindow], object]
    shortcut: str | None = None
    needs_data: bool = True  # while the data layer loads, the window runs it once ready


ACTIONS: list[ActionSpec] = []


def register(spec: ActionSpec) -> ActionSpec:
    ACTIONS[:] = [a for a in ACTIONS if a.key != spec.key] + [spec]
    return spec


def _log(win: MainWindow):
    from campdesk.ui.consultations.consultation_dialog import open_log_dialog
    return open_log_dialog(win.app, win, company_id=win.current_company())


def _new_company(win: MainWindow):
    return win.show_page("companies").new_company()


def _find(win: MainWindow):
    page = win.show_page("companies")
    page.search.setFocus()
    page.search.selectAll()


def _import(win: MainWindow):
    from campdesk.ui.core.data_tasks import start_import
    start_import(win.app, win)


def _import_consultations(win: MainWindow):
    from campdesk.ui.core.data_tasks import start_import
    start_import(win.app, win, kind="consultations")


def _import_mentors(win: MainWindow):
    from campdesk.ui.core.data_tasks import start_import
    start_import(win.app, win, kind="mentors")


def _demo(win: MainWindow):
    from campdesk.ui.core.data_tasks import start_demo
    start_demo(win.app, win)


def _settings(win: MainWindow):
    from campdesk.ui.settings.settings_dialog import open_settings
    return open_settings(win.app, win)


def _about(win: MainWindow):
    from PySide6.QtWidgets import QMessageBox
    from campdesk import __version__
    from campdesk.i18n import _
    QMessageBox.about(win, _("CampDesk 정보"),
                      _("CampDesk {0}\n광주 AI창업캠프 상담·기업 관리").format(__version__))


def _open_logs(win: MainWindow):
    """The folder of CampDesk's log, in the file manager (to send it to whoever helps)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    folder = win.app.ctx.paths.logs
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


for _spec in (
    ActionSpec("log_consultation", "상담 기록…", "Log a consultation…", "file", _log, "Ctrl+N"),
    ActionSpec("new_company", "새 기업 등록…", "Register a company…", "file", _new_company,
               "Ctrl+Shift+N"),
    ActionSpec("find_company", "기업 찾기", "Find a company", "file", _find, "Ctrl+F"),
    ActionSpec("import_consultations", "상담 기록 가져오기…", "Import consultations…", "file",
               _import_consultations),
    ActionSpec("import_companies", "기업 목록 가져오기…", "Import companies…", "tools", _import),
    ActionSpec("import_mentors", "멘토단 가져오기…", "Import mentors…", "tools", _import_mentors),
    ActionSpec("load_demo", "데모 데이터 불러오기…", "Load demo data…", "tools", _demo),
    ActionSpec("settings", "설정…", "Settings…", "tools", _settings, "Ctrl+,"),
    ActionSpec("quit", "종료", "Quit", "file", lambda win: win.close(), "Ctrl+Q",
               needs_data=False),
    ActionSpec("open_logs", "로그 폴더 열기", "Open the log folder", "help", _open_logs),
    ActionSpec("about", "CampDesk 정보", "About CampDesk", "help", _about, needs_data=False),
):
    register(_spec)
