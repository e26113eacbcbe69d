"""A table model over ids, for the 200,000-row consultation log.

It holds only the ordered ids; rows are fetched from the services in blocks of ``BLOCK``
when the view asks for them, and kept in a small cache. Sorting is asked of the owner
(``sort_requested``), which reloads the ids in the new order off the UI thread.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from campdesk.ui.core.models.columns import Column
from campdesk.ui.core.models.rows import ID_ROLE, ROW_ROLE

BLOCK = 100
MAX_BLOCKS = 50


class LazyRowsModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # column key, descending

    def __init__(self, columns: Sequence[Column], fetch: Callable[[list[str]], list[Any]],
                 parent=None, tone: Callable[[Any], Any] | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self._tone = tone
        self.ids: list[str] = []
        self._blocks: OrderedDict[int, dict[str, Any]] = OrderedDict()

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self.ids = list(ids)
        self._blocks.clear()
        self.endResetModel()

    def invalidate(self, row_id: str | None = None) -> None:
        """Forget cached rows (all, or the block holding one id) so they are read again."""
        self._blocks.clear()
        if self.ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.ids) - 1, len(self.columns) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self.invalidate()

    def row(self, index: int) -> Any:
        block = index // BLOCK
        cached = self._blocks.get(block)
        if cached is None:
            ids = self.ids[block * BLOCK:(block + 1) * BLOCK]
            cached = {r.id: r for r in self._fetch(ids)}
            self._blocks[block] = cached
            while len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return cached.get(self.ids[index])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self.ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole, ROW_ROLE):
            return None
        row, column = self.row(index.row()), self.columns[index.column()]
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._tone(row) if self._tone else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.text(row) if column.key == "question" else None
        return column.text(row)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(self.columns[column].key,
                                 order == Qt.SortOrder.DescendingOrder)
