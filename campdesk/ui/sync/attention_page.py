"""Needs attention: what sync merged that a person must look at, each with its resolution.

Value conflicts (both values; restore the one that lost), possible duplicate companies
(merge: children re-pointed), double-booked spaces (choose who keeps it), rows deleted while
edited elsewhere (bring back), records pointing at a deleted one (unlink) and changes the
hub refused (quarantined; dismiss).

Each item says who made each value, on which PC and when (the value that stayed and the one
that lost), what to fix when the hub refused a change or this PC cannot store a hub record,
and tells records apart: the whole name and a company's business number in the tooltips.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from campdesk.i18n import N_, NP_, _
from campdesk.services.attention import Entry, Record, open_entries
from campdesk.domain.field_labels import field_label
from campdesk.sync import attention
from campdesk.ui.core import fmt
from campdesk.ui.core.page import Page
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.tables import data_table


KIND_TEXT = {
    "value": N_("값 충돌"),
    "deleted": N_("삭제와 수정 충돌"),
    "duplicate": N_("중복 기업 의심"),
    "double_booking": N_("공간 중복 배정"),
    "orphan": N_("삭제된 기업을 가리킴"),
    "rejected": N_("허브가 거부한 변경"),
    "unstorable": N_("이 PC에 저장할 수 없는 허브 기록"),
}


def kind_name(kind: str) -> str:
    return _(KIND_TEXT[kind]) if kind in KIND_TEXT else kind


# What one record of each table is called ("Company"), translated where shown.
RECORD_NAMES = {
    "companies": NP_("record", "기업"),
    "contacts": NP_("record", "담당자"),
    "consultations": NP_("record", "상담"),
    "staff": NP_("record", "직원"),
    "spaces": NP_("record", "공간"),
    "space_assignments": NP_("record", "공간 배정"),
    "space_requests": NP_("record", "입주 신청"),
    "mentors": NP_("record", "멘토"),
    "mentorings": NP_("record", "멘토링"),
    "mentoring_sessions": NP_("record", "멘토링 회차"),
    "job_seekers": NP_("record", "구직자"),
    "job_matches": NP_("record", "채용 매칭"),
    "mentoring_programmes": NP_("record", "멘토링 프로그램"),
    "job_openings": NP_("record", "채용 공고"),
    "events": NP_("record", "행사"),
    "event_attendance": NP_("record", "행사 참석"),
    "questionnaires": NP_("record", "설문"),
    "questionnaire_responses": NP_("record", "설문 응답"),
    "agencies": NP_("record", "기관"),
    "programmes": NP_("record", "지원사업"),
    "programme_supports": NP_("record", "사업 지원"),
    "public_calls": NP_("record", "공고"),
}


def table_name(table: str) -> str:
    """What one record of ``table`` is ("Company"), in the current language."""
    return _(RECORD_NAMES[table]) if table in RECORD_NAMES else table


ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
CUT = 40  # characters of a value or a name shown in a cell; the tooltip has all of it


def cut(text: Any, limit: int = CUT) -> str:
    text = shown(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def shown(value: Any) -> str:
    if value is None or value == "":
        return _("(비어 있음)")
    return str(value)


def name_of(record: Record, item: attention.AttentionItem | None = None) -> str:
    """The record's whole name; for one this PC does not have, what it is and its id."""
    if record.name:
        return record.name
    what = table_name(record.table)
    return f"{what} {item.row_label if item is not None else f'({record.row_id[:8]}…)'}"


def _named(record: Record | None, limit: int | None = CUT) -> str:
    if record is None:
        return ""
    name = cut(name_of(record), limit) if limit else name_of(record)
    return f"«{name}» ({record.business_no})" if record.business_no else f"«{name}»"


