"""Today at a glance: today's consultations, open and overdue follow-ups, this month by
channel and by category, and the last twelve months."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget,
)

from campdesk.domain.choices import CATEGORY, CHANNEL
from campdesk.services import dashboard
from campdesk.ui.core import fmt
from campdesk.i18n import N_, _, pgettext
from campdesk.ui.consultations import consultation_columns as cc
from campdesk.ui.core.models.rows import RowsModel
from campdesk.ui.core.page import Page
from campdesk.ui.dashboard import charts
from campdesk.ui.outreach.deadlines import deadline_text
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.tables import data_table, fit_columns


CARD_STYLE = ("QFrame#card { background: palette(base); border: 1px solid palette(mid);"
              " border-radius: 6px; } QFrame#card:hover { border: 1px solid #1c4ea6; }")
# Card → (page, how to filter it): the list behind the number.
CARD_TARGETS = {"today": ("consultations", "today"), "open": ("followups", "open"),
                "due": ("followups", "due_today"), "overdue": ("followups", "overdue")}


class Card(QFrame):
    """A number with a caption; a click opens the list it counts."""

    clicked = Signal()

    def __init__(self, parent=None, alert: bool = False):
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(CARD_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value, self.caption = QLabel("–"), QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value.setFont(font)
        if alert:
            self.value.setStyleSheet("color: #b3261e;")
        v = QVBoxLayout(self)
        v.addWidget(self.value)
        v.addWidget(self.caption)

    def set(self, n: int) -> None:
        self.value.setText(fmt.number(n))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


MONTHS = (N_("1월"), N_("2월"), N_("3월"), N_("4월"), N_("5월"), N_("6월"), N_("7월"), N_("8월"),
          N_("9월"), N_("10월"), N_("11월"), N_("12월"))


def _month_label(d) -> str:
    return _(MONTHS[d.month - 1])


class DashboardPage(Retranslating, Page):
    key = "dashboard"

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self.data: dashboard.Dashboard | None = None
        self._loaded = False
        self.cards = {k: Card(alert=(k == "overdue")) for k in ("today", "open", "due", "overdue")}
        for key, card in self.cards.items():
            card.setObjectName("card")
            card.clicked.connect(lambda k=key: self.open_card(k))
        self.heading = QLabel()
        self.deadlines = QLabel()  # public calls closing in the coming week
        self.deadlines.setObjectName("call_deadlines")
        self.deadlines.setWordWrap(True)
        self.deadlines.setStyleSheet("color: #8a3b00;")
        self.deadlines.hide()
        self.today_model = RowsModel(cc.TODAY, self, tone=cc.tone)
        self.today_table = data_table(self.today_model, self, sortable=False, stretch_column=4)
        self.today_table.doubleClicked.connect(self._open)
        self.today_title = QLabel()
        self.charts = QGridLayout()
        self._chart_widgets: list[QWidget] = []
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)
        v = QVBoxLayout(self)
        v.addWidget(self.heading)
        v.addWidget(self.deadlines)
        v.addLayout(cards)
        self.today_box = QWidget()
        tv = QVBoxLayout(self.today_box)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.today_title)
        tv.addWidget(self.today_table, 1)
        self.charts.addWidget(self.today_box, 1, 1)
        self.charts.setColumnStretch(0, 1)
        self.charts.setColumnStretch(1, 1)
        v.addLayout(self.charts, 1)
        # Narrow samples: the question (상담 내용) takes the free width, whole in a tooltip.
        fit_columns(self.today_table, {0: "14:05",
                                       1: "빛고을인공지능",  # i18n: data
                                       2: "오픈채팅",  # i18n: data
                                       3: "자금·공모",  # i18n: data
                                       5: "이관 · 홍길동"})  # i18n: data
        self.today_table.set_empty_text(_("오늘 기록한 상담이 아직 없습니다. Ctrl+N으로 기록하세요."))
        self.retranslate()
        app.bus.data_changed.connect(self._on_data_changed)

    def retranslate(self) -> None:
        captions = {"today": _("오늘 상담"),
                    "open": _("진행 중 후속조치"),
                    "due": _("오늘 기한"),
                    "overdue": pgettext("card", "기한 지남")}
        for key, text in captions.items():
            self.cards[key].caption.setText(text)
        today = self.data.today if self.data else None
        self.heading.setText(f"<h2>{_('오늘')} {fmt.day(today)}</h2>" if today else "")
        self.today_title.setText("<b>{0}</b>".format(_("오늘의 상담")))
        self.today_table.set_empty_text(_("오늘 기록한 상담이 아직 없습니다. Ctrl+N으로 기록하세요."))
        for card in self.cards.values():
            card.setToolTip(_("눌러서 목록 보기"))
        self.today_model.retranslate()
        if self.data:
            self.deadlines.setText(deadline_text(self.data.deadlines))
            self._draw_charts()

    def open_card(self, key: str) -> None:
        page_key, what = CARD_TARGETS[key]
        window = self.window()
        if not hasattr(window, "show_page"):
            return
        if page_key == "consultations":
            window.on_page(page_key, lambda page: page.show_period(what))
        else:  # the cards count everyone's
            window.on_page(page_key, lambda page: page.show_filter("all", what))

    def _open(self, index) -> None:
        from campdesk.ui.consultations.consultation_dialog import open_log_dialog
        open_log_dialog(self.app, self, consultation_id=self.today_model.row(index.row()).id)

    @staticmethod
    def first_read(ctx) -> dashboard.Dashboard:
        return dashboard.load(ctx)

    def show_first(self, data: dashboard.Dashboard) -> None:
        self.show_data(data)

    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        self.app.ops.run(dashboard.load, self.app.ctx, key="dashboard", success=self.show_data)

    def _on_data_changed(self, table: str) -> None:
        if self._loaded and table in ("consultations", "public_calls", "*"):
            self.refresh()

    def show_data(self, data: dashboard.Dashboard) -> None:
        self._loaded = True
        self.data = data
        self.cards["today"].set(len(data.todays))
        self.cards["open"].set(data.open_follow_ups)
        self.cards["due"].set(data.due_today)
        self.cards["overdue"].set(data.overdue)
        self.today_model.set_rows(data.todays)
        self.deadlines.setVisible(bool(data.deadlines))
        self.retranslate()

    def _draw_charts(self) -> None:
        for w in self._chart_widgets:
            self.charts.removeWidget(w)
            w.deleteLater()
        d = self.data
        month = _("이번 달")
        by_channel = charts.bar_chart(_("{month} · 경로별").format(month=month),
                                      [fmt.label(CHANNEL, c.code) for c in CHANNEL],
                                      [d.by_channel.get(c.code, 0) for c in CHANNEL])
        by_category = charts.bar_chart(_("{month} · 분야별").format(month=month),
                                       [fmt.label(CATEGORY, c.code) for c in CATEGORY],
                                       [d.by_category.get(c.code, 0) for c in CATEGORY],
                                       horizontal=True)
        running = d.today.day  # the last month is still running: drawn dashed, not a drop
        trend = charts.trend_chart(
            _("최근 12개월 상담 건수 · 이번 달은 {0}일까지 (점선)").format(running),
            [_month_label(m) for m, _ in d.trend], [n for _, n in d.trend], running_last=True)
        self._chart_widgets = [by_channel, by_category, trend]
        self.charts.addWidget(by_channel, 0, 0)
        self.charts.addWidget(trend, 0, 1)
        self.charts.addWidget(by_category, 1, 0)
        self.charts.addWidget(self.today_box, 1, 1)


PAGE = DashboardPage
