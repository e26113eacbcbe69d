"""Where a company sits and has sat: a panel for the company detail view."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from campdesk.domain.choices import ASSIGNMENT_STATUS
from campdesk.domain.dates import today_seoul
from campdesk.domain.occupancy import OCCUPYING
from campdesk.services import spaces
from campdesk.services.spaces import AssignmentView
from campdesk.ui.core import fmt
from campdesk.ui.spaces.tables import DATE, STATUS, RowsTable
from campdesk.i18n import N_, _, pgettext
from campdesk.ui.core.models.columns import Column
from campdesk.ui.widgets.retranslate import Retranslating

COLUMNS = [
    Column("space", N_("공간"), lambda a: a.space_label),
    Column("from", N_("시작"), lambda a: fmt.day(a.starts_on), lambda a: a.starts_on),
    Column("to", lambda: pgettext("column", "종료"),
           lambda a: fmt.day(a.ends_on), lambda a: a.ends_on or date.max),
    Column("status", N_("상태"), lambda a: fmt.label(ASSIGNMENT_STATUS, a.status)),
]
TABLES = {"spaces", "space_assignments", "*"}


def current_places(rows: list[AssignmentView], today: date) -> list[AssignmentView]:
    """The assignments the company sits in today, and those reserved for later."""
    return [a for a in rows if a.status in OCCUPYING + ("reserved",)
            and (a.ends_on is None or a.ends_on >= today)]


def describe_places(rows: list[AssignmentView], today: date) -> str:
    now = [a for a in current_places(rows, today) if a.starts_on <= today]
    later = [a for a in current_places(rows, today) if a.starts_on > today]
    parts = []
    for a in now:
        until = fmt.day(a.ends_on) if a.ends_on else _("종료일 미정")
        parts.append(_("현재 {0} 입주 ({1} – {2})")
                     .format(a.space_label, fmt.day(a.starts_on), until))
    for a in later:
        parts.append(_("{0} 입주 예정 ({1}부터)")
                     .format(a.space_label, fmt.day(a.starts_on)))
    return "\n".join(parts) or _("현재 입주한 공간이 없습니다.")


class CompanySpaces(Retranslating, QWidget):
    def __init__(self, app, company_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.company_id = app, company_id
        self.rows: list[AssignmentView] = []
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.now = QLabel(wordWrap=True)
        self.table = RowsTable(COLUMNS, self, stretch_column=0,
                               widths={1: DATE, 2: DATE, 3: STATUS},
                               empty=N_("이 기업의 입주 기록이 없습니다. 입주공간 페이지에서 "
                                        "배정하세요."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.now)
        layout.addWidget(self.table.view, 1)
        app.bus.data_changed.connect(lambda table: table in TABLES and self.refresh())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.heading.setText(_("입주 공간"))
        self.table.retranslate()
        self._show(self.rows)

    def refresh(self) -> None:
        self.app.ops.run(spaces.list_assignments, self.app.ctx, company_id=self.company_id,
                         success=self._show, key=f"company-spaces-{self.company_id}")

    def _show(self, rows: list[AssignmentView]) -> None:
        self.rows = rows
        self.now.setText(describe_places(rows, today_seoul()))
        self.table.set_rows(rows)
