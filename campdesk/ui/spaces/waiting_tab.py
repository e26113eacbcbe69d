"""The waiting list tab: who is asking for what, and which free spaces fit them today."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from campdesk.domain.choices import SPACE_KIND
from campdesk.domain.dates import today_seoul
from campdesk.services import spaces
from campdesk.services.spaces import FreeSpace, RequestView
from campdesk.ui.core import fmt
from campdesk.ui.spaces.dialogs import RequestDialog
from campdesk.ui.spaces import tables
from campdesk.ui.core.models.columns import Column
from campdesk.ui.spaces.tables import RowsTable
from campdesk.i18n import N_, _, ngettext


@dataclass(frozen=True)
class WaitingRow:
    request: RequestView
    fitting: list[tuple[str, int]]  # (a free space, or a room of free desks; desks) that fit

    @property
    def id(self) -> str:
        return self.request.id


def places(free: list[FreeSpace]) -> list[tuple[str, int]]:
    """Free desks counted per room, other spaces one by one, in the order given."""
    out: dict[str, int] = {}
    for f in free:
        key = f.room if f.room else f.space.label
        out[key] = out.get(key, 0) + (f.space.capacity or 1 if f.room else 0)
    return list(out.items())


def load_waiting(ctx, day: date) -> list[WaitingRow]:
    fits = {m.request.id: places(m.spaces) for m in spaces.matches(ctx, day)}
    return [WaitingRow(r, fits.get(r.id, [])) for r in spaces.list_requests(ctx)]


def _fitting_text(row: WaitingRow) -> str:
    if not row.fitting:
        return _("없음")
    shown = [name + (" " + ngettext("{n}석", "{n}석", n).format(n=n) if n else "")
             for name, n in row.fitting[:3]]
    more = len(row.fitting) - 3
    extra = ngettext(" 외 {n}곳", " 외 {n}곳", more).format(n=more) if more > 0 else ""
    return ", ".join(shown) + extra


COLUMNS = [
    Column("company", N_("기업"), lambda w: w.request.company),
    Column("kind", N_("원하는 유형"),
           lambda w: fmt.label(SPACE_KIND, w.request.kind) if w.request.kind else _("상관없음")),
    Column("desks", N_("좌석"), lambda w: fmt.number(w.request.desks),
           lambda w: w.request.desks or 0),
    Column("area_m", N_("면적(㎡)"), lambda w: fmt.number(w.request.area_m2),
           lambda w: w.request.area_m2 or 0),
    Column("wanted_from", N_("희망 입주일"), lambda w: fmt.day(w.request.wanted_from),
           lambda w: w.request.wanted_from or date.min),
    Column("free_spaces_that_fit_now", N_("지금 맞는 공실"), _fitting_text,
           lambda w: len(w.fitting)),
    Column("notes", N_("메모"), lambda w: w.request.notes or ""),
]
# Typical texts that size the columns.
WIDTHS = {0: tables.COMPANY, 1: "오픈데스크", 2: "좌석", 3: "면적(㎡)",  # i18n: data
          4: tables.DATE, 5: "3F 301호, 3F 302호, 3F 303호 외 9곳"}  # i18n: data


class WaitingTab(QWidget):
    changed = Signal(str)

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.summary = QLabel()
        self.table = RowsTable(COLUMNS, self, stretch_column=len(COLUMNS) - 1, widths=WIDTHS,
                               empty=N_("입주를 기다리는 기업이 없습니다. [대기 등록…]으로 "
                                        "추가하세요."))
        self.buttons = {k: QPushButton() for k in ("add", "placed", "withdrawn")}
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        for key, b in self.buttons.items():
            bar.addWidget(b)
        self.buttons["add"].clicked.connect(self._add)
        self.buttons["placed"].clicked.connect(lambda: self._set_status("placed"))
        self.buttons["withdrawn"].clicked.connect(lambda: self._set_status("withdrawn"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table.view, 1)
        self.table.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.rows: list[WaitingRow] = []
        self.retranslate()

    def retranslate(self) -> None:
        for key, text in (("add", _("대기 등록…")), ("placed", _("배정 완료")),
                          ("withdrawn", _("철회"))):
            self.buttons[key].setText(text)
        self.table.retranslate()
        self._summarise()

    def refresh(self) -> None:
        self.app.ops.run(load_waiting, self.app.ctx, today_seoul(), success=self._loaded,
                         key="space-waiting-list")

    def _loaded(self, rows: list[WaitingRow]) -> None:
        self.rows = rows
        self.table.set_rows(rows)
        self._summarise()
        self._enable()

    def _summarise(self) -> None:
        fitting = sum(1 for r in self.rows if r.fitting)
        n = len(self.rows)
        self.summary.setText(ngettext("대기 {n}개 기업 · 지금 맞는 공실이 있는 기업 {fitting}",
                                      "대기 {n}개 기업 · 지금 맞는 공실이 있는 기업 {fitting}", n)
                             .format(n=n, fitting=fitting))

    def _enable(self) -> None:
        chosen = self.table.current() is not None
        self.buttons["placed"].setEnabled(chosen)
        self.buttons["withdrawn"].setEnabled(chosen)

    def _add(self) -> None:
        if RequestDialog(self.app, today_seoul(), self).exec():
            self.changed.emit("space_requests")

    def _set_status(self, status: str) -> None:
        self.app.ops.run(spaces.set_request_status, self.app.ctx, self.table.current().request.id,
                         status, write=True, success=lambda _: self.changed.emit("space_requests"))