def details(entry: Entry, limit: int | None = CUT) -> list[str]:
    """The lines of the details column (``limit=None``: whole, for the tooltip)."""
    item = entry.item
    clip = (lambda v: cut(v, limit)) if limit else shown
    lines: list[str] = []
    if item.kind == "value":
        lines.append(_("{0}: 남은 값 «{1}», 밀린 값 «{2}»").format(
            field_label(item.table, item.field).label(), clip(item.winner_value),
            clip(item.loser_value)))
        if item.winner_from:
            lines.append(_("남은 값: {0}").format(item.winner_from))
        if item.loser_from:
            lines.append(_("밀린 값: {0}").format(item.loser_from))
    elif item.kind == "deleted":
        lines.append(_("한 PC에서 삭제하는 동안 다른 PC에서 수정했습니다"))
        if item.winner_from:
            lines.append(_("삭제: {0}").format(item.winner_from))
        if item.loser_from:
            lines.append(_("수정: {0}").format(item.loser_from))
    elif item.kind in ("duplicate", "double_booking"):
        lines.append(f"{_named(entry.record, limit)} ↔ {_named(entry.other, limit)}")
    elif item.kind == "orphan":
        lines.append(_("{0} 필드가 삭제된 기록을 가리킵니다").format(
            field_label(item.table, item.field).label()))
    elif item.kind in ("rejected", "unstorable"):
        lines.append(item.advice or item.detail or "")
        if item.kind == "rejected" and item.loser_from:
            lines.append(_("보낸 PC: {0}").format(item.loser_from))
        if limit is None and item.detail and item.advice and item.detail not in item.advice:
            lines.append(_("허브가 밝힌 이유: {0}").format(item.detail))
    else:
        lines.append(item.detail or "")
    return lines


def record_tip(record: Record, item: attention.AttentionItem | None = None) -> str:
    lines = [f"{table_name(record.table)}: {name_of(record, item)}"]
    if record.business_no:
        lines.append(_("사업자등록번호 {0}").format(record.business_no))
    if record.company:
        lines.append(_("기업: {0}").format(record.company))
    return "\n".join(lines)


