"""The one app-wide notification: "data in this table changed" (after writes, imports, syncs).

Pages connect to ``app.bus.data_changed`` and reload what shows that table. ``"*"`` means
everything may have changed (a sync round, an import, the demo data).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

ALL = "*"


class ChangeBus(QObject):
    data_changed = Signal(str)      # table name ("companies", "consultations", "staff") or "*"
    staff_changed = Signal()        # who is at this PC changed
    language_changed = Signal(str)  # "ko" or "en"

    def changed(self, *tables: str) -> None:
        for table in tables or (ALL,):
            self.data_changed.emit(table)
