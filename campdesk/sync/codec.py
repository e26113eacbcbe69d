"""Values between the hub's JSON and this PC's SQLite, column by column.

The hub sends typed JSON (``to_jsonb``): ISO timestamps with a ``T``, ``true``/``false``.
SQLite keeps what SQLAlchemy writes: ``YYYY-MM-DD HH:MM:SS.ffffff`` and 0/1. Writing
pulled values in exactly the local format keeps rows equal across PCs, byte for byte.
"""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any, Callable

from sqlalchemy import Boolean, DateTime

from campdesk.store.base import Base

SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"


def _datetime(value: Any) -> Any:
    """``2026-11-25T09:00:00.5`` (PostgreSQL trims zeros) → ``2026-11-25 09:00:00.500000``."""
    if not isinstance(value, str):
        return value
    if len(value) >= 19 and value[10] == "T" and value[19:20] in ("", ".") and "+" not in value:
        head, _, fraction = value.partition(".")
        return f"{head[:10]} {head[11:19]}.{fraction.ljust(6, '0')[:6]}"
    return datetime.fromisoformat(value).replace(tzinfo=None).strftime(SQLITE_DATETIME)


def _boolean(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def _same(value: Any) -> Any:
    return value


def _converter(column) -> Callable[[Any], Any]:
    impl = getattr(column.type, "impl", column.type)
    if isinstance(impl, DateTime) or isinstance(column.type, DateTime):
        return _datetime
    if isinstance(impl, Boolean) or isinstance(column.type, Boolean):
        return _boolean
    return _same


@lru_cache(maxsize=None)
def converters(table: str) -> dict[str, Callable[[Any], Any]]:
    t = Base.metadata.tables[table]
    return {c.name: _converter(c) for c in t.columns}


def sql_value(table: str, field: str, param: int) -> str:
    """The SQL that turns parameter ``?param`` (a pulled JSON value) into the local format;
    done by SQLite, so a page of 2,000 rows costs no Python per value. Timestamps become
    ``YYYY-MM-DD HH:MM:SS.ffffff`` exactly as :func:`_datetime` writes them; booleans need
    nothing (Python's sqlite3 stores ``True`` as 1)."""
    if converters(table).get(field) is not _datetime:
        return f"?{param}"
    v = f"?{param}"
    return (f"CASE WHEN substr({v}, 11, 1) = 'T' THEN substr({v}, 1, 10) || ' ' || "
            f"substr({v}, 12, 8) || '.' || substr(substr({v}, 21) || '000000', 1, 6) "
            f"ELSE {v} END")


def to_local(table: str, field: str, value: Any) -> Any:
    """One hub value (from JSON) as this PC stores it."""
    if value is None:
        return None
    return converters(table).get(field, _same)(value)
