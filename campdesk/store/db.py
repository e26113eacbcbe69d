"""The local SQLite database: one engine per file, pragmas that keep commits durable."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from campdesk.store import limits

limits.install_guard()  # every ORM write refuses (or cleans) what the hub could not store

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
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """The local database of this PC: an engine and a way to run one unit of work."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.engine = make_engine(self.path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One use case = one transaction: commit on success, roll back on error.

        Writes take SQLite's write lock at BEGIN (``BEGIN IMMEDIATE``), so two writers
        (the UI and sync, say) queue behind busy_timeout instead of failing mid-way.
        """
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
        with self._sessions() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
