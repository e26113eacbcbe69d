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


@lru_cache(maxsize=4096)
def row_converter(table: str, fields: tuple[str, ...]) -> Callable[[dict], list]:
    """A function turning one pulled row (a dict) into local values in ``fields`` order."""
    convs = converters(table)
    plan = [(f, convs.get(f, _same)) for f in fields]
    special = [(i, conv) for i, (f, conv) in enumerate(plan) if conv is not _same]

    def convert(data: dict) -> list:
        values = [data[f] for f, _ in plan]
        for i, conv in special:
            if values[i] is not None:
                values[i] = conv(values[i])
        return values
    return convert


def to_local(table: str, field: str, value: Any) -> Any:
    """One hub value (from JSON) as this PC stores it."""
    if value is None:
        return None
    return converters(table).get(field, _same)(value)
