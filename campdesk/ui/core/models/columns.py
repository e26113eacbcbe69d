"""A column of a table: a translated header and how to show and sort one row."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import Qt

from campdesk.ui.core.i18n import t


@dataclass(frozen=True)
class Column:
    key: str
    ko: str
    en: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None  # raw value for sorting; defaults to the text
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    @property
    def header(self) -> str:
        return t(self.ko, self.en)

    def sort_key(self, row: Any) -> Any:
        return self.sort(row) if self.sort else self.text(row)


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
