"""Change capture: SQLite triggers that record every write into the sync outbox.

The triggers are generated from the live schema of each synced table (so a later
migration that rebuilds a table just calls :func:`install` again) and run inside the
writer's own transaction: a row and its outbox entry are committed together or not at all,
whoever wrote them (UI, CLI, import, raw SQL, a migration).

A new row's clock is noted as its insert's, ``{"*": clock}``: its later edits are based
on it. A PC holds no clock for a row it pulled with only its insert's clock; to the hub
(schema 4), an edit based on no clock is based on the row's insert. Each
captured change gets a new hybrid-logical-clock value, ``max(last + 1, now << 16)``,
issued by the trigger itself from ``sync_state``; so the clock is persisted and never goes
backwards, even when the wall clock does. Data that is not news stays out of the outbox:
within its transaction either ``sync_state.applying`` is 1 (the triggers stay silent; see
:func:`applying`) or, for pulled pages, the triggers are taken away and put back (see
:func:`suspended`); a crash rolls either back.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator

from campdesk.domain.ids import new_id
from campdesk.store.models import EXPORTABLE

SYNCED_TABLES: tuple[str, ...] = tuple(m.__tablename__ for m in EXPORTABLE) + ("sync_conflict",)
KEY = "id"
BY = "updated_by"  # who made a change, on every table that has it
OPS = ("ins", "upd", "del")

_ENABLED = "(SELECT applying FROM sync_state WHERE id = 1) = 0"
_NOW_MS = "(CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER) + skew_ms)"
_TICK = f"UPDATE sync_state SET hlc = max(hlc + 1, {_NOW_MS} << 16) WHERE id = 1;"
_CLOCK = "(SELECT printf('%016x', hlc) || ':' || site_id FROM sync_state WHERE id = 1)"


def _exec(conn, sql: str, params: tuple = ()):
    """Run SQL on a SQLAlchemy connection or a plain sqlite3 connection."""
    if hasattr(conn, "exec_driver_sql"):
        return conn.exec_driver_sql(sql, params)
    return conn.execute(sql, params)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def columns_of(conn, table: str) -> list[str]:
    """The table's columns as the database has them now (not as the models say)."""
    return list(columns_and_defaults(conn, table)[0])