class AttentionPage(Retranslating, Page):
    key = "attention"

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self.entries: list[Entry] = []
        self._focus: str | None = None  # the item to select once listed
        self.model = QStandardItemModel(0, 4, self)
        self.view = data_table(self.model, self, sortable=False, stretch_column=2)
        self.view.setWordWrap(True)  # a value conflict says who made each value: 3 lines
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.explain = QLabel()  # what this page is, in one line
        self.explain.setObjectName("attention_explain")
        self.explain.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setObjectName("attention_empty")
        self.empty.setStyleSheet("QLabel { color: #2e7d32; font-size: 11pt; padding: 12px 0; }")
        self.buttons = {name: QPushButton() for name in (
            "restore", "recreate", "merge", "keep_this", "keep_other", "unlink", "dismiss")}
        row = QHBoxLayout()
        for name, button in self.buttons.items():
            button.setObjectName(f"attention_{name}")
            button.clicked.connect(lambda _=False, n=name: self._act(n))
            row.addWidget(button)
        row.addStretch(1)
        v = QVBoxLayout(self)
        v.addWidget(self.explain)
        v.addWidget(self.empty)
        v.addWidget(self.view, 1)
        v.addLayout(row)
        v.addStretch(0)
        app.bus.data_changed.connect(lambda _table: self.refresh())
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels([
            _("종류"), _("대상"), _("내용"), _("생긴 때")])
        texts = {"restore": _("사라진 값 되살리기"),
                 "recreate": _("삭제된 기록 되살리기"),
                 "merge": _("두 기업을 하나로 합치기"),
                 "keep_this": _("이 배정 남기기"),
                 "keep_other": _("다른 배정 남기기"),
                 "unlink": _("없는 기록과의 연결 지우기"),
                 "dismiss": _("지금 그대로 두기")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.explain.setText(_("두 PC에서 같은 기록을 거의 동시에 바꿔서 한쪽 값이 밀린 경우입니다. "
                               "항목을 고르고 아래 단추로 어느 쪽을 남길지 정하세요."))
        self.empty.setText(_("✓ 확인할 것이 없습니다. 두 PC가 같은 기록을 동시에 바꾸면 여기에 "
                             "나타납니다."))
        self._fill()
        if self.entries:  # the advice of each item was read in the language before
            self.refresh()

    # -- loading -----------------------------------------------------------------------
    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.app.ops.run(open_entries, self.app.ctx, success=self._loaded, key="attention")

    @property
    def items(self) -> list[attention.AttentionItem]:
        return [e.item for e in self.entries]

    def _loaded(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._fill()

    def _fill(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for entry in self.entries:
            item = entry.item
            kind = kind_name(item.kind)
            cells = [QStandardItem(kind), QStandardItem(cut(name_of(entry.record, item))),
                     QStandardItem("\n".join(details(entry))),
                     QStandardItem(fmt.moment(item.created_at))]
            cells[0].setData(item, ITEM_ROLE)
            cells[0].setToolTip(kind)
            cells[1].setToolTip(record_tip(entry.record, item)
                                + (f"\n↔ {record_tip(entry.other)}" if entry.other else ""))
            cells[2].setToolTip("\n".join(details(entry, limit=None)))
            cells[3].setToolTip(cells[3].text())
            for cell in cells:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.model.appendRow(cells)
        self.empty.setVisible(not self.entries)
        self.view.setVisible(bool(self.entries))  # nothing to check: the sentence says so
        for button in self.buttons.values():
            button.setVisible(bool(self.entries))
        self._fit_columns()
        self._select_focus()
        self._update_buttons()

    def focus_item(self, conflict_id: str) -> None:
        """Select one item (a form's "see it in Needs attention"), now or once loaded."""
        self._focus = conflict_id
        self._select_focus()

    def _select_focus(self) -> None:
        row = next((r for r, e in enumerate(self.entries) if e.item.id == self._focus), None)
        if row is not None:
            self._focus = None
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _fit_columns(self) -> None:
        """Kind, record and time as narrow as they read well; the details take the rest
        (a 1366×768 laptop shows a value conflict's three lines unwrapped)."""
        metrics = self.view.fontMetrics()
        widths = {0: max(metrics.horizontalAdvance(_("삭제와 수정 충돌")),
                         metrics.horizontalAdvance(_("종류"))) + 24,
                  1: metrics.horizontalAdvance("빛고을인공지능연구소 주식회사") + 24,  # i18n: data
                  3: metrics.horizontalAdvance("2026. 12. 31. 23:59") + 24}
        for column, width in widths.items():
            self.view.setColumnWidth(column, width)

    # -- resolving ---------------------------------------------------------------------
    def current(self) -> attention.AttentionItem | None:
        index = self.view.currentIndex()
        return index.siblingAtColumn(0).data(ITEM_ROLE) if index.isValid() else None

    def _update_buttons(self, *_args) -> None:
        item = self.current()
        kind = item.kind if item else None
        allowed = {"restore": kind == "value", "recreate": kind == "deleted",
                   "merge": kind == "duplicate", "keep_this": kind == "double_booking",
                   "keep_other": kind == "double_booking", "unlink": kind == "orphan",
                   "dismiss": item is not None}
        for name, ok in allowed.items():
            self.buttons[name].setEnabled(ok)

    def _act(self, name: str) -> None:
        item = self.current()
        if item is None:
            return
        db, by = self.app.ctx.db, self.app.ctx.staff_id
        actions = {
            "restore": (attention.restore_value, db, item.id, by),
            "recreate": (attention.recreate_deleted, db, item.id, by),
            # the flagged (later) company merges into the one that was there first
            "merge": (attention.merge_companies, db, item.other_id, item.row_id, by),
            "keep_this": (attention.keep_assignment, db, item.id, item.row_id, by),
            "keep_other": (attention.keep_assignment, db, item.id, item.other_id, by),
            "unlink": (attention.unlink_orphan, db, item.id, by),
            "dismiss": (attention.dismiss, db, item.id, by),
        }
        fn, *args = actions[name]
        self.app.ops.run(fn, *args, write=True, success=lambda _r: self.app.bus.changed())


PAGE = AttentionPage
