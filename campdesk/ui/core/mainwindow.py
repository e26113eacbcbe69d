"""The main window: navigation, the pages, menus from the action registry, a status bar.

Thin on purpose: pages come from ``pages.registry`` and are built when first shown;
commands come from ``actions.ACTIONS``; other features add status widgets through
``add_status_widget``.

It can start as a shell, ``MainWindow(None, paths=...)``: navigation, menus, status bar and
a "loading" note where the pages go, all without the data layer (no SQLAlchemy imported).
``attach(services, imported=key)`` connects it once the database is open and the first
page's module is imported: that page shows and loads its data; any other page chosen then
shows the "loading" note until ``pages_loaded()`` says every page module is in, and commands
that need data wait for it too. ``MainWindow(services)`` does it all at once.

The shell stays clear of the ``Qt`` namespace: its enums take ~40 ms to create, and even
``QAction.setShortcut`` makes them (``setShortcuts`` does not). The few uses below import
it (and ``QMessageBox``) where they run, once the data layer (which loads it anyway) is in.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QPushButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from campdesk.ui.core import actions
from campdesk.i18n import _, ngettext
from campdesk.ui.core.page import Page
from campdesk.ui.core.page_registry import PAGES, import_pages, page_info
from campdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from campdesk.paths import Paths
    from campdesk.ui.core.appservices import AppServices

BANNER_STYLE = "QFrame, QWidget#banner { background: #fff4e5; border-bottom: 1px solid #f0b35a; }"


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, app: AppServices | None, *, paths: Paths | None = None):
        super().__init__()
        self.app: AppServices | None = None  # None while the data layer loads (the shell)
        self.paths = app.ctx.paths if app is not None else paths
        self.setObjectName("main_window")
        self.page_types = PAGES
        self.pages: dict[str, Page] = {}
        self.nav_counts: dict[str, int] = {}  # shown beside a page's name (overdue, to check)
        self._actions: dict[str, QAction] = {}
        self._waiting: actions.ActionSpec | None = None  # asked for while loading
        self._ready_pages: set[str] | None = set()  # pages that can be built now; None: all
        self._on_built: dict[str, Callable[[Page], None]] = {}  # page asked for while loading
        self._build()
        self._build_menus()
        self._restore_geometry()
        self.retranslate()
        if app is not None:
            import_pages()  # now, as the start-up loader does: no later click waits for one
            self.attach(app)

    @property
    def whole(self) -> bool:
        """Attached, with every page module loaded: any page or command opens at once."""
        return self.app is not None and self._ready_pages is None

    def attach(self, app: AppServices, imported: str | None = None, first=None) -> None:
        """The database is open: connect to it and build the page chosen meanwhile.

        ``imported`` is the one page whose module is loaded so far (None: every page's);
        ``first`` what it shows first (its ``first_read``), if read already.
        """
        from PySide6.QtCore import Qt
        self.app = app
        self._ready_pages = None if imported is None else {imported}
        for spec in actions.ACTIONS:  # shortcuts also work in the dialogs from now on
            if spec.shortcut:
                self._actions[spec.key].setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        app.ops.failed.connect(self.show_error)
        app.ops.busy_changed.connect(lambda busy: self.busy.setVisible(busy))
        app.bus.staff_changed.connect(self._update_staff)
        app.bus.data_changed.connect(lambda table: table in ("staff", "*") and self._update_staff())
        app.bus.data_changed.connect(
            lambda table: table in ("consultations", "*") and self._count_overdue())
        # The overdue count comes with the start-up notice (``show_due``), then on changes.
        if imported is not None and first is not None:
            self.page(imported).show_first(first)  # before activate: nothing more to read
        self._on_nav(self.nav.currentRow())
        if imported is None:
            self.pages_loaded()

    def pages_loaded(self) -> None:
        """Every page module is loaded (after the first page showed its data): the page chosen
        meanwhile opens, with what it was asked to show; then the navigation's icons (the SVG
        reader costs time) and who is at this PC."""
        self._ready_pages = None
        if self.stack.currentWidget() is self.loading:
            self._on_nav(self.nav.currentRow())
        self._set_nav_icons()
        self._update_staff()

    def run_waiting(self) -> None:
        """Run the command asked for while loading (the latest one), once the start-up
        steps (who works here, the demo data offer) are done."""
        if self._waiting is not None and self.whole:
            spec, self._waiting = self._waiting, None
            self.statusBar().clearMessage()
            spec.run(self)

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(176)  # "Needs attention  12" with its icon, in English too
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }")
        for _page in self.page_types:
            self.nav.addItem(QListWidgetItem())
        self.stack = QStackedWidget()
        self.loading = QLabel()  # where the pages go, until the data layer is loaded
        self.loading.setObjectName("loading")
        self.loading.setStyleSheet("QLabel { qproperty-alignment: AlignCenter; color: palette(mid);"
                                   " font-size: 13pt; }")
        self.stack.addWidget(self.loading)
        self.page_title = QLabel()  # the page's name above it, as in the navigation
        self.page_title.setObjectName("page_title")
        self.page_title.setStyleSheet("QLabel#page_title { font-size: 15pt; font-weight: bold;"
                                      " padding: 8px 10px 0 10px; }")
        self.nav.currentRowChanged.connect(self._on_nav)
        self.banner = QWidget()
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner_text = QLabel()
        self.banner_button, self.banner_close = QPushButton(), QPushButton("✕")
        self.banner_button.clicked.connect(self._show_all_follow_ups)
        self.banner_close.setFlat(True)
        self.banner_close.clicked.connect(self.banner.hide)
        b = QHBoxLayout(self.banner)
        b.addWidget(self.banner_text, 1)
        b.addWidget(self.banner_button)
        b.addWidget(self.banner_close)
        self.banner.hide()
        self._due = (0, 0)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.setSpacing(0)
        rv.addWidget(self.banner)
        rv.addWidget(self.page_title)
        rv.addWidget(self.stack, 1)
        central = QWidget()
        h = QHBoxLayout(central)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(0)
        h.addWidget(self.nav)
        h.addWidget(right, 1)
        self.setCentralWidget(central)
        self.staff_label = QLabel()
        self.staff_label.setObjectName("staff_label")
        self.busy = QLabel()
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.staff_label)

    def _build_menus(self) -> None:
        self._menus = {code: self.menuBar().addMenu("") for code in actions.MENU_TITLES}
        for spec in actions.ACTIONS:
            action = QAction(self)
            action.setObjectName(f"action_{spec.key}")
            if spec.shortcut:
                action.setShortcuts([QKeySequence(spec.shortcut)])  # not setShortcut: see above
            action.triggered.connect(lambda _=False, s=spec: self._run_action(s))
            self._menus[spec.menu].addAction(action)
            self._actions[spec.key] = action
        for number, info in enumerate(self.page_types, start=1):
            action = QAction(self)
            if number <= 9:
                action.setShortcuts([QKeySequence(f"Ctrl+{number}")])
            action.triggered.connect(lambda _=False, key=info.key: self.show_page(key))
            self._menus["go"].addAction(action)
            self._actions[f"go_{info.key}"] = action

    def action(self, key: str) -> QAction:
        return self._actions[key]

    def _run_action(self, spec: actions.ActionSpec) -> None:
        if not self.whole and spec.needs_data:
            self._waiting = spec
            self.statusBar().showMessage(_("아직 불러오는 중입니다. 준비되면 바로 엽니다."))
            return
        spec.run(self)

    def retranslate(self) -> None:
        self.setWindowTitle(_("CampDesk — 광주 AI창업캠프"))
        for code in actions.MENU_TITLES:
            self._menus[code].setTitle(actions.menu_title(code))
        for spec in actions.ACTIONS:
            self._actions[spec.key].setText(spec.text())
        for row, info in enumerate(self.page_types):
            self._actions[f"go_{info.key}"].setText(info.title())
        self._show_nav_texts()
        self.loading.setText(_("불러오는 중…"))
        self.busy.setText(_("작업 중…"))
        self.banner_button.setText(_("후속조치 보기"))
        self._show_due_text()
        self._update_staff()
        self._rebuild_untranslated_pages()

    def _rebuild_untranslated_pages(self) -> None:
        """Pages that cannot redo their texts in place (not ``Retranslating``) are built
        again in the new language; the one on screen comes back at once."""
        stale = [key for key, page in self.pages.items() if not isinstance(page, Retranslating)]
        for key in stale:
            page = self.pages.pop(key)
            self.stack.removeWidget(page)
            page.deleteLater()
        if self.nav_key() in stale:
            self._on_nav(self.nav.currentRow())

    # --- pages ------------------------------------------------------------------------------
    def show_page(self, key: str) -> Page | None:
        """Go to a page; None while its module loads (the "loading" note shows)."""
        row = next(i for i, info in enumerate(self.page_types) if info.key == key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # calls _on_nav
        return self.pages.get(key)

    def on_page(self, key: str, then: Callable[[Page], None]) -> None:
        """Go to a page and ``then(page)``: at once, or once it is built if still loading."""
        page = self.show_page(key)
        if page is not None:
            then(page)
        else:
            self._on_built[key] = then

    def page(self, key: str) -> Page:
        """The page object, built now if it was never shown (only once attached)."""
        if key not in self.pages:
            page = page_info(key).page_class()(self.app)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def nav_key(self) -> str | None:
        """The page chosen in the navigation (shown, or to be shown once loaded)."""
        row = self.nav.currentRow()
        return self.page_types[row].key if row >= 0 else None

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def _show_nav_texts(self) -> None:
        """Page names, with a count where something waits: overdue follow-ups, records to
        check; the page title follows the chosen page."""
        tips = {"followups": lambda n: ngettext("기한 지난 후속조치(전체) {n}건",
                                                "기한 지난 후속조치(전체) {n}건", n).format(n=n),
                "attention": lambda n: ngettext("확인할 항목 {n}건", "확인할 항목 {n}건", n)
                .format(n=n)}
        for row, info in enumerate(self.page_types):
            n = self.nav_counts.get(info.key, 0)
            item = self.nav.item(row)
            item.setText(f"{info.title()}  {n}" if n else info.title())
            item.setToolTip(tips[info.key](n) if n and info.key in tips else "")
        row = self.nav.currentRow()
        self.page_title.setText(self.page_types[row].title() if row >= 0 else "")

    def set_nav_count(self, key: str, n: int) -> None:
        if self.nav_counts.get(key, 0) != n:
            self.nav_counts[key] = n
            self._show_nav_texts()

    def _set_nav_icons(self) -> None:
        from PySide6.QtCore import QSize
        from PySide6.QtGui import QIcon

        from campdesk import icons
        from PySide6.QtCore import Qt
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row, info in enumerate(self.page_types):
            if info.key in icons.NAMES:
                self.nav.item(row).setIcon(QIcon(str(icons.icon_path(info.key))))

    def _count_overdue(self) -> None:
        from campdesk.services import consultations
        self.app.ops.run(consultations.count_due, self.app.ctx, key="window.overdue",
                         success=lambda due: self.set_nav_count("followups", due[1]))

    def _on_nav(self, row: int) -> None:
        if row >= 0:
            self.page_title.setText(self.page_types[row].title())
        if row < 0 or self.app is None:
            return
        key = self.page_types[row].key
        if key not in self.pages and self._ready_pages is not None \
                and key not in self._ready_pages:
            self.stack.setCurrentWidget(self.loading)  # built once its module is loaded
            return
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        page.activate()
        then = self._on_built.pop(key, None)
        if then is not None:
            then(page)

    def current_company(self) -> str | None:
        page = self.current_page()
        return page.current_company() if page is not None and hasattr(page, "current_company") \
            else None

    # --- status -----------------------------------------------------------------------------
    def add_status_widget(self, widget: QWidget) -> None:
        """For features such as the sync state: a permanent widget at the right."""
        self.statusBar().insertPermanentWidget(0, widget)

    def _update_staff(self) -> None:
        if not self.whole:
            return  # once every page is loaded: not before the first page's data
        from campdesk.services import staff
        self.app.ops.run(staff.list_staff, self.app.ctx, key="window.staff",
                         success=self._show_staff)

    def _show_staff(self, people) -> None:
        staff_id = self.app.ctx.staff_id
        name = next((p.name for p in people if p.id == staff_id), None)
        self.staff_label.setText(_("이 PC: {0}").format(name) if name
                                 else _("이 PC 사용자 미지정"))

    def show_due(self, due_today: int, overdue: int) -> None:
        """The start-up notice: follow-ups due today and overdue."""
        self._due = (due_today, overdue)
        self.set_nav_count("followups", overdue)
        self._show_due_text()
        self.banner.setVisible(bool(due_today or overdue))

    def _show_due_text(self) -> None:
        due, overdue = self._due
        self.banner_text.setText(_("후속조치(전체): 오늘 기한 {0}건, 기한 지남 {1}건")
                                 .format(due, overdue))

    def _show_all_follow_ups(self) -> None:
        self.on_page("followups", lambda page: page.show_scope("all"))

    def show_error(self, message: str) -> None:
        """The one place where failures nobody handled are shown."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox
        self.statusBar().showMessage(message, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, _("오류"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()

    # --- geometry ---------------------------------------------------------------------------
    def _qsettings(self) -> QSettings:
        return QSettings(str(self.paths.home / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        s = self._qsettings()
        geometry = s.value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._first_size()
        key = s.value("main/page", self.page_types[0].key)
        self._start_page = key if any(i.key == key for i in self.page_types) \
            else self.page_types[0].key

    def _first_size(self) -> None:
        """The first start: 1280×800, or maximised on a small screen (1366×768 laptops)."""
        from PySide6.QtCore import Qt
        screen = self.screen().availableGeometry()
        self.resize(min(1280, screen.width()), min(800, screen.height()))
        if screen.width() < 1400 or screen.height() < 850:
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def start(self) -> None:
        """Show the window on the page used last."""
        self.show()
        self.show_page(self._start_page)

    def closeEvent(self, event) -> None:  # noqa: N802
        from campdesk.ui.widgets.unsaved import ask_discard, unsaved_dialogs
        open_forms = unsaved_dialogs()
        if open_forms:  # something typed in an open dialog: asked first, never lost silently
            event.ignore()
            if not any(d.asking() for d in open_forms):
                def discard_all() -> None:
                    for d in open_forms:
                        d.discard_quietly()
                    self.close()
                open_forms[0]._question = ask_discard(open_forms[0], discard_all)
            return
        s = self._qsettings()
        s.setValue("main/geometry", self.saveGeometry())
        if self.nav_key() is not None:
            s.setValue("main/page", self.nav_key())
        s.sync()
        super().closeEvent(event)
