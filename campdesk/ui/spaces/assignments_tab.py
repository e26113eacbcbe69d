"""The assignments tab: every assignment, filtered to the live ones, with the actions."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from campdesk.domain.choices import ASSIGNMENT_STATUS
from campdesk.domain.dates import today_seoul
from campdesk.services import spaces
from campdesk.services.spaces import AssignmentView
from campdesk.ui.core import fmt
from campdesk.ui.spaces.dialogs import MoveDialog, MoveOutDialog
from campdesk.ui.spaces import tables
from campdesk.ui.core.models.columns import Column
from campdesk.ui.spaces.tables import RowsTable
from campdesk.i18n import N_, _, pgettext

COLUMNS = [
    Column("space", N_("공간"), lambda a: a.space_label),
    Column("company", N_("기업"), lambda a: a.company),
    Column("from", N_("시작"), lambda a: fmt.day(a.starts_on), lambda a: a.starts_on),
    Column("to", lambda: pgettext("column", "종료"), lambda a: fmt.day(a.ends_on), lambda a: a.ends_on or date.max),
    Column("status", N_("상태"), lambda a: fmt.label(ASSIGNMENT_STATUS, a.status)),
    Column("notes", N_("메모"), lambda a: a.notes or ""),
]


def load_assignments(ctx):
    """Everything the tab shows, read off the UI thread."""
    return spaces.list_assignments(ctx), spaces.double_booked(ctx), spaces.list_spaces(ctx)


def is_live(a: AssignmentView, today: date) -> bool:
    return a.ends_on is None or a.ends_on >= today


class AssignmentsTab(QWidget):
    changed = Signal(str)

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.rows: list[AssignmentView] = []
        self.double: list[AssignmentView] = []
        self.all_spaces = []
        self.scope = QComboBox()
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # both languages
        self.table = RowsTable(COLUMNS, self, stretch_column=len(COLUMNS) - 1,
                               widths={0: tables.SPACE, 1: tables.COMPANY, 2: tables.DATE,
                                       3: tables.DATE, 4: tables.STATUS},
                               empty=N_("이 목록에 해당하는 배정이 없습니다."))
        self.buttons = {k: QPushButton() for k in ("move_in", "move_out", "move", "cancel")}
        bar = QHBoxLayout()
        bar.addWidget(self.scope)
        bar.addStretch(1)
        for key, b in self.buttons.items():
            bar.addWidget(b)
            b.clicked.connect(getattr(self, f"_{key}"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table.view, 1)
        self.scope.currentIndexChanged.connect(lambda _: self._show())
        self.table.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.retranslate()

    def retranslate(self) -> None:
        index = max(0, self.scope.currentIndex())
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItems([_("현재·예정 배정"), _("전체 이력"),
                             _("중복 배정 (재배정 필요)")])
        self.scope.setCurrentIndex(index)
        self.scope.blockSignals(False)
        for key, text in (("move_in", _("입주 처리")), ("move_out", _("퇴실…")),
                          ("move", _("이동…")), ("cancel", _("배정 취소"))):
            self.buttons[key].setText(text)
        self.table.retranslate()

    def refresh(self) -> None:
        self.app.ops.run(load_assignments, self.app.ctx, success=self._loaded,
                         key="space-assignments")

    def _loaded(self, result) -> None:
        self.rows, self.double, self.all_spaces = result
        self._show()

    def _show(self) -> None:
        today = today_seoul()
        scope = self.scope.currentIndex()
        rows = self.double if scope == 2 else self.rows if scope == 1 else \
            [a for a in self.rows if is_live(a, today)]
        self.table.set_rows(rows)
        self._enable()

    def _enable(self) -> None:
        a = self.table.current()
        self.buttons["move_in"].setEnabled(a is not None and a.status == "reserved")
        self.buttons["move_out"].setEnabled(a is not None and a.status != "reserved")
        for key in ("move", "cancel"):
            self.buttons[key].setEnabled(a is not None)

    def _done(self, *_):
        self.changed.emit("space_assignments")

    def _move_in(self) -> None:
        self.app.ops.run(spaces.move_in, self.app.ctx, self.table.current().id, write=True,
                         success=self._done)

    def _move_out(self) -> None:
        if MoveOutDialog(self.app, self.table.current(), today_seoul(), self).exec():
            self._done()

    def _move(self) -> None:
        if MoveDialog(self.app, self.table.current(), self.all_spaces, today_seoul(), self).exec():
            self._done()

    def _cancel(self) -> None:
        self.app.ops.run(spaces.cancel, self.app.ctx, self.table.current().id, write=True,
                         success=self._done)
