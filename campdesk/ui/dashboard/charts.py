"""Bar and trend charts (QtCharts), imported with the dashboard page (off the UI thread at
start, when the dashboard is the first page)."""
from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries,
    QLineSeries, QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen

ACCENT = QColor("#2f6fb2")


def _view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    return chart


def _value_axis(top: int) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(top, 4) * 1.1)
    axis.applyNiceNumbers()
    return axis


def bar_chart(title: str, labels: list[str], values: list[int],
              horizontal: bool = False) -> QChartView:
    """Vertical bars, or horizontal ones when the labels are long (categories)."""
    chart = _chart(title)
    bars = QBarSet("")
    bars.append([float(v) for v in (reversed(values) if horizontal else values)])
    bars.setColor(ACCENT)
    bars.setLabelColor(QColor("#222"))
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(list(reversed(labels)) if horizontal else labels)
    categories.setTruncateLabels(False)
    counts = _value_axis(max(values, default=0))
    cat_side, value_side = ((Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom) if horizontal
                            else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft))
    chart.addAxis(categories, cat_side)
    series.attachAxis(categories)
    chart.addAxis(counts, value_side)
    series.attachAxis(counts)
    return _view(chart)


def trend_chart(title: str, labels: list[str], values: list[int],
                running_last: bool = False) -> QChartView:
    """Monthly counts as a line; with ``running_last`` the last month (still running) is
    joined by a dashed, lighter segment, so a month half gone is not read as a collapse."""
    chart = _chart(title)
    done = values[:-1] if running_last and len(values) > 1 else values
    series = QLineSeries()
    for i, v in enumerate(done):
        series.append(i, v)
    series.setColor(ACCENT)
    series.setPointsVisible(True)
    series.setPointLabelsVisible(True)
    series.setPointLabelsFormat("@yPoint")
    chart.addSeries(series)
    all_series = [series]
    if done is not values:
        running = QLineSeries()
        running.append(len(values) - 2, values[-2])
        running.append(len(values) - 1, values[-1])
        pen = QPen(QColor("#8aa4d6"))
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        running.setPen(pen)
        running.setPointsVisible(True)
        running.setPointLabelsVisible(True)
        running.setPointLabelsFormat("@yPoint")
        running.setPointLabelsColor(QColor("#5a6f99"))
        chart.addSeries(running)
        all_series.append(running)
    x = QBarCategoryAxis()
    x.append(labels)
    x.setTruncateLabels(False)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    y = _value_axis(max(values, default=0))
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for s in all_series:
        s.attachAxis(x)
        s.attachAxis(y)
    return _view(chart)
