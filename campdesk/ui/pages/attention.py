"""Needs attention: what sync merged that a person must look at, each with its resolution.

Value conflicts (both values; restore the one that lost), possible duplicate companies
(merge: children re-pointed), double-booked spaces (choose who keeps it), rows deleted while
edited elsewhere (bring back), records pointing at a deleted one (unlink) and changes the
hub refused (quarantined; dismiss).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from campdesk.domain.field_labels import field_label
from campdesk.sync import attention
from campdesk.ui import fmt
from campdesk.ui.i18n import t
from campdesk.ui.pages.base import Page
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.tables import data_table


KIND_TEXT = {
    "value": ("값 충돌", "Value conflict"),
    "deleted": ("삭제와 수정 충돌", "Deleted while edited"),
    "duplicate": ("중복 기업 의심", "Possible duplicate"),
    "double_booking": ("공간 중복 배정", "Double-booked space"),
    "orphan": ("삭제된 기업을 가리킴", "Points at a deleted record"),
    "rejected": ("허브가 거부한 변경", "Change refused by the hub"),
    "unstorable": ("이 PC에 저장할 수 없는 허브 기록", "Hub record this PC cannot store"),
}
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def describe(item: attention.AttentionItem) -> str:
    if item.kind == "value":
        return t("{0}: 남은 값 «{1}», 밀린 값 «{2}»", "{0}: kept «{1}», lost «{2}»").format(
            t(*field_label(item.table, item.field)), item.winner_value, item.loser_value)
    if item.kind in ("duplicate", "double_booking"):
        return t("«{0}» ↔ «{1}»", "«{0}» ↔ «{1}»").format(item.row_label, item.other_label)
    if item.kind == "orphan":
        return t("{0} 필드가 삭제된 기록을 가리킵니다", "field {0} points at a deleted record").format(
            t(*field_label(item.table, item.field)))
    return item.detail or ""


class AttentionPage(Retranslating, Page):
    key = "attention"

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self.items: list[attention.AttentionItem] = []
        self.model = QStandardItemModel(0, 4, self)
        self.view = data_table(self.model, self, sortable=False, stretch_column=2)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.empty = QLabel()
        self.buttons = {name: QPushButton() for name in (
            "restore", "recreate", "merge", "keep_this", "keep_other", "unlink", "dismiss")}
        row = QHBoxLayout()
        for name, button in self.buttons.items():
            button.setObjectName(f"attention_{name}")
            button.clicked.connect(lambda _=False, n=name: self._act(n))
            row.addWidget(button)
        row.addStretch(1)
        v = QVBoxLayout(self)
        v.addWidget(self.empty)
        v.addWidget(self.view, 1)
        v.addLayout(row)
        app.hub.data_changed.connect(lambda _table: self.refresh())
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels([
            t("종류", "Kind"), t("대상", "Record"), t("내용", "Details"), t("생긴 때", "When")])
        texts = {"restore": ("밀린 값으로 되돌리기", "Restore lost value"),
                 "recreate": ("다시 만들기", "Bring back"),
                 "merge": ("하나로 합치기", "Merge into the other"),
                 "keep_this": ("이 배정 유지", "Keep this one"),
                 "keep_other": ("다른 배정 유지", "Keep the other"),
                 "unlink": ("연결 끊기", "Unlink"),
                 "dismiss": ("확인함(그대로 두기)", "Dismiss")}
        for name, (ko, en) in texts.items():
            self.buttons[name].setText(t(ko, en))
        self.empty.setText(t("확인할 항목이 없습니다.", "Nothing needs attention."))
        self._fill()

    # -- loading -----------------------------------------------------------------------
    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.app.ops.run(attention.open_items, self.app.ctx.db, success=self._loaded,
                         key="attention")

    def _loaded(self, items: list[attention.AttentionItem]) -> None:
        self.items = items
        self._fill()

    def _fill(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for item in self.items:
            cells = [QStandardItem(t(*KIND_TEXT.get(item.kind, (item.kind, item.kind)))),
                     QStandardItem(item.row_label), QStandardItem(describe(item)),
                     QStandardItem(fmt.moment(item.created_at))]
            cells[0].setData(item, ITEM_ROLE)
            self.model.appendRow(cells)
        self.empty.setVisible(not self.items)
        self._update_buttons()

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
        self.app.ops.run(fn, *args, write=True, success=lambda _r: self.app.hub.changed())


PAGE = AttentionPage
