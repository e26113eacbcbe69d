"""The side panel of the floor plan: the clicked space, its current tenant, its history,
who is waiting for it, and the actions on it."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from campdesk.domain.choices import ASSIGNMENT_STATUS, SPACE_KIND
from campdesk.services import spaces
from campdesk.services.spaces import AssignmentView, PlanSpace
from campdesk.ui.core import fmt
from campdesk.ui.spaces import colours
from campdesk.ui.spaces.dialogs import AssignDialog, MoveDialog, MoveOutDialog, SpaceDialog
from campdesk.ui.core.models.columns import Column
from campdesk.ui.spaces.tables import PERIOD, RowsTable
from campdesk.i18n import N_, _, ngettext

def period(a: AssignmentView) -> str:
    """``2026. 3. 1. – 2026. 12. 31.``, or ``2026. 3. 1. –`` while open-ended."""
    return f"{fmt.day(a.starts_on)} – {fmt.day(a.ends_on)}".rstrip()


# Three columns: the side panel is at most 400 pixels wide.
HISTORY_COLUMNS = [
    Column("company", N_("기업"), lambda a: a.company),
    Column("period", N_("기간"), period, lambda a: (a.starts_on, a.ends_on or date.max)),
    Column("status", N_("상태"), lambda a: fmt.label(ASSIGNMENT_STATUS, a.status)),
]


def describe_space(p: PlanSpace) -> str:
    v = p.space
    bits = [v.label, fmt.label(SPACE_KIND, v.kind)]
    if v.capacity:
        bits.append(ngettext("{n}석", "{n}석", v.capacity).format(n=v.capacity))
    if v.area_m2:
        bits.append(f"{fmt.number(v.area_m2)} ㎡")
    return " · ".join(bits)


def describe_tenant(p: PlanSpace) -> str:
    if p.upcoming:
        return _("공실 · 예약: {0}, {1}부터 (그 전까지만 배정할 수 있습니다)").format(
                     p.next_tenant, fmt.day(p.next_starts_on))
    if not p.tenant:
        return colours.state_label(p.state)
    until = fmt.day(p.ends_on) if p.ends_on else _("종료일 미정")
    text = f"{colours.state_label(p.state)}: {p.tenant} ({fmt.day(p.starts_on)} – {until})"
    if p.second_tenant:
        text += "\n" + _("중복: {0} — 재배정이 필요합니다") \
            .format(p.second_tenant)
    return text


class SpaceDetails(QWidget):
    changed = Signal(str)  # the table written to from here

    def __init__(self, app, day_getter, spaces_getter, parent=None):
        super().__init__(parent)
        self.app, self._day, self._spaces = app, day_getter, spaces_getter
        self.plan: PlanSpace | None = None
        self.history: list[AssignmentView] = []
        self.title = QLabel(wordWrap=True)
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.tenant = QLabel(wordWrap=True)
        self.waiting = QLabel(wordWrap=True)
        self.table = RowsTable(HISTORY_COLUMNS, self, stretch_column=0,
                               widths={1: PERIOD, 2: "In conflict"},  # the widest status
                               empty=N_("이 공간의 배정 이력이 없습니다."))
        self.buttons = {key: QPushButton() for key in ("assign", "move_in", "move_out", "move",
                                                        "edit", "archive")}
        for key, button in self.buttons.items():
            button.clicked.connect(getattr(self, f"_{key}"))
        layout = QVBoxLayout(self)
        for w in (self.title, self.tenant, self.waiting):
            layout.addWidget(w)
        rows = [QHBoxLayout(), QHBoxLayout()]
        for i, button in enumerate(self.buttons.values()):
            rows[i // 3].addWidget(button)
        for r in rows:
            layout.addLayout(r)
        self.history_label = QLabel()
        layout.addWidget(self.history_label)
        layout.addWidget(self.table.view, 1)
        self.retranslate()
        self.show_space(None)

    def retranslate(self) -> None:
        texts = {"assign": _("배정…"), "move_in": _("입주 처리"),
                 "move_out": _("퇴실…"), "move": _("이동…"),
                 "edit": _("공간 편집…"), "archive": _("공간 삭제…")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.history_label.setText(_("배정 이력"))
        self.table.retranslate()
        self.table.say_when_empty(self.plan is not None)
        if self.plan is None:
            self.title.setText(_("도면에서 공간을 선택하세요."))
        else:  # the chosen space in the new language too, not only once another is clicked
            self.title.setText(describe_space(self.plan))
            self.tenant.setText(describe_tenant(self.plan))

    def show_space(self, plan: PlanSpace | None) -> None:
        self.plan = plan
        self.history = []
        self.table.set_rows([])
        self.table.say_when_empty(plan is not None)
        self.waiting.hide()
        self.tenant.setVisible(plan is not None)
        if plan is None:
            self.retranslate()
        else:
            self.title.setText(describe_space(plan))
            self.tenant.setText(describe_tenant(plan))
            self.app.ops.run(spaces.list_assignments, self.app.ctx, space_id=plan.space.id,
                             success=self._show_history, key="space-history")
            if plan.state == "free" and not plan.has_children:
                self.app.ops.run(spaces.matches, self.app.ctx, self._day(), {plan.space.id},
                                 success=self._show_waiting, key="space-waiting")
        self._enable()

    def _show_history(self, rows: list[AssignmentView]) -> None:
        self.history = rows
        self.table.set_rows(rows)
        self._enable()

    def _show_waiting(self, found) -> None:
        names = ", ".join(m.request.company for m in found[:5])
        self.waiting.setText(_("이 공간에 맞는 대기 기업: {0}").format(names))
        self.waiting.setVisible(bool(found))

    def current(self) -> AssignmentView | None:
        """The assignment that explains today's state: the one the actions apply to."""
        p = self.plan
        if p is None or not p.tenant_id:
            return None
        return next((a for a in self.history if a.company_id == p.tenant_id
                     and a.starts_on == p.starts_on and a.space_id == p.space.id), None)

    def _enable(self) -> None:
        p, a = self.plan, self.current()
        assignable = p is not None and p.space.kind != "meeting"
        self.buttons["assign"].setEnabled(assignable)
        self.buttons["edit"].setEnabled(p is not None)
        self.buttons["archive"].setEnabled(p is not None and a is None)
        self.buttons["move_in"].setEnabled(a is not None and a.status == "reserved")
        self.buttons["move_out"].setEnabled(a is not None and a.status != "reserved")
        self.buttons["move"].setEnabled(a is not None)
        whole = a is not None and a.status in ("conflict", "reserved")
        self.buttons["move"].setText(_("재배정…") if whole else _("이동…"))

    # --- actions -------------------------------------------------------------------
    def _open(self, dialog, table: str = "space_assignments") -> None:
        if dialog.exec():
            self.changed.emit(table)

    def _assign(self) -> None:
        p = self.plan
        until = p.next_starts_on - timedelta(days=1) if p.upcoming else None
        self._open(AssignDialog(self.app, p.space, self._day(), self, until=until))

    def _move_in(self) -> None:
        self.app.ops.run(spaces.move_in, self.app.ctx, self.current().id, write=True,
                         success=lambda _: self.changed.emit("space_assignments"))

    def _move_out(self) -> None:
        self._open(MoveOutDialog(self.app, self.current(), self._day(), self))

    def _move(self) -> None:
        self._open(MoveDialog(self.app, self.current(), self._spaces(), self._day(), self))

    def _archive(self) -> None:
        question = _("{0}을(를) 목록에서 뺄까요? 배정 이력은 남습니다. 안에 있는 좌석도 함께 빠집니다.")
        answer = QMessageBox.question(self, _("공간 삭제"),
                                      question.format(self.plan.space.label))
        if answer == QMessageBox.StandardButton.Yes:
            self.app.ops.run(spaces.archive_space, self.app.ctx, self.plan.space.id, write=True,
                             success=lambda _: self.changed.emit("spaces"))

    def _edit(self) -> None:
        rooms = [v for v in self._spaces() if v.parent_id is None]
        self._open(SpaceDialog(self.app, self.plan.space, self.plan.space.floor, rooms, self),
                   "spaces")
