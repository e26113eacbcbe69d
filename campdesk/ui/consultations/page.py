"""The consultation log: every consultation, newest first, searched and filtered in the
database (a model over ids: 200,000 rows cost a list of ids, rows are read when shown)."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from campdesk.domain.choices import CHANNEL
from campdesk.domain.dates import today_seoul
from campdesk.services import consultations
from campdesk.services.dashboard import month_start, seoul_start
from campdesk.ui.core import fmt
from campdesk.i18n import N_, _, ngettext
from campdesk.ui.consultations import consultation_columns as cc
from campdesk.ui.core.models.lazy import LazyRowsModel
from campdesk.ui.core.models.rows import ROW_ROLE
from campdesk.ui.core.page import Page
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.search_box import SearchBox
from campdesk.ui.widgets.tables import data_table, fit_columns, selected_id
from campdesk.ui.widgets.vocab_combo import VocabCombo
from campdesk.ui.widgets.icon import give_icon


# Period code → (its name, translated where shown; how far back from today in days;
# None = everything)
PERIODS = [("30d", N_("최근 30일"), 30), ("today", N_("오늘"), None),
           ("month", N_("이번 달"), None),
           ("1y", N_("최근 1년"), 365), ("all", N_("전체 기간"), None)]
SEARCH_DELAY_MS = 200


class ConsultationsPage(Retranslating, Page):
    key = "consultations"

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self._order = ("occurred_at", True)
        self._loaded = False
        self.model = LazyRowsModel(cc.LOG, self._fetch, self, tone=cc.tone)
        self.model.sort_requested.connect(self._on_sort)
        self.search = SearchBox()
        self.search.setObjectName("log_search")
        self._delay = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS, timeout=self.refresh)
        self.search.search_changed.connect(lambda _: self._delay.start())
        self.period = QComboBox()
        self.period.currentIndexChanged.connect(lambda _: self.refresh())
        self.channel = VocabCombo(CHANNEL, blank="")
        self.channel.currentIndexChanged.connect(lambda _: self.refresh())
        self.count = QLabel()
        self.buttons = {k: QPushButton() for k in ("new", "edit", "link", "register")}
        self.buttons["new"].clicked.connect(self._new)
        give_icon(self.buttons["new"], "new")
        self.buttons["edit"].clicked.connect(self._edit)
        self.buttons["link"].clicked.connect(self._link)
        self.buttons["register"].clicked.connect(self._register)
        self.table = data_table(self.model, self, stretch_column=4)
        self.table.setObjectName("log_table")
        self.search.set_results(self.table)
        self.table.doubleClicked.connect(lambda _: self._edit())
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # show "newest first" without asking for a reload
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.blockSignals(False)
        self._layout()
        self.retranslate()
        app.bus.data_changed.connect(self._on_data_changed)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.period, 1)
        bar.addWidget(self.channel, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.count, 1)
        for key in ("link", "register", "edit", "new"):
            foot.addWidget(self.buttons[key])
        v = QVBoxLayout(self)
        v.addLayout(bar)
        v.addWidget(self.table, 1)
        v.addLayout(foot)
        widest = {0: "2026. 11. 25. 14:05", 1: "주식회사 빛고을인공지능", 2: "오픈채팅",  # i18n: data
                  3: "자금·공모사업", 5: "책임상담사 이관 · 홍길동", 6: "홍길동", 7: "120분"}  # i18n: data
        fit_columns(self.table, widest)

    def retranslate(self) -> None:
        index = max(self.period.currentIndex(), 0)
        self.period.blockSignals(True)
        self.period.clear()
        for code, name, _span in PERIODS:
            self.period.addItem(_(name), code)
        self.period.setCurrentIndex(index)
        self.period.blockSignals(False)
        self.search.setPlaceholderText(_("상담 내용, 답변, 기업명, 문의자로 찾기"))
        self.channel.retranslate(_("모든 경로"))
        labels = {"new": _("상담 기록 (Ctrl+N)"),
                  "edit": _("수정·이력…"),
                  "link": _("기업에 연결…"),
                  "register": _("문의자를 기업으로 등록…")}
        for key, text in labels.items():
            self.buttons[key].setText(text)
        self.model.retranslate()
        self._update_count()

    # --- data -------------------------------------------------------------------------------
    def _fetch(self, ids: list[str]):
        return consultations.get_views(self.app.ctx, ids)

    def _since(self):
        code = self.period.currentData() or "30d"
        days = next(p[2] for p in PERIODS if p[0] == code)
        today = today_seoul()
        if code == "month":
            return seoul_start(month_start(today))
        if code == "today":
            return seoul_start(today)
        return seoul_start(today - timedelta(days=days)) if days else None

    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def show_period(self, code: str) -> None:
        """Today's consultations (the dashboard card), this month's, …"""
        self.period.setCurrentIndex(self.period.findData(code))

    def refresh(self) -> None:
        order, descending = self._order
        self.app.ops.run(consultations.log_ids, self.app.ctx, self.search.text(),
                         since=self._since(), channel=self.channel.code(), order=order,
                         descending=descending, key="log.ids", success=self._on_ids)

    def _on_ids(self, ids) -> None:
        self._loaded = True
        self.model.set_ids(ids)
        self._update_count()

    def _on_sort(self, key: str, descending: bool) -> None:
        if key in consultations.LOG_ORDER:
            self._order = (key, descending)
            self.refresh()

    def _on_data_changed(self, table: str) -> None:
        if self._loaded and table in ("consultations", "companies", "*"):
            self.refresh()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count.setText(ngettext("{n}건", "{n}건", n)
                           .format(n=fmt.number(n)))  # (fmt.number: 1,234)
        if not self._loaded:
            self.table.set_empty_text("")
        elif self.search.text().strip() or self.channel.code():
            self.table.set_empty_text(_("결과 없음 — 다른 말로 찾거나 기간을 넓혀 보세요."))
        else:
            self.table.set_empty_text(_("이 기간의 상담이 없습니다. [상담 기록 (Ctrl+N)]으로 "
                                        "기록하세요."))

    # --- actions ----------------------------------------------------------------------------
    def _current(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _new(self) -> None:
        from campdesk.ui.consultations.consultation_dialog import open_log_dialog
        open_log_dialog(self.app, self)

    def _edit(self) -> None:
        consultation_id = selected_id(self.table)
        if consultation_id:
            from campdesk.ui.consultations.consultation_dialog import open_log_dialog
            open_log_dialog(self.app, self, consultation_id=consultation_id)

    def _link(self) -> None:
        row = self._current()
        if row is not None:
            from campdesk.ui.consultations.link_dialog import open_link_dialog
            open_link_dialog(self.app, self, row)

    def _register(self) -> None:
        """Turn an unregistered caller into a company, then link the consultation to it."""
        row = self._current()
        if row is None or row.company_id:
            return
        from campdesk.ui.companies.new_company_dialog import open_new_company
        preset = {"name": row.caller_org or row.caller_name, "phone": row.caller_phone,
                  "representative": None}
        open_new_company(self.app, self, preset=preset,
                         on_open=lambda company_id: self.app.ops.run(
                             consultations.link_to_company, self.app.ctx, row.id, company_id,
                             write=True, success=lambda _: self.app.bus.changed("consultations")))


PAGE = ConsultationsPage
