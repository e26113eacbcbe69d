"""The hub's tables, generated from the same SQLAlchemy metadata as the PCs' databases.

Business tables are real PostgreSQL tables (readable by ``psql`` or a dashboard) without
foreign keys: rows arrive from three PCs in any order and a dangling reference is flagged
as "needs attention", never refused. Bookkeeping tables hold the merge state.
"""
from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql

from campdesk.store.base import Base
from campdesk.store.capture import SYNCED_TABLES

_PG = postgresql.dialect()



def table(name: str) -> Table:
    return Base.metadata.tables[name]


def column_sql(col) -> str:
    sql = f'"{col.name}" {col.type.compile(dialect=_PG)}'
    if col.server_default is not None:
        default = col.server_default.arg
        text = default.compile(dialect=_PG) if hasattr(default, "compile") else str(default)
        sql += f" DEFAULT {text}"
    return sql


def create_table_sql(name: str) -> list[str]:
    """CREATE TABLE for a fresh hub, then ADD COLUMN for columns a newer CampDesk added."""
    t = table(name)
    cols = [c for c in t.columns if c.name != "id"]
    body = ",\n    ".join(['"id" varchar(36) PRIMARY KEY'] + [
        column_sql(c) + ("" if c.nullable or c.server_default is None else " NOT NULL")
        for c in cols])
    stmts = [f'CREATE TABLE IF NOT EXISTS "{name}" (\n    {body}\n)']
    stmts += [f'ALTER TABLE "{name}" ADD COLUMN IF NOT EXISTS {column_sql(c)}' for c in cols]
    for index in t.indexes:
        cols_sql = ", ".join(f'"{c.name}"' for c in index.columns)
        stmts.append(f'CREATE INDEX IF NOT EXISTS "{index.name}" ON "{name}" ({cols_sql})')
    return stmts


def touch_trigger_sql(name: str) -> list[str]:
    return [
        f'DROP TRIGGER IF EXISTS sync_touch ON "{name}"',
        f'CREATE TRIGGER sync_touch AFTER INSERT OR UPDATE OR DELETE ON "{name}" '
        f'FOR EACH ROW EXECUTE FUNCTION sync_touch()',
    ]


def foreign_keys() -> list[tuple[str, str, str]]:
    """(child table, column, parent table) for every reference between synced tables."""
    out = []
    for name in SYNCED_TABLES:
        for fk in table(name).foreign_keys:
            out.append((name, fk.parent.name, fk.column.table.name))
    return out


def columns(name: str) -> list[str]:
    return [c.name for c in table(name).columns]


def server_defaults(name: str) -> dict[str, str]:
    out = {}
    for c in table(name).columns:
        if c.server_default is not None:
            arg = c.server_default.arg
            out[c.name] = str(arg.compile(dialect=_PG)) if hasattr(arg, "compile") else str(arg)
    return out
