"""The Spaces page: the floor plan, assignments, the waiting list and occupancy, as tabs;
plus the inventory tools (add a space, import a spreadsheet, print the free-spaces guide)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from campdesk.services import space_import
from campdesk.ui.spaces.assignments_tab import AssignmentsTab
from campdesk.ui.spaces.dialogs import SpaceDialog
from campdesk.ui.spaces.occupancy_tab import OccupancyTab
from campdesk.ui.spaces.view import FloorPlanPanel
from campdesk.ui.spaces.waiting_tab import WaitingTab
from campdesk.ui.companies.company_detail import register_tab
from campdesk.ui.companies.company_spaces import CompanySpaces
from campdesk.i18n import N_, _, ngettext
from campdesk.ui.core.page import Page
from campdesk.ui.widgets.retranslate import Retranslating


TABLES = {"spaces", "space_assignments", "space_requests", "companies", "*"}
TAB_TITLES = (N_("도면"), N_("배정"), N_("입주 대기"), N_("점유 현황"))


def write_guide(ctx, day, path: str) -> str:
    """Render the free-spaces guide and save it (on a worker)."""
    from campdesk.reports.free_spaces import free_spaces_pdf

    Path(path).write_bytes(free_spaces_pdf(ctx, day))
    return path


class SpacesPage(Retranslating, Page):
    key = "spaces"

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self.plan = FloorPlanPanel(app)
        self.assignments = AssignmentsTab(app)
        self.waiting = WaitingTab(app)
        self.occupancy = OccupancyTab(app)
        self.tabs = QTabWidget()
        for tab in (self.plan, self.assignments, self.waiting, self.occupancy):
            self.tabs.addTab(tab, "")
            if hasattr(tab, "changed"):
                tab.changed.connect(self._wrote)
        self._dirty = set(range(self.tabs.count()))
        self.tabs.currentChanged.connect(lambda _: self._refresh_visible())
        self.tool = {k: QPushButton() for k in ("add", "import", "guide")}
        self.tool["add"].clicked.connect(self._add_space)
        self.tool["import"].clicked.connect(self._import)
        self.tool["guide"].clicked.connect(self._guide)
        bar = QHBoxLayout()
        bar.addStretch(1)
        for button in self.tool.values():
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bar)
        app.bus.data_changed.connect(self._on_data_changed)
        self.retranslate()

    def retranslate(self) -> None:
        for i, title in enumerate(TAB_TITLES):
            self.tabs.setTabText(i, _(title))
        self.tool["add"].setText(_("공간 추가…"))
        self.tool["import"].setText(_("공간 목록 가져오기…"))
        self.tool["guide"].setText(_("공실 안내문 PDF…"))
        for tab in (self.plan, self.assignments, self.waiting, self.occupancy):
            tab.retranslate()

    # --- Page contract -------------------------------------------------------------
    def activate(self) -> None:
        self._refresh_visible()

    def refresh(self) -> None:
        self._dirty = set(range(self.tabs.count()))
        if self.isVisible():
            self._refresh_visible()

    def _refresh_visible(self) -> None:
        index = self.tabs.currentIndex()
        if index in self._dirty:
            self._dirty.discard(index)
            self.tabs.widget(index).refresh()

    def _on_data_changed(self, table: str) -> None:
        if table in TABLES:
            self.refresh()

    def _wrote(self, table: str) -> None:
        self.app.bus.changed(table)

    # --- inventory tools -----------------------------------------------------------
    def _add_space(self) -> None:
        rooms = [v for v in self.plan.data.all_spaces if v.parent_id is None
                 and v.kind in ("open_desk", "office", "other")]
        dialog = SpaceDialog(self.app, None, self.plan.floor() or 1, rooms, self)
        if dialog.exec():
            self._wrote("spaces")

    def _import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("공간 목록 가져오기"), "",
                                              "CSV / Excel (*.csv *.xlsx)")
        if path:
            self.app.ops.run(space_import.import_spaces, self.app.ctx, path, write=True,
                             success=self._imported)

    def _imported(self, report) -> None:
        self._wrote("spaces")
        lines = [ngettext("추가 {created} · 수정 {updated} · 변경 없음 {unchanged} · 거부 {n}행",
                          "추가 {created} · 수정 {updated} · 변경 없음 {unchanged} · 거부 {n}행",
                          report.rejected_rows).format(
            created=report.created, updated=report.updated, unchanged=report.unchanged,
            n=report.rejected_rows)]
        lines += [_("{row}행 [{column}] {reason}").format(row=r.row_no, column=r.column,
                                                        reason=r.reason)
                  for r in report.rejected[:20]]
        QMessageBox.information(self, _("가져오기 결과"), "\n".join(lines))

    def _guide(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("공실 안내문 저장"),
                                              "free-spaces.pdf", "PDF (*.pdf)")
        if path:
            self.app.ops.run(write_guide, self.app.ctx, self.plan.day.value(), path,
                             success=self._guide_saved)

    def _guide_saved(self, path: str) -> None:
        QMessageBox.information(self, _("공실 안내문"),
                                _("저장했습니다: {0}").format(path))


PAGE = SpacesPage
# The company view shows where the company sits and has sat.
# (Korean, English) as register_tab takes them; the English from the catalog.
SPACE_TAB = N_("입주공간")
register_tab(SPACE_TAB, CompanySpaces)
