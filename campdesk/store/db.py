"""The local SQLite database: one engine per file, pragmas that keep commits durable.

Importing this module is light: SQLAlchemy (and the models, through the limits guard) are
imported when the engine is first used, so the window can show its first page, read with
the plain ``sqlite3`` module, while they load (docs/PERFORMANCE.md).
"""
from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",  # WAL + NORMAL may lose the last commits on power loss
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)


def _on_connect(dbapi_conn: sqlite3.Connection, _record) -> None:
    # Let SQLAlchemy manage transactions, and begin them ourselves (see SQLAlchemy's
    # "Serializable isolation / Savepoints / Transactional DDL" notes for pysqlite).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    for pragma in PRAGMAS:
        cur.execute(pragma)
    cur.close()


def _on_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("immediate") else "BEGIN")


def make_engine(path: Path | str) -> Engine:
    from sqlalchemy import create_engine, event

    from campdesk.store import limits
    limits.install_guard()  # every ORM write refuses (or cleans) what the hub could not store
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """The local database of this PC: an engine and a way to run one unit of work.

    The engine is made on first use (from any thread, once)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._engine: Engine | None = None
        self._sessions = None
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    from sqlalchemy.orm import sessionmaker
                    engine = make_engine(self.path)
                    self._sessions = sessionmaker(engine, expire_on_commit=False)
                    self._engine = engine
        return self._engine

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One use case = one transaction: commit on success, roll back on error.

        Writes take SQLite's write lock at BEGIN (``BEGIN IMMEDIATE``), so two writers
        (the UI and sync, say) queue behind busy_timeout instead of failing mid-way.
        """
        from sqlalchemy.orm import Session
        with self.engine.connect() as conn:
            conn.info["immediate"] = True
            try:
                with conn.begin(), Session(bind=conn, expire_on_commit=False) as session:
                    yield session
                    session.flush()
            finally:
                conn.info.pop("immediate", None)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        self.engine  # noqa: B018 - makes the session factory on first use
        with self._sessions() as session:
            yield session

    def read_only(self) -> sqlite3.Connection:
        """A plain sqlite3 connection for a quick read (no SQLAlchemy): refuses writes,
        never creates the file. Close it after use."""
        conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True,
                               check_same_thread=False)
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA query_only=ON")
        return conn

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
