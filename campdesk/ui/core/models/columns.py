"""A column of a table: a translated header and how to show and sort one row.

The header is the Korean text marked for the catalog, translated each time it is shown
(so a language switch retitles open tables)::

    Column("name", N_("기업명"), lambda r: r.name)
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt

from campdesk.ui.core.i18n import label_text

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class Column:
    __slots__ = ("key", "label", "text", "sort", "align")

    def __init__(self, key: str, label: str, text: Callable[[Any], str] | str, *rest: Any,
                 sort: Callable[[Any], Any] | None = None,
                 align: Qt.AlignmentFlag = LEFT):
        self.key, self.label = key, label
        if rest:
            sort = rest[0]
        if len(rest) > 1:
            align = rest[1]
        self.text, self.sort, self.align = text, sort, align

    @property
    def header(self) -> str:
        return label_text(self.label)

    def sort_key(self, row: Any) -> Any:
        return self.sort(row) if self.sort else self.text(row)
