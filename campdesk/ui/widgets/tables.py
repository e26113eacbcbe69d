"""One way to set up a read-only data table."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from campdesk.ui.core.models.rows import ID_ROLE


class DataTable(QTableView):
    """A table that says something when it has no rows ("결과 없음", or what to do), and
    shows a cell's whole text as its tooltip when the column cuts it."""

    empty_text = ""

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        model = self.model()
        if self.empty_text and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            rect = self.viewport().rect().adjusted(16, 24, -16, -16)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()

    def viewportEvent(self, event) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent
        if event.type() == QEvent.Type.ToolTip:
            index = self.indexAt(event.pos())
            if index.isValid() and index.data(Qt.ItemDataRole.ToolTipRole) is None:
                text = index.data(Qt.ItemDataRole.DisplayRole)
                if text and self.visualRect(index).width() < self.fontMetrics().horizontalAdvance(
                        str(text)) + 12:
                    from PySide6.QtWidgets import QToolTip
                    QToolTip.showText(event.globalPos(), str(text), self.viewport())
                    return True
        return super().viewportEvent(event)


def data_table(model, parent: QWidget | None = None, sortable: bool = True,
               stretch_column: int | None = None) -> DataTable:
    view = DataTable(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setSortingEnabled(sortable)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_column is None)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    model.headerDataChanged.connect(lambda *_: headers_fit(view))  # a language switch
    return view


def headers_fit(view: QTableView) -> None:
    """No column narrower than its title plus the sort arrow, in either language."""
    model = view.model()
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(model.columnCount() if model is not None else 0):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch \
                or view.isColumnHidden(column):
            continue
        title = model.headerData(column, Qt.Orientation.Horizontal)
        need = metrics.horizontalAdvance(str(title)) + 30 if title else 0
        if view.columnWidth(column) < need:
            view.setColumnWidth(column, need)


def selected_id(view: QTableView) -> str | None:
    index = view.currentIndex()
    if not index.isValid() or not view.selectionModel().isSelected(index):
        return None
    return index.siblingAtColumn(0).data(ID_ROLE)


def fit_columns(view: QTableView, samples: dict[int, str]) -> None:
    """Initial widths from a typical text per column (Hangul is twice as wide as Latin),
    never narrower than the column's title ("Representative" is longer than "홍길동")."""
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    title_metrics = header.fontMetrics()
    model = view.model()
    for column, sample in samples.items():
        title = model.headerData(column, Qt.Orientation.Horizontal) if model else None
        title_width = title_metrics.horizontalAdvance(str(title)) + 28 if title else 0
        view.setColumnWidth(column, max(metrics.horizontalAdvance(sample) + 20, title_width))
    headers_fit(view)
