"""Who else has this PC's database open, and holding it alone while it is replaced.

SQLite itself says whether another connection has the database open: a connection can take
a WAL database out of WAL mode only when no other connection has it open (each holds a
shared lock on the file for as long as it has it open). ``exclusive`` takes the database
that way and keeps it locked until a restore or an upgrade is done; a program that opens it
meanwhile waits (its busy timeout) and then sees the new content. No file is swapped and no
-wal file removed under anyone's feet: a commit is either in the database before, or after.

The desktop app leaves a marker in the data folder while it runs (campdesk.app_marker), so
that a refusal can say "CampDesk is open" rather than "another program".
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from campdesk.app_marker import running_app
from campdesk.i18n import N_, _

BUSY_SECONDS = 5.0  # as long as CampDesk waits for a lock (busy_timeout): a commit's time

SQLITE_BUSY, SQLITE_LOCKED = 5, 6


class DatabaseInUse(Exception):
    """Another connection has the database open; the Korean message says who and what to do."""


def is_busy(exc: BaseException) -> bool:
    """A SQLite error that means another connection holds a lock (not a broken file)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


# Why the database cannot be restored or upgraded now: (CampDesk has it open, another program).
_IN_USE = {
    "restore": (
        N_("CampDesk가 열려 있어 데이터베이스를 복원할 수 없습니다. CampDesk를 닫은 뒤 다시 실행해 "
           "주세요."),
        N_("다른 프로그램이 데이터베이스를 사용 중이라 복원할 수 없습니다. 데이터베이스를 연 "
           "프로그램(다른 campdesk 명령, DB 도구 등)을 닫은 뒤 다시 실행해 주세요.")),
    "upgrade": (
        N_("CampDesk가 열려 있어 데이터베이스를 업그레이드할 수 없습니다. CampDesk를 닫은 뒤 다시 "
           "실행해 주세요."),
        N_("다른 프로그램이 데이터베이스를 사용 중이라 업그레이드할 수 없습니다. 데이터베이스를 연 "
           "프로그램(다른 campdesk 명령, DB 도구 등)을 닫은 뒤 다시 실행해 주세요.")),
}


def in_use_message(home: Path | str, doing: str) -> str:
    """Why the database cannot be ``doing`` ("restore" or "upgrade") now."""
    app_has_it, other_has_it = _IN_USE[doing]
    return _(app_has_it if running_app(home) is not None else other_has_it)


# Holding the database alone --------------------------------------------------------------

@contextmanager
def exclusive(database: Path | str, doing: str) -> Iterator[sqlite3.Connection]:
    """A connection that alone has the database open, locked until the block ends.

    Raises DatabaseInUse (``doing`` names what for, see ``in_use_message``) when another
    connection has it open; nothing is changed then. Inside, the database is in rollback
    mode and locked (EXCLUSIVE); at the end it goes back to WAL. A missing file is created.
    Other SQLite errors (a file that is no database, a folder that cannot be written) are
    raised as they are.
    """
    database = Path(database)
    conn = sqlite3.connect(str(database), timeout=BUSY_SECONDS, isolation_level=None)
    try:
        try:
            # Fails at once ("database is locked") while another connection has it open.
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            if mode == "delete":
                conn.execute("PRAGMA locking_mode=EXCLUSIVE")
                conn.execute("BEGIN EXCLUSIVE")   # waits for a commit under way, no longer
                conn.execute("COMMIT")            # the lock stays: locking_mode=EXCLUSIVE
                mode = conn.execute("PRAGMA journal_mode").fetchone()[0]  # nobody went back
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            mode = None
        if mode != "delete":
            raise DatabaseInUse(in_use_message(database.parent, doing))
        try:
            yield conn
        finally:
            try:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA locking_mode=NORMAL")
            except sqlite3.Error:
                pass  # CampDesk puts it back in WAL mode whenever it opens it
    finally:
        conn.close()
