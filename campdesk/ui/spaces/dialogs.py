"""The Spaces dialogs: assign, move, move out, edit a space, add to the waiting list."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from campdesk.domain.choices import ASSIGNMENT_STATUS, SPACE_KIND
from campdesk.services import spaces
from campdesk.services.spaces import AssignmentView, SpaceView
from campdesk.ui.core import fmt
from campdesk.ui.spaces.fields import CompanyCombo, DateEdit, FormDialog, OptionalDate
from campdesk.ui.core.i18n import t
from campdesk.ui.widgets.bounded import BoundedLineEdit, show_value
from campdesk.ui.widgets.vocab_combo import VocabCombo


def _need_company(combo: CompanyCombo) -> str:
    company_id = combo.company_id
    if company_id is None:
        raise ValueError(t("목록에서 기업을 선택해 주세요.", "Choose a company from the list."))
    return company_id


class AssignDialog(FormDialog):
    """``until``: the last free day before an upcoming booking (the end date then starts
    checked, on that day)."""

    def __init__(self, app, space: SpaceView, day: date, parent=None, until: date | None = None):
        super().__init__(app, t("공간 배정", "Assign space") + f" — {space.label}", parent)
        self.space = space
        self.company = CompanyCombo(app)
        self.starts = DateEdit(day)
        self.ends = OptionalDate(t("종료일", "End date"), until, day.replace(year=day.year + 1))
        self.status = QComboBox()
        for code in ("confirmed", "reserved"):
            self.status.addItem(fmt.label(ASSIGNMENT_STATUS, code), code)
        self.form.addRow(t("기업", "Company"), self.company)
        self.form.addRow(t("시작일", "Start date"), self.starts)
        self.form.addRow("", self.ends)
        self.form.addRow(t("상태", "Status"), self.status)
        self.set_ok_text(t("배정", "Assign"))
        self.finish_layout()

    def submit(self):
        return spaces.assign, (self.space.id, _need_company(self.company), self.starts.value(),
                               self.ends.value(), self.status.currentData())


class MoveDialog(FormDialog):
    """Move a tenant to another space on a day; a double booking is re-allocated whole."""

    def __init__(self, app, assignment: AssignmentView, targets: list[SpaceView], day: date,
                 parent=None):
        self.whole = assignment.status in ("conflict", "reserved")  # re-allocated whole
        title = t("재배정", "Re-allocate") if self.whole else t("다른 공간으로 이동", "Move to another space")
        super().__init__(app, f"{title} — {assignment.company}", parent)
        self.assignment = assignment
        self.target = QComboBox()
        for v in targets:
            if v.id != assignment.space_id and v.kind != "meeting":
                self.target.addItem(v.label, v.id)
        self.on = DateEdit(day)
        self.form.addRow(t("현재 공간", "Now in"), QLineEdit(assignment.space_label, readOnly=True))
        self.form.addRow(t("이동할 공간", "Move to"), self.target)
        if not self.whole:
            self.form.addRow(t("이동일 (새 공간 첫날)", "Moving day (first day there)"), self.on)
        self.set_ok_text(t("재배정", "Re-allocate") if self.whole else t("이동", "Move"))
        self.finish_layout()

    def submit(self):
        target = self.target.currentData()
        if target is None:
            raise ValueError(t("이동할 공간을 선택해 주세요.", "Choose the space to move to."))
        if self.whole:
            return spaces.reallocate, (self.assignment.id, target)
        return spaces.move, (self.assignment.id, target, self.on.value())


class MoveOutDialog(FormDialog):
    def __init__(self, app, assignment: AssignmentView, day: date, parent=None):
        super().__init__(app, t("퇴실 처리", "Move out") + f" — {assignment.company}", parent)
        self.assignment = assignment
        self.last_day = DateEdit(assignment.ends_on or day)
        self.form.addRow(t("공간", "Space"), QLineEdit(assignment.space_label, readOnly=True))
        self.form.addRow(t("마지막 입주일", "Last day in the space"), self.last_day)
        self.set_ok_text(t("퇴실 처리", "Move out"))
        self.finish_layout()

    def submit(self):
        return spaces.move_out, (self.assignment.id, self.last_day.value())


class SpaceDialog(FormDialog):
    """Add a space (on a floor, optionally inside a room) or edit one."""

    def __init__(self, app, space: SpaceView | None, floor: int, rooms: list[SpaceView],
                 parent=None):
        super().__init__(app, t("공간 편집", "Edit space") if space else t("공간 추가", "Add space"),
                         parent)
        self.space = space
        self.floor = QSpinBox(minimum=-5, maximum=99)
        show_value(self.floor, space.floor if space else floor)
        self.name = BoundedLineEdit("spaces", "name", space.name if space else "")
        self.kind = VocabCombo(SPACE_KIND)
        self.kind.set_code(space.kind if space else "office")
        self.parent_room = QComboBox()
        self.parent_room.addItem(t("(없음)", "(none)"), None)
        for r in rooms:
            self.parent_room.addItem(r.label, r.id)
        self.parent_room.setCurrentIndex(max(0, self.parent_room.findData(
            space.parent_id if space else None)))
        self.parent_room.setEnabled(space is None)
        self.capacity = QSpinBox(minimum=0, maximum=500)
        show_value(self.capacity, (space.capacity or 0) if space else 1)
        self.area = QDoubleSpinBox(minimum=0, maximum=10000, decimals=1, suffix=" ㎡")
        show_value(self.area, (space.area_m2 or 0) if space else 0)
        self.notes = BoundedLineEdit("spaces", "notes", (space.notes or "") if space else "")
        for label, widget in ((t("층", "Floor"), self.floor), (t("공간명", "Name"), self.name),
                              (t("유형", "Kind"), self.kind),
                              (t("상위 공간", "Inside room"), self.parent_room),
                              (t("좌석 수", "Desks"), self.capacity),
                              (t("면적", "Area"), self.area), (t("메모", "Notes"), self.notes)):
            self.form.addRow(label, widget)
        self.finish_layout()

    def submit(self):
        raw = {"floor": self.floor.value(), "name": self.name.text(), "kind": self.kind.code(),
               "capacity": self.capacity.value(), "area_m2": self.area.value() or None,
               "notes": self.notes.text()}
        if self.space:
            return spaces.update_space, (self.space.id, raw)
        return spaces.create_space, (raw, self.parent_room.currentData())


class RequestDialog(FormDialog):
    """Put a company on the waiting list."""

    def __init__(self, app, day: date, parent=None):
        super().__init__(app, t("입주 대기 등록", "Add to the waiting list"), parent)
        self.company = CompanyCombo(app)
        self.kind = VocabCombo(SPACE_KIND, blank=t("상관없음", "Any"))
        self.desks = QSpinBox(minimum=0, maximum=200, value=1)
        self.area = QDoubleSpinBox(minimum=0, maximum=10000, decimals=1, suffix=" ㎡")
        self.wanted = DateEdit(day)
        self.notes = BoundedLineEdit("space_requests", "notes")
        for label, widget in ((t("기업", "Company"), self.company), (t("원하는 유형", "Kind"), self.kind),
                              (t("좌석 수", "Desks"), self.desks), (t("면적", "Area"), self.area),
                              (t("희망 입주일", "Wanted from"), self.wanted),
                              (t("메모", "Notes"), self.notes)):
            self.form.addRow(label, widget)
        self.set_ok_text(t("대기 등록", "Add"))
        self.finish_layout()

    def submit(self):
        return spaces.add_request, (_need_company(self.company), self.kind.code(),
                                    self.desks.value() or None, self.area.value() or None,
                                    self.wanted.value(), self.notes.text())
