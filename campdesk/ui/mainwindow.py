"""The main window: navigation, the pages, menus from the action registry, a status bar.

Thin on purpose: pages come from ``pages.registry`` and are built when first shown;
commands come from ``actions.ACTIONS``; other features add status widgets through
``add_status_widget``.
"""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QPushButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from campdesk.services import staff
from campdesk.ui import actions
from campdesk.ui.appservices import AppServices
from campdesk.ui.i18n import t
from campdesk.ui.pages.base import Page
from campdesk.ui.pages.registry import page_classes
from campdesk.ui.widgets.retranslate import Retranslating

BANNER_STYLE = "QFrame, QWidget#banner { background: #fff4e5; border-bottom: 1px solid #f0b35a; }"


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, app: AppServices, page_modules: list[str] | None = None):
        super().__init__()
        self.app = app
        self.setObjectName("main_window")
        self.page_types = page_classes(page_modules)
        self.pages: dict[str, Page] = {}
        self._actions: dict[str, QAction] = {}
        self._build()
        self._build_menus()
        self._restore_geometry()
        self.retranslate()
        app.ops.failed.connect(self.show_error)
        app.ops.busy_changed.connect(lambda busy: self.busy.setVisible(busy))
        app.hub.staff_changed.connect(self._update_staff)
        app.hub.data_changed.connect(lambda table: table in ("staff", "*") and self._update_staff())

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }")
        for cls in self.page_types:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, cls.key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
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
        self._menus = {code: self.menuBar().addMenu("") for code in actions.MENUS}
        for spec in actions.ACTIONS:
            action = QAction(self)
            action.setObjectName(f"action_{spec.key}")
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
                action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(lambda _=False, s=spec: s.run(self))
            self._menus[spec.menu].addAction(action)
            self._actions[spec.key] = action
        for number, cls in enumerate(self.page_types, start=1):
            action = QAction(self)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, key=cls.key: self.show_page(key))
            self._menus["go"].addAction(action)
            self._actions[f"go_{cls.key}"] = action

    def action(self, key: str) -> QAction:
        return self._actions[key]

    def retranslate(self) -> None:
        self.setWindowTitle(t("CampDesk — 광주 AI창업캠프", "CampDesk — AI Startup Camp Gwangju"))
        for code, (ko, en) in actions.MENUS.items():
            self._menus[code].setTitle(t(ko, en))
        for spec in actions.ACTIONS:
            self._actions[spec.key].setText(t(spec.ko, spec.en))
        for row, cls in enumerate(self.page_types):
            self.nav.item(row).setText(cls.title())
            self._actions[f"go_{cls.key}"].setText(cls.title())
        self.busy.setText(t("작업 중…", "Working…"))
        self.banner_button.setText(t("후속조치 보기", "Show follow-ups"))
        self._show_due_text()
        self._update_staff()

    # --- pages ------------------------------------------------------------------------------
    def show_page(self, key: str) -> Page:
        row = next(i for i, cls in enumerate(self.page_types) if cls.key == key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # calls _on_nav
        return self.pages[key]

    def page(self, key: str) -> Page:
        """The page object, built now if it was never shown."""
        if key not in self.pages:
            cls = next(c for c in self.page_types if c.key == key)
            page = cls(self.app)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(self.page_types[row].key)
        self.stack.setCurrentWidget(page)
        page.activate()

    def current_company(self) -> str | None:
        page = self.current_page()
        return page.current_company() if page is not None and hasattr(page, "current_company") \
            else None

    # --- status -----------------------------------------------------------------------------
    def add_status_widget(self, widget: QWidget) -> None:
        """For features such as the sync state: a permanent widget at the right."""
        self.statusBar().insertPermanentWidget(0, widget)

    def _update_staff(self) -> None:
        self.app.ops.run(staff.list_staff, self.app.ctx, key="window.staff",
                         success=self._show_staff)

    def _show_staff(self, people) -> None:
        staff_id = self.app.ctx.staff_id
        name = next((p.name for p in people if p.id == staff_id), None)
        self.staff_label.setText(t("이 PC: {0}", "At this PC: {0}").format(name) if name
                                 else t("이 PC 사용자 미지정", "Nobody set at this PC"))

    def show_due(self, due_today: int, overdue: int) -> None:
        """The start-up notice: follow-ups due today and overdue."""
        self._due = (due_today, overdue)
        self._show_due_text()
        self.banner.setVisible(bool(due_today or overdue))

    def _show_due_text(self) -> None:
        due, overdue = self._due
        self.banner_text.setText(t("후속조치(전체): 오늘 기한 {0}건, 기한 지남 {1}건",
                                   "Follow-ups (everyone's): {0} due today, {1} overdue")
                                 .format(due, overdue))

    def _show_all_follow_ups(self) -> None:
        page = self.show_page("followups")
        if hasattr(page, "show_scope"):
            page.show_scope("all")

    def show_error(self, message: str) -> None:
        """The one place where failures nobody handled are shown."""
        self.statusBar().showMessage(message, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, t("오류", "Error"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()

    # --- geometry ---------------------------------------------------------------------------
    def _qsettings(self) -> QSettings:
        return QSettings(str(self.app.ctx.paths.home / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        s = self._qsettings()
        geometry = s.value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._first_size()
        key = s.value("main/page", self.page_types[0].key)
        self._start_page = key if any(c.key == key for c in self.page_types) \
            else self.page_types[0].key

    def _first_size(self) -> None:
        """The first start: 1280×800, or maximised on a small screen (1366×768 laptops)."""
        screen = self.screen().availableGeometry()
        self.resize(min(1280, screen.width()), min(800, screen.height()))
        if screen.width() < 1400 or screen.height() < 850:
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def start(self) -> None:
        """Show the window on the page used last."""
        self.show()
        self.show_page(self._start_page)

    def closeEvent(self, event) -> None:  # noqa: N802
        s = self._qsettings()
        s.setValue("main/geometry", self.saveGeometry())
        page = self.current_page()
        if page is not None:
            s.setValue("main/page", page.key)
        s.sync()
        super().closeEvent(event)
