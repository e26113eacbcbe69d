"""What the status bar shows about sync, read from this PC's database (Qt-free)."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from campdesk.sync.engine import clock_warning

OFFLINE, ONLINE, SYNCING, ERROR, NOT_CONFIGURED, NEEDS_PASSWORD = (
    "offline", "online", "syncing", "error", "not_configured", "needs_password")


@dataclass(frozen=True)
class SyncStatus:
    state: str = OFFLINE
    pending: int = 0
    attention: int = 0
    last_sync_at: datetime | None = None
    clock_offset_ms: int | None = None
    message: str | None = None

    @property
    def clock_warning(self) -> str | None:
        return None if self.clock_offset_ms is None else clock_warning(self.clock_offset_ms)

    def with_state(self, state: str, message: str | None = None) -> SyncStatus:
        return replace(self, state=state, message=message)


def read_status(db_path: Path | str, state: str = OFFLINE, message: str | None = None) -> SyncStatus:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
    try:
        pending = conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
        attention = conn.execute("SELECT count(*) FROM sync_conflict "
                                 "WHERE resolved_at IS NULL AND NOT archived").fetchone()[0]
        last, offset, error = conn.execute(
            "SELECT last_sync_at, clock_offset_ms, last_error FROM sync_state").fetchone()
    finally:
        conn.close()
    when = datetime.fromisoformat(last).replace(tzinfo=timezone.utc) if last else None
    return SyncStatus(state, pending, attention, when, offset, message or error)
