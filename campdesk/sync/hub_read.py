"""The read side of the hub that depends on the synced tables: pages of changed rows,
generated per table. The watermark and the digests are plain SQL in ``sql/pull.sql``.

A pull runs in one REPEATABLE READ transaction: ``sync_watermark()`` first, then pages of
``sync_pull_rows`` below it. Every transaction below the watermark has ended, so a later
pull starting there can never miss a change that committed late.
"""
from __future__ import annotations

import json

from campdesk.store.capture import SYNCED_TABLES
from campdesk.sync import codec, hub_tables
from campdesk.sync.hub_functions import DEFINER

# Which sync_row lines make a pull's page: written in [p_lo, p_hi), not the pulling PC's
# own new rows, after the last line of the page before.
PAGE_ROWS = """    FROM sync_row r
   WHERE r.xid >= p_lo AND r.xid < p_hi
     AND (p_client IS NULL OR r.origin IS DISTINCT FROM p_client)
     AND (r.xid, r.tbl, r.id) > (p_after_xid, p_after_tbl, p_after_id)
   ORDER BY r.xid, r.tbl, r.id
   LIMIT p_limit $f$;"""


def _row_data(alias: str, to_json: str = "to_jsonb") -> str:
    """The current data of the sync_row ``alias`` as JSON, or NULL when it is deleted."""
    return _per_table(alias, lambda t: f"{to_json}(t)")


def _row_text(alias: str) -> str:
    """The current values of the sync_row ``alias`` as text in a PC's storage format, in
    the order ``sync_columns()`` gives, or NULL when it is deleted."""
    return _per_table(alias, lambda t: "ARRAY[" + ", ".join(
        codec.hub_text_sql(t, c, "t") for c in hub_tables.columns(t)) + "]")


def _per_table(alias: str, select) -> str:
    branches = "\n".join(
        f"      WHEN '{t}' THEN (SELECT {select(t)} FROM \"{t}\" t WHERE t.id = {alias}.id)"
        for t in SYNCED_TABLES)
    return f"CASE WHEN {alias}.deleted THEN NULL ELSE CASE {alias}.tbl\n{branches}\n    END END"


def _columns_json() -> str:
    return json.dumps({t: hub_tables.columns(t) for t in SYNCED_TABLES}).replace("'", "''")


def functions() -> list[str]:
    """A page of changed rows below the watermark; and every row of one table (repair).
    The page's data is ``json`` (text, as ``to_json`` writes it: twice as quick as jsonb)."""
    returns = "TABLE (xid bigint, tbl text, id text, deleted boolean, clocks jsonb, data jsonb)"
    page = "TABLE (xid bigint, tbl text, id text, deleted boolean, clocks jsonb, data json)"
    return [f"""
-- Its result type changed once (jsonb to json data): replace it, grants are given again.
DROP FUNCTION IF EXISTS sync_pull(bigint, bigint, bigint, text, text, int, text);
CREATE FUNCTION sync_pull(p_lo bigint, p_hi bigint, p_after_xid bigint,
    p_after_tbl text, p_after_id text, p_limit int, p_client text)
RETURNS {page} LANGUAGE sql STABLE {DEFINER} AS $f$
  SELECT r.xid, r.tbl, r.id, r.deleted, r.clocks, {_row_data("r", "to_json")}
{PAGE_ROWS}""", f"""
-- Hub schema 3: the same page, each row's values as text in a PC's own storage format (no
-- JSON to decode, no timestamps to convert on the PC), in the order of sync_columns().
CREATE OR REPLACE FUNCTION sync_columns() RETURNS jsonb LANGUAGE sql IMMUTABLE {DEFINER} AS $f$
  SELECT '{_columns_json()}'::jsonb $f$;
CREATE OR REPLACE FUNCTION sync_pull_rows(p_lo bigint, p_hi bigint, p_after_xid bigint,
    p_after_tbl text, p_after_id text, p_limit int, p_client text)
RETURNS TABLE (xid bigint, tbl text, id text, deleted boolean, clocks jsonb, vals text[])
LANGUAGE sql STABLE {DEFINER} AS $f$
  SELECT r.xid, r.tbl, r.id, r.deleted, r.clocks, {_row_text("r")}
{PAGE_ROWS}""", f"""
CREATE OR REPLACE FUNCTION sync_table_rows(p_tbl text, p_after_id text, p_limit int)
RETURNS {returns} LANGUAGE sql STABLE {DEFINER} AS $f$
  SELECT r.xid, r.tbl, r.id, r.deleted, r.clocks, {_row_data("r")}
    FROM sync_row r
   WHERE r.tbl = p_tbl AND NOT r.deleted AND r.id > p_after_id
   ORDER BY r.id
   LIMIT p_limit $f$;""", f"""
-- Some rows of one table, live or deleted (to put right a PC that lacks them).
CREATE OR REPLACE FUNCTION sync_rows_by_id(p_tbl text, p_ids text[])
RETURNS {returns} LANGUAGE sql STABLE {DEFINER} AS $f$
  SELECT r.xid, r.tbl, r.id, r.deleted, r.clocks, {_row_data("r")}
    FROM sync_row r
   WHERE r.tbl = p_tbl AND r.id = ANY (p_ids) $f$;"""]