def columns_and_defaults(conn, table: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The table's columns as the database has them now, and those of them with a default
    other than NULL."""
    rows = _exec(conn, f"PRAGMA table_info({_q(table)})").fetchall()
    return (tuple(r[1] for r in rows),
            frozenset(r[1] for r in rows if r[4] is not None and str(r[4]).upper() != "NULL"))


def _row_json(cols: list[str], alias: str) -> str:
    pairs = ", ".join(f"'{c}', {alias}.{_q(c)}" for c in cols if c != KEY)
    return f"json_object({pairs})"


def _insert_trigger(table: str, cols: list[str]) -> str:
    return f"""
CREATE TRIGGER sync_ins_{table} AFTER INSERT ON {_q(table)} WHEN {_ENABLED}
BEGIN
  {_TICK}
  INSERT INTO sync_outbox (tbl, row_id, op, patch, base, clock)
  VALUES ('{table}', NEW.id, 'upsert', {_row_json(cols, 'NEW')}, NULL, {_CLOCK});
  INSERT OR REPLACE INTO sync_row_clock (tbl, row_id, clocks)
  VALUES ('{table}', NEW.id, json_object('*', {_CLOCK}));
END"""


def _update_trigger(table: str, cols: list[str]) -> str:
    """An edit is queued with the fields it changed, and who made it (``updated_by``, even
    when the same person made the edit before): the hub names them beside a value that
    lost or won a conflict."""
    fields = [c for c in cols if c != KEY]
    changed = " OR ".join(f"OLD.{_q(c)} IS NOT NEW.{_q(c)}" for c in fields)
    diff = " UNION ALL ".join(
        f"SELECT '{c}' AS f, NEW.{_q(c)} AS v WHERE OLD.{_q(c)} IS NOT NEW.{_q(c)}"
        + (" OR NEW.updated_by IS NOT NULL" if c == BY else "") for c in fields)
    base = ("(SELECT coalesce(json_extract(c.clocks, '$.' || d.f), json_extract(c.clocks, '$.\"*\"'))"
            f" FROM sync_row_clock c WHERE c.tbl = '{table}' AND c.row_id = NEW.id)")
    return f"""
CREATE TRIGGER sync_upd_{table} AFTER UPDATE ON {_q(table)} WHEN {_ENABLED} AND ({changed})
BEGIN
  {_TICK}
  INSERT INTO sync_outbox (tbl, row_id, op, patch, base, clock)
  SELECT '{table}', NEW.id, 'upsert', json_group_object(d.f, d.v), json_group_object(d.f, {base}),
         {_CLOCK}
  FROM ({diff}) AS d;
  INSERT INTO sync_row_clock (tbl, row_id, clocks)
  SELECT '{table}', NEW.id, json_group_object(j.key, o.clock)
  FROM sync_outbox AS o, json_each(o.patch) AS j WHERE o.seq = last_insert_rowid()
  ON CONFLICT (tbl, row_id) DO UPDATE SET clocks = json_patch(clocks, excluded.clocks);
END"""


def _delete_trigger(table: str) -> str:
    return f"""
CREATE TRIGGER sync_del_{table} AFTER DELETE ON {_q(table)} WHEN {_ENABLED}
BEGIN
  {_TICK}
  INSERT INTO sync_outbox (tbl, row_id, op, patch, base, clock)
  VALUES ('{table}', OLD.id, 'delete', NULL,
          (SELECT clocks FROM sync_row_clock WHERE tbl = '{table}' AND row_id = OLD.id), {_CLOCK});
  DELETE FROM sync_row_clock WHERE tbl = '{table}' AND row_id = OLD.id;
END"""


def trigger_names(table: str) -> list[str]:
    return [f"sync_{op}_{table}" for op in OPS]


def install(conn, tables: Iterable[str] = SYNCED_TABLES) -> None:
    """(Re)create the capture triggers of synced tables from their current columns. A table
    a later migration makes is left to that migration (an older one installs no triggers
    on a table that does not exist yet)."""
    for table in tables:
        cols = columns_of(conn, table)
        if not cols:
            continue
        uninstall(conn, (table,))
        _exec(conn, _insert_trigger(table, cols))
        _exec(conn, _update_trigger(table, cols))
        _exec(conn, _delete_trigger(table))


def uninstall(conn, tables: Iterable[str] = SYNCED_TABLES) -> None:
    for table in tables:
        for name in trigger_names(table):
            _exec(conn, f"DROP TRIGGER IF EXISTS {name}")


def missing_triggers(conn) -> list[str]:
    """Capture triggers that should exist but do not (a table rebuilt by a migration)."""
    have = {r[0] for r in _exec(conn, 
        "SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    return [n for t in SYNCED_TABLES for n in trigger_names(t) if n not in have]


def init_state(conn) -> None:
    """Give this replica its site id and a zero clock, once."""
    _exec(conn, 
        "INSERT OR IGNORE INTO sync_state (id, site_id, hlc, skew_ms, applying, pull_cursor) "
        "VALUES (1, ?, 0, 0, 0, 0)", (new_id(),))


def enqueue_existing(conn) -> None:
    """Queue every row written before capture existed, so it reaches the hub too."""
    _exec(conn, _TICK)
    for table in SYNCED_TABLES:
        cols = columns_of(conn, table)
        if not cols:  # made by a later migration: nothing written there yet
            continue
        _exec(conn, 
            f"INSERT INTO sync_outbox (tbl, row_id, op, patch, base, clock) "
            f"SELECT '{table}', t.id, 'upsert', {_row_json(cols, 't')}, NULL, {_CLOCK} "
            f"FROM {_q(table)} AS t")
        _exec(conn, 
            f"INSERT OR REPLACE INTO sync_row_clock (tbl, row_id, clocks) "
            f"SELECT '{table}', t.id, json_object('*', {_CLOCK}) FROM {_q(table)} AS t")


def enqueue_rows(conn, table: str, ids: list[str]) -> None:
    """Queue whole rows again (to re-send what a hub restored from a backup lost)."""
    cols = columns_of(conn, table)
    _exec(conn, _TICK)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        _exec(conn,
              f"INSERT INTO sync_outbox (tbl, row_id, op, patch, base, clock) "
              f"SELECT '{table}', t.id, 'upsert', {_row_json(cols, 't')}, NULL, {_CLOCK} "
              f"FROM {_q(table)} AS t WHERE t.id IN ({marks})", tuple(chunk))


@contextmanager
def suspended(conn, tables: Iterable[str]) -> Iterator[None]:
    """Remove the capture triggers of ``tables`` for the rest of the caller's transaction.

    For bulk writes of pulled data: a trigger that does nothing still costs SQLite about
    15 µs a row (its program is set up before its WHEN is looked at), so 10,000 rows pay
    more for silent triggers than for the rows. DDL is transactional in SQLite: other
    connections never see the tables without their triggers, and a rollback or a crash
    leaves them as they were. On success they are put back before the caller commits.
    """
    tables = sorted(set(tables) & set(SYNCED_TABLES))
    uninstall(conn, tables)
    yield
    install(conn, tables)


@contextmanager
def applying(conn) -> Iterator[None]:
    """Silence capture for the rest of the caller's transaction (pulled data is not news).

    ``conn`` (SQLAlchemy or sqlite3) is inside a transaction; the flag is cleared before the
    caller commits, and a rollback clears it too.
    """
    _exec(conn, "UPDATE sync_state SET applying = 1 WHERE id = 1")
    yield
    _exec(conn, "UPDATE sync_state SET applying = 0 WHERE id = 1")
