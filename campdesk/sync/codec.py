"""Values between the hub's JSON and this PC's SQLite, column by column.

SQLite keeps what SQLAlchemy writes: ``YYYY-MM-DD HH:MM:SS.ffffff`` and 0/1. A hub of schema 3
or later sends pulled rows as text in that format (:func:`hub_text_sql`); an older one, and
the hub's conflict values, come as typed JSON (``to_jsonb``: ISO timestamps with a ``T``,
``true``/``false``), converted by :func:`to_local`. Writing pulled values in exactly the local
format keeps rows equal across PCs, byte for byte.
"""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any, Callable

from sqlalchemy import Boolean, Date, DateTime

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


def _stored_type(table: str, field: str):
    """The column's SQLAlchemy type as stored (a TypeDecorator's underlying type)."""
    column_type = Base.metadata.tables[table].columns[field].type
    return getattr(column_type, "impl", column_type)


def _converter(table: str, field: str) -> Callable[[Any], Any]:
    stored = _stored_type(table, field)
    if isinstance(stored, DateTime):
        return _datetime
    if isinstance(stored, Boolean):
        return _boolean
    return _same


@lru_cache(maxsize=None)
def converters(table: str) -> dict[str, Callable[[Any], Any]]:
    t = Base.metadata.tables[table]
    return {c.name: _converter(table, c.name) for c in t.columns}


def hub_text_sql(table: str, field: str, alias: str) -> str:
    """The SQL by which the hub writes a value as text in this PC's storage format, so a
    pulled page goes into SQLite as it comes: timestamps as ``YYYY-MM-DD HH:MM:SS.ffffff``,
    dates as ``YYYY-MM-DD`` whatever the session's DateStyle, booleans as 1 and 0. SQLite's
    column affinity makes numbers of the numbers."""
    stored, value = _stored_type(table, field), f'{alias}."{field}"'
    if isinstance(stored, DateTime):
        return f"to_char({value}, 'YYYY-MM-DD HH24:MI:SS.US')"
    if isinstance(stored, Date):
        return f"to_char({value}, 'YYYY-MM-DD')"
    if isinstance(stored, Boolean):
        return f"{value}::int::text"
    return f"{value}::text"


def to_local(table: str, field: str, value: Any) -> Any:
    """One hub value (from JSON) as this PC stores it."""
    if value is None:
        return None
    return converters(table).get(field, _same)(value)
