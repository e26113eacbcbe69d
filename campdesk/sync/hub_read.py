"""The read side of the hub: the pull watermark, pages of changed rows, digests.

A pull runs in one REPEATABLE READ transaction: ``sync_watermark()`` first, then pages of
``sync_pull`` below it. Every transaction below the watermark has ended, so a later pull
starting there can never miss a change that committed late.
"""
from __future__ import annotations

import json

from campdesk.store.capture import SYNCED_TABLES
from campdesk.sync import codec, hub_tables
from campdesk.sync.hub_functions import DEFINER

STATIC = """
-- Every transaction of this database below this id has ended: nothing can appear there
-- any more. Call it first in a REPEATABLE READ transaction, then page with sync_pull in the
-- same one. The snapshot's oldest running transaction bounds it, except transactions known
-- to belong to another database of the cluster (they cannot write here): one long
-- transaction elsewhere on a shared server must not stall sync. A transaction whose
-- database is unknown (prepared, or already gone) counts as ours: stall, never skip.
CREATE OR REPLACE FUNCTION sync_watermark() RETURNS bigint LANGUAGE sql STABLE {definer} AS $f$
  WITH snap AS (SELECT pg_current_snapshot() AS s),
  elsewhere AS (
    SELECT backend_xid::text::bigint AS x32 FROM pg_stat_activity
     WHERE datname <> current_database() AND backend_xid IS NOT NULL)
  SELECT least(pg_snapshot_xmax(snap.s)::text::bigint,
               (SELECT min(r.xid::text::bigint) FROM pg_snapshot_xip(snap.s) AS r(xid)
                 WHERE (r.xid::text::bigint % 4294967296) NOT IN (SELECT x32 FROM elsewhere)))
    FROM snap $f$;

-- Per table: how many live rows last written below the watermark p_hi, and an
-- order-independent sum of a hash of their ids. A PC that has pulled up to p_hi computes
-- the same over its rows, leaving out those in sync_recent(p_hi); a difference means rows
-- are missing or extra there.
-- p_skip lists rows ("table:id") the PC has not sent yet; both sides leave them out.
CREATE OR REPLACE FUNCTION sync_digest(p_hi bigint, p_skip text[])
RETURNS TABLE (tbl text, n bigint, total numeric) LANGUAGE sql STABLE {definer} AS $f$
  SELECT tbl, count(*), sum(('x' || left(md5(id), 15))::bit(60)::bigint)
    FROM sync_row WHERE NOT deleted AND xid < p_hi AND NOT (tbl || ':' || id = ANY (p_skip))
   GROUP BY tbl $f$;

-- Rows written at or above the watermark: the PC has not pulled them yet.
CREATE OR REPLACE FUNCTION sync_recent(p_hi bigint) RETURNS TABLE (tbl text, id text)
LANGUAGE sql STABLE {definer} AS $f$
  SELECT tbl, id FROM sync_row WHERE xid >= p_hi $f$;

-- p_client: the PC pulling. New rows the hub took exactly as that PC sent them (origin)
-- are left out: it has them, and noted their clocks when the push was acknowledged.
CREATE OR REPLACE FUNCTION sync_pull_count(p_lo bigint, p_hi bigint, p_client text)
RETURNS bigint LANGUAGE sql STABLE {definer} AS $f$
  SELECT count(*) FROM sync_row
   WHERE xid >= p_lo AND xid < p_hi AND (p_client IS NULL OR origin IS DISTINCT FROM p_client) $f$;

-- The hub schema 1 signatures, for PCs not yet upgraded.
CREATE OR REPLACE FUNCTION sync_pull_count(p_lo bigint, p_hi bigint) RETURNS bigint
LANGUAGE sql STABLE {definer} AS $f$ SELECT sync_pull_count(p_lo, p_hi, NULL) $f$;
CREATE OR REPLACE FUNCTION sync_pull(p_lo bigint, p_hi bigint, p_after_xid bigint,
    p_after_tbl text, p_after_id text, p_limit int)
RETURNS TABLE (xid bigint, tbl text, id text, deleted boolean, clocks jsonb, data jsonb)
LANGUAGE sql STABLE {definer} AS $f$
  SELECT xid, tbl, id, deleted, clocks, data::jsonb
    FROM sync_pull(p_lo, p_hi, p_after_xid, p_after_tbl, p_after_id, p_limit, NULL) $f$;
"""


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
    return [STATIC.replace("{definer}", DEFINER), f"""
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
   LIMIT p_limit $f$;"""]
