"""The Spaces dialogs: assign, move, move out, edit a space, add to the waiting list."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from campdesk.domain.choices import ASSIGNMENT_STATUS, SPACE_KIND
from campdesk.domain.dates import a_year_later
from campdesk.services import spaces
from campdesk.services.spaces import AssignmentView, RequestView, SpaceView
from campdesk.ui.core import fmt
from campdesk.ui.spaces.fields import CompanyCombo, DateEdit, FormDialog, OptionalDate
from campdesk.i18n import _
from campdesk.ui.widgets.bounded import BoundedLineEdit, show_value
from campdesk.ui.widgets.vocab_combo import VocabCombo


def _need_company(combo: CompanyCombo) -> str:
    company_id = combo.company_id
    if company_id is None:
        raise ValueError(_("목록에서 기업을 선택해 주세요."))
    return company_id


class AssignDialog(FormDialog):
    """``until``: the last free day before an upcoming booking (the end date then starts
    checked, on that day). ``request``: a waiting-list request being placed (dropped on the
    plan): its company is fixed, and the request is marked placed with the assignment."""

    def __init__(self, app, space: SpaceView, day: date, parent=None, until: date | None = None,
                 request: RequestView | None = None):
        super().__init__(app, _("공간 배정") + f" — {space.label}", parent)
        self.space, self.request = space, request
        self.company = CompanyCombo(app) if request is None \
            else QLineEdit(request.company, readOnly=True)
        self.starts = DateEdit(day)
        self.ends = OptionalDate(_("종료일"), until, a_year_later(day))
        self.status = QComboBox()
        for code in ("confirmed", "reserved"):
            self.status.addItem(fmt.label(ASSIGNMENT_STATUS, code), code)
        self.form.addRow(_("기업"), self.company)
        self.form.addRow(_("시작일"), self.starts)
        self.form.addRow("", self.ends)
        self.form.addRow(_("상태"), self.status)
        self.set_ok_text(_("배정"))
        self.finish_layout()

    def submit(self):
        if self.request is not None:
            return spaces.place_request, (self.request.id, self.space.id, self.starts.value(),
                                          self.ends.value(), self.status.currentData())
        return spaces.assign, (self.space.id, _need_company(self.company), self.starts.value(),
                               self.ends.value(), self.status.currentData())


class MoveDialog(FormDialog):
    """Move a tenant to another space on a day; a double booking is re-allocated whole."""

    def __init__(self, app, assignment: AssignmentView, targets: list[SpaceView], day: date,
                 parent=None):
        self.whole = assignment.status in ("conflict", "reserved")  # re-allocated whole
        title = _("재배정") if self.whole else _("다른 공간으로 이동")
        super().__init__(app, f"{title} — {assignment.company}", parent)
        self.assignment = assignment
        self.target = QComboBox()
        for v in targets:
            if v.id != assignment.space_id and v.kind != "meeting":
                self.target.addItem(v.label, v.id)
        self.on = DateEdit(day)
        self.form.addRow(_("현재 공간"), QLineEdit(assignment.space_label, readOnly=True))
        self.form.addRow(_("이동할 공간"), self.target)
        if not self.whole:
            self.form.addRow(_("이동일 (새 공간 첫날)"), self.on)
        self.set_ok_text(_("재배정") if self.whole else _("이동"))
        self.finish_layout()

    def submit(self):
        target = self.target.currentData()
        if target is None:
            raise ValueError(_("이동할 공간을 선택해 주세요."))
        if self.whole:
            return spaces.reallocate, (self.assignment.id, target)
        return spaces.move, (self.assignment.id, target, self.on.value())


class MoveOutDialog(FormDialog):
    def __init__(self, app, assignment: AssignmentView, day: date, parent=None):
        super().__init__(app, _("퇴실 처리") + f" — {assignment.company}", parent)
        self.assignment = assignment
        self.last_day = DateEdit(assignment.ends_on or day)
        self.form.addRow(_("공간"), QLineEdit(assignment.space_label, readOnly=True))
        self.form.addRow(_("마지막 입주일"), self.last_day)
        self.set_ok_text(_("퇴실 처리"))
        self.finish_layout()

    def submit(self):
        return spaces.move_out, (self.assignment.id, self.last_day.value())


class SpaceDialog(FormDialog):
    """Add a space (on a floor, optionally inside a room) or edit one."""

    def __init__(self, app, space: SpaceView | None, floor: int, rooms: list[SpaceView],
                 parent=None):
        super().__init__(app, _("공간 편집") if space else _("공간 추가"),
                         parent)
        self.space = space
        self.floor = QSpinBox(minimum=-5, maximum=99)
        show_value(self.floor, space.floor if space else floor)
        self.name = BoundedLineEdit("spaces", "name", space.name if space else "")
        self.kind = VocabCombo(SPACE_KIND)
        self.kind.set_code(space.kind if space else "office")
        self.parent_room = QComboBox()
        self.parent_room.addItem(_("(없음)"), None)
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
        for label, widget in ((_("층"), self.floor), (_("공간명"), self.name),
                              (_("유형"), self.kind),
                              (_("상위 공간"), self.parent_room),
                              (_("좌석 수"), self.capacity),
                              (_("면적"), self.area), (_("메모"), self.notes)):
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
        super().__init__(app, _("입주 대기 등록"), parent)
        self.company = CompanyCombo(app)
        self.kind = VocabCombo(SPACE_KIND, blank=_("상관없음"))
        self.desks = QSpinBox(minimum=0, maximum=200, value=1)
        self.area = QDoubleSpinBox(minimum=0, maximum=10000, decimals=1, suffix=" ㎡")
        self.wanted = DateEdit(day)
        self.notes = BoundedLineEdit("space_requests", "notes")
        for label, widget in ((_("기업"), self.company), (_("원하는 유형"), self.kind),
                              (_("좌석 수"), self.desks), (_("면적"), self.area),
                              (_("희망 입주일"), self.wanted),
                              (_("메모"), self.notes)):
            self.form.addRow(label, widget)
        self.set_ok_text(_("대기 등록"))
        self.finish_layout()

    def submit(self):
        return spaces.add_request, (_need_company(self.company), self.kind.code(),
                                    self.desks.value() or None, self.area.value() or None,
                                    self.wanted.value(), self.notes.text())
