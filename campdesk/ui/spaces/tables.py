"""The Spaces tabs' tables: the app's shared rows model and table view, plus the chosen row."""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtWidgets import QWidget

from campdesk.ui.core.models.columns import Column
from campdesk.ui.core.models.rows import RowsModel
from campdesk.i18n import _
from campdesk.ui.widgets.tables import DataTable, data_table, fit_columns

# Typical texts that size the columns the Spaces tables share.
DATE = "2026. 12. 31."
PERIOD = "2026. 1. 1. – 2026. 12. 31."
COMPANY = "주식회사 빛고을인공지능"  # i18n: data
SPACE = "3F 3F-D10 "
# wide enough for "In conflict" too
STATUS = "중복 배정 (확정)"  # i18n: data


class RowsTable:
    """A read-only sortable table over plain rows; ``view`` is the widget to lay out."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None,
                 stretch_column: int | None = None, widths: dict[int, str] | None = None,
                 empty: str = ""):
        """``widths``: a typical text per column, for its initial width; ``empty``: what the
        table says when it has no rows (an ``N_`` text, translated when shown)."""
        self.empty = empty
        self.model = RowsModel(columns, parent)
        self.view: DataTable = data_table(self.model, parent, stretch_column=stretch_column)
        fit_columns(self.view, widths or {})
        self.say_when_empty(True)  # the owner's retranslate() redoes it in its language

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)

    def current(self) -> Any:
        """The row the user selected, or None."""
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.model.row(index.row())

    def retranslate(self) -> None:
        self.model.retranslate()
        self.say_when_empty(True)

    def say_when_empty(self, on: bool) -> None:
        """Whether the table says its ``empty`` text when it has no rows (off while there
        is nothing to show rows of, e.g. no space chosen)."""
        self.view.set_empty_text(_(self.empty) if on and self.empty else "")
