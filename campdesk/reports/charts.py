"""Charts drawn with reportlab.graphics, in the document's Korean font."""
from __future__ import annotations

from typing import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from campdesk.reports.fonts import REGULAR
from campdesk.reports.styles import GRID, INK, MUTED, SERIES

FONT_SIZE = 7.5


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose default font is the Korean one (reportlab's default is Helvetica)."""
    return Drawing(width, height, initialFontName=REGULAR)


def _nice_max(values: Sequence[float]) -> float:
    top = max([v for v in values if v is not None] + [1])
    step = 10 ** max(0, len(str(int(top))) - 1)
    return ((int(top) // step) + 1) * step


def _axis_fonts(chart) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = REGULAR
        axis.labels.fontSize = FONT_SIZE
        axis.labels.fillColor = INK
        axis.strokeColor = GRID
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.valueMin = 0


def bars(labels: Sequence[str], values: Sequence[int], width: float, row: float = 5 * mm,
         title: str = "", top: float | None = None) -> Drawing:
    """Horizontal bars, one a category, in the order given (top to bottom).

    Beside a table, ``row`` is the table's row height and ``top`` its header's: each bar
    then sits level with its table row."""
    if top is None:
        top = 6 * mm if title else 2 * mm
    axis = 6 * mm
    height = row * len(labels) + axis + top
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    # Room for the longest label (English ones run longer), never less than before.
    room = max([22 * mm] + [stringWidth(x, REGULAR, FONT_SIZE) + 3 * mm for x in labels])
    room = min(room, width * 0.5)
    chart.x, chart.y = room, axis
    chart.width, chart.height = width - room - 8 * mm, row * len(labels)
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.bars.strokeColor = None  # no outline (a zero-width stroke prints as a hairline)
    chart.bars[0].strokeColor = None
    chart.bars[0].fillColor = SERIES[0]
    chart.barWidth = row * 0.6
    _axis_fonts(chart)
    chart.valueAxis.valueMax = _nice_max(values)
    _bar_labels(chart)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    if title:
        drawing.add(String(0, height - 4 * mm, title, fontName=REGULAR, fontSize=9, fillColor=INK))
    return drawing


def _bar_labels(chart) -> None:
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.fillColor = MUTED
    chart.barLabelFormat = "%d"


def monthly_columns(labels: Sequence[str], values: Sequence[int], width: float, title: str,
                    height: float = 48 * mm) -> Drawing:
    """One column a month, the last (this month) highlighted."""
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 8 * mm
    chart.width, chart.height = width - 16 * mm, height - 18 * mm
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = list(labels)
    chart.bars.strokeColor = None
    chart.bars[0].strokeColor = None
    chart.bars[0].fillColor = SERIES[1]
    chart.bars[(0, len(values) - 1)].fillColor = SERIES[0]
    _axis_fonts(chart)
    chart.valueAxis.valueMax = _nice_max(values)
    _bar_labels(chart)
    chart.barLabels.nudge = 5
    drawing.add(chart)
    drawing.add(String(0, height - 5 * mm, title, fontName=REGULAR, fontSize=9, fillColor=INK))
    return drawing


def pie(labels: Sequence[str], values: Sequence[int], width: float,
        height: float = 36 * mm) -> Drawing:
    """A pie with a legend of labels, counts and shares to its right."""
    drawing = _drawing(width, height)
    chart = Pie()
    size = height - 6 * mm
    chart.x, chart.y = 3 * mm, 3 * mm
    chart.width = chart.height = size
    chart.data = [v or 0 for v in values] if any(values) else [1]
    chart.labels = None
    chart.slices.strokeColor = GRID
    chart.slices.strokeWidth = 0.5
    for i in range(len(chart.data)):
        chart.slices[i].fillColor = SERIES[i] if any(values) else GRID
    drawing.add(chart)
    total = sum(values) or 1
    legend = Legend()
    legend.x, legend.y = size + 10 * mm, 4 * mm + size * 0.75
    legend.fontName, legend.fontSize = REGULAR, FONT_SIZE + 0.5
    legend.alignment = "right"
    legend.dx = legend.dy = 7
    legend.deltay = 12
    legend.columnMaximum = max(len(labels), 1)  # one column: a second one runs off the page
    legend.colorNamePairs = [(SERIES[i], f"{label}  {v / total * 100:.1f}%")
                             for i, (label, v) in enumerate(zip(labels, values))]
    drawing.add(legend)
    return drawing
