"""Open follow-ups and escalations, soonest due first: mine or everyone's, closed with a
resolution note, or passed to a senior consultant."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from campdesk.domain.dates import today_seoul
from campdesk.services import consultations
from campdesk.ui.core import fmt
from campdesk.i18n import N_, NP_, _
from campdesk.ui.consultations import consultation_columns as cc
from campdesk.ui.core.models.rows import ROW_ROLE, RowsModel
from campdesk.ui.core.page import Page
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.tables import data_table, fit_columns


# (code, name translated where shown)
STATUSES = [("open", N_("진행 중 전체")), ("follow_up", N_("후속조치")),
            ("escalated", NP_("outcome", "책임상담사 이관")), ("due_today", N_("오늘 기한")),
            ("overdue", N_("기한 지남"))]
SCOPES = [("mine", N_("내 담당")), ("all", N_("모두"))]


def keep(view, status: str, today) -> bool:
    if status == "overdue":
        return view.is_overdue(today)
    if status == "due_today":
        return view.due_on == today
    return status == "open" or view.outcome == status


class FollowUpsPage(Retranslating, Page):
    key = "followups"

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self._loaded = False
        self._all: list = []
        self.model = RowsModel(cc.FOLLOW_UPS, self, tone=cc.tone)
        self.scope, self.status = QComboBox(), QComboBox()
        self.scope.setObjectName("scope")
        self.status.setObjectName("status")
        self.scope.currentIndexChanged.connect(lambda _: self.refresh())
        self.status.currentIndexChanged.connect(lambda _: self._apply())
        self.summary = QLabel()
        self.buttons = {k: QPushButton() for k in ("resolve", "escalate", "edit")}
        for key, w in self.buttons.items():
            w.setObjectName(key)
        self.buttons["resolve"].clicked.connect(self.resolve_current)
        self.buttons["escalate"].clicked.connect(self.escalate_current)
        self.buttons["edit"].clicked.connect(self._edit)
        self.table = data_table(self.model, self, sortable=False, stretch_column=4)
        self.table.setObjectName("followups_table")
        self.table.doubleClicked.connect(lambda _: self._edit())
        for keys, handler in (("Return", self._edit), ("Ctrl+Return", self.resolve_current),
                              ("Ctrl+E", self.escalate_current)):
            QShortcut(QKeySequence(keys), self.table, handler,
                      context=Qt.ShortcutContext.WidgetShortcut)
        bar = QHBoxLayout()
        bar.addWidget(self.scope)
        bar.addWidget(self.status)
        bar.addWidget(self.summary, 1)
        foot = QHBoxLayout()
        foot.addStretch(1)
        for key in ("edit", "escalate", "resolve"):
            foot.addWidget(self.buttons[key])
        v = QVBoxLayout(self)
        v.addLayout(bar)
        v.addWidget(self.table, 1)
        v.addLayout(foot)
        fit_columns(self.table, {0: "2026. 11. 25.", 1: "책임상담사 이관 · 홍길동 (기한 지남)",  # i18n: data
                                 2: "주식회사 빛고을인공지능", 3: "자금·공모사업",  # i18n: data
                                 5: "홍길동", 6: "2026. 11. 25. 14:05"})  # i18n: data
        self.retranslate()
        app.bus.data_changed.connect(self._on_data_changed)
        app.bus.staff_changed.connect(self.refresh)

    def _fill(self, combo: QComboBox, items) -> None:
        index = max(combo.currentIndex(), 0)
        combo.blockSignals(True)
        combo.clear()
        for code, name in items:
            combo.addItem(_(name), code)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def retranslate(self) -> None:
        self._fill(self.scope, SCOPES)
        self._fill(self.status, STATUSES)
        self.buttons["resolve"].setText(_("처리 완료… (Ctrl+Enter)"))
        self.buttons["escalate"].setText(_("책임상담사 이관… (Ctrl+E)"))
        self.buttons["edit"].setText(_("열기 (Enter)"))
        self.model.retranslate()
        self._update_summary()

    # --- data -------------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        mine = self.app.ctx.staff_id if self.scope.currentData() == "mine" else None
        self.app.ops.run(consultations.list_follow_ups, self.app.ctx, mine, key="followups",
                         success=self._on_rows)

    def show_scope(self, scope: str) -> None:
        """"mine" or "all" (the start-up notice counts everyone's)."""
        self.scope.setCurrentIndex(self.scope.findData(scope))

    def show_filter(self, scope: str, status: str) -> None:
        """A dashboard card's list: everyone's, open / due today / overdue."""
        self.status.setCurrentIndex(self.status.findData(status))
        self.show_scope(scope)

    def _on_rows(self, rows) -> None:
        self._loaded = True
        self._all = rows
        self._apply()

    def _apply(self) -> None:
        today, status = today_seoul(), self.status.currentData() or "open"
        self.model.set_rows([v for v in self._all if keep(v, status, today)])
        self._update_summary()
        self.table.set_empty_text(
            _("진행 중인 후속조치가 없습니다. 상담을 '후속조치'나 '책임상담사 이관'으로 기록하면 여기에 "
              "모입니다.") if not self._all else
            _("결과 없음 — 위의 목록 상자에서 다른 상태를 골라 보세요."))

    def _update_summary(self) -> None:
        today = today_seoul()
        overdue = sum(1 for v in self._all if v.is_overdue(today))
        due = sum(1 for v in self._all if v.due_on == today)
        self.summary.setText(_("{0}건 · 오늘 기한 {1}건 · 기한 지남 {2}건")
                             .format(fmt.number(len(self._all)), fmt.number(due), fmt.number(overdue)))

    def _on_data_changed(self, table: str) -> None:
        if self._loaded and table in ("consultations", "staff", "*"):
            self.refresh()

    # --- actions ----------------------------------------------------------------------------
    def current(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def resolve_current(self):
        view = self.current()
        if view is not None:
            from campdesk.ui.followups.followup_dialogs import ResolveDialog
            return ResolveDialog.start(self.app, self, view)
        return None

    def escalate_current(self):
        view = self.current()
        if view is not None:
            from campdesk.ui.followups.followup_dialogs import EscalateDialog
            return EscalateDialog.start(self.app, self, view)
        return None

    def _edit(self) -> None:
        view = self.current()
        if view is not None:
            from campdesk.ui.consultations.consultation_dialog import open_log_dialog
            open_log_dialog(self.app, self, consultation_id=view.id)


PAGE = FollowUpsPage
