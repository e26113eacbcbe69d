"""What the status bar shows about sync, read from this PC's database (Qt-free)."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from campdesk.sync.engine import clock_warning
from campdesk.sync.errors import SyncError

OFFLINE, ONLINE, SYNCING, ERROR, NOT_CONFIGURED, NEEDS_PASSWORD = (
    "offline", "online", "syncing", "error", "not_configured", "needs_password")


@dataclass(frozen=True)
class SyncStatus:
    state: str = OFFLINE
    pending: int = 0
    attention: int = 0
    last_sync_at: datetime | None = None
    clock_offset_ms: int | None = None
    message: str | None = None  # why sync stopped, in the language of the moment it stopped
    error: SyncError | None = field(default=None, compare=False)  # the same, any language

    @property
    def said(self) -> str | None:
        """Why sync stopped, in the current language where it is known."""
        return str(self.error) if self.error is not None else self.message

    @property
    def clock_warning(self) -> str | None:
        return None if self.clock_offset_ms is None else clock_warning(self.clock_offset_ms)

    def with_state(self, state: str, message: str | None = None) -> SyncStatus:
        return replace(self, state=state, message=message)


def read_status(db_path: Path | str, state: str = OFFLINE,
                message: str | SyncError | None = None) -> SyncStatus:
    """This PC's sync status; ``message``: why sync stopped (else the last error kept)."""
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
    if isinstance(message, SyncError):
        return SyncStatus(state, pending, attention, when, offset, str(message), message)
    return SyncStatus(state, pending, attention, when, offset, message or error)
