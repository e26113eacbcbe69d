"""The occupancy tab: desks and area on a day and in its month, a 12-month chart, and the
contracts ending in the next 30 and 60 days."""
from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from campdesk.domain.dates import today_seoul
from campdesk.domain.occupancy import Figures
from campdesk.services import spaces
from campdesk.services.spaces import Overview
from campdesk.ui.core import fmt
from campdesk.ui.spaces.fields import DateEdit
from campdesk.ui.spaces import tables
from campdesk.ui.core.models.columns import Column
from campdesk.ui.spaces.tables import RowsTable
from campdesk.i18n import N_, _

ENDING_COLUMNS = [
    Column("ends", N_("종료일"), lambda a: fmt.day(a.ends_on), lambda a: a.ends_on),
    Column("space", N_("공간"), lambda a: a.space_label),
    Column("company", N_("기업"), lambda a: a.company),
]


def figures_text(f: Figures) -> tuple[str, str]:
    desks = _("좌석 {0} / {1} ({2:.0%})").format(
        fmt.number(round(f.desks, 1)), f.desks_total, f.desk_rate)
    area = _("면적 {0} / {1} ㎡ ({2:.0%})").format(
        fmt.number(round(f.area_m2)), fmt.number(round(f.area_total)), f.area_rate)
    return desks, area


class OccupancyChart(QChartView):
    """Desk and area occupancy rate of each of the last 12 months, in per cent."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.chart_ = QChart()
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(self.chart_)

    def show_series(self, series) -> None:
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        x = QBarCategoryAxis()
        x.append([_("{0}월").format(m.month, m.year % 100) for m in series])
        y = QValueAxis()
        y.setRange(0, 100)
        y.setLabelFormat("%d%%")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for name, colour, rate in ((_("좌석 점유율"), "#1864ab", "desk_rate"),
                                   (_("면적 점유율"), "#e67700", "area_rate")):
            line = QLineSeries()
            line.setName(name)
            line.setPen(QPen(QColor(colour), 2.5))
            line.setPointsVisible(True)
            for i, m in enumerate(series):
                line.append(QPointF(i, 100 * getattr(m.figures, rate)))
            chart.addSeries(line)
            line.attachAxis(x)
            line.attachAxis(y)
        chart.setTitle(_("최근 12개월 월평균 점유율"))


class OccupancyTab(QWidget):
    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.overview: Overview | None = None
        self.day = DateEdit(today_seoul())
        self.today_button = QPushButton()
        self.day_label = QLabel()
        self.boxes = {k: QGroupBox() for k in ("day", "month")}
        self.lines = {k: (QLabel(), QLabel()) for k in self.boxes}
        for key, box in self.boxes.items():
            col = QVBoxLayout(box)
            for label in self.lines[key]:
                label.setStyleSheet("font-size: 15px;")
                col.addWidget(label)
        self.chart = OccupancyChart()
        self.endings = {k: (QLabel(), RowsTable(ENDING_COLUMNS, self, stretch_column=2,
                                                widths={0: tables.DATE, 1: tables.SPACE},
                                                empty=N_("이 기간에 끝나는 계약이 없습니다.")))
                        for k in (30, 60)}
        self._build()
        self.day.dateChanged.connect(lambda _: self.refresh())
        self.today_button.clicked.connect(lambda: self.day.set_value(today_seoul()))
        self.retranslate()

    def _build(self) -> None:
        bar = QHBoxLayout()
        for w in (self.day_label, self.day, self.today_button):
            bar.addWidget(w)
        bar.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.boxes["day"], 0, 0)
        grid.addWidget(self.boxes["month"], 0, 1)
        grid.addWidget(self.chart, 1, 0, 1, 2)
        for col, (label, table) in enumerate(self.endings.values()):
            grid.addWidget(label, 2, col)
            grid.addWidget(table.view, 3, col)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(3, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)

    def retranslate(self) -> None:
        self.day_label.setText(_("기준일"))
        self.today_button.setText(_("오늘"))
        self.endings[30][0].setText(_("30일 안에 끝나는 계약"))
        self.endings[60][0].setText(_("31–60일 안에 끝나는 계약"))
        for _label, table in self.endings.values():
            table.retranslate()
        if self.overview:
            self.show_overview(self.overview)

    def refresh(self) -> None:
        self.app.ops.run(spaces.overview, self.app.ctx, self.day.value(),
                         success=self.show_overview, key="space-overview")

    def show_overview(self, o: Overview) -> None:
        self.overview = o
        self.boxes["day"].setTitle(_("{0} 현재").format(fmt.day(o.day)))
        self.boxes["month"].setTitle(_("{0}년 {1}월 평균")
                                     .format(o.day.year, o.day.month))
        for key, figures in (("day", o.on_day), ("month", o.month)):
            for label, text in zip(self.lines[key], figures_text(figures)):
                label.setText(text)
        self.chart.show_series(o.series)
        self.endings[30][1].set_rows(o.ending_30)
        self.endings[60][1].set_rows(o.ending_60)
