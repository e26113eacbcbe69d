"""Every command of the main window, in one registry: text, shortcut, menu and handler.

A feature attaches itself with ``register(ActionSpec(...))``; the window builds its menus
from ``ACTIONS`` (and the "Go" menu from the page registry) without knowing the features.
Handlers take the main window and import what they open lazily, so start-up stays quick.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from campdesk.i18n import N_, _

if TYPE_CHECKING:
    from campdesk.ui.core.mainwindow import MainWindow

# Menu code → its title (translated where shown: ``menu_title``), in menu-bar order.
MENU_TITLES = {"file": N_("파일(&F)"), "go": N_("이동(&G)"), "tools": N_("도구(&T)"),
               "help": N_("도움말(&H)")}


def menu_title(code: str) -> str:
    return _(MENU_TITLES[code])


@dataclass(frozen=True)
class ActionSpec:
    key: str
    label: str  # the Korean text, marked N_("…"); shown through ``text()``
    menu: str
    run: Callable[[MainWindow], object]
    shortcut: str | None = None
    needs_data: bool = True  # while the data layer loads, the window runs it once ready

    def text(self) -> str:
        """The command's text in the current language."""
        return _(self.label)


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
    ActionSpec("log_consultation", N_("상담 기록…"), "file", _log, "Ctrl+N"),
    ActionSpec("new_company", N_("새 기업 등록…"), "file", _new_company, "Ctrl+Shift+N"),
    ActionSpec("find_company", N_("기업 찾기"), "file", _find, "Ctrl+F"),
    ActionSpec("import_consultations", N_("상담 기록 가져오기…"), "file", _import_consultations),
    ActionSpec("import_companies", N_("기업 목록 가져오기…"), "tools", _import),
    ActionSpec("import_mentors", N_("멘토단 가져오기…"), "tools", _import_mentors),
    ActionSpec("load_demo", N_("데모 데이터 불러오기…"), "tools", _demo),
    ActionSpec("settings", N_("설정…"), "tools", _settings, "Ctrl+,"),
    ActionSpec("quit", N_("끝내기"), "file", lambda win: win.close(), "Ctrl+Q",
               needs_data=False),
    ActionSpec("open_logs", N_("로그 폴더 열기"), "help", _open_logs),
    ActionSpec("about", N_("CampDesk 정보"), "help", _about, needs_data=False),
):
    register(_spec)
