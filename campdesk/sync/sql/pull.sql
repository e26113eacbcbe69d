-- The read side of the hub: the pull watermark, and the digests a PC compares its rows with.
-- The pages themselves (sync_pull_rows, sync_pull, sync_table_rows) are generated per table,
-- see hub_read.py.
--
-- A pull runs in one REPEATABLE READ transaction: sync_watermark() first, then pages below
-- it. Every transaction below the watermark has ended, so a later pull starting there can
-- never miss a change that committed late.

-- The (32-bit) ids of running transactions that cannot write this hub's rows: every backend
-- pg_stat_activity shows holding the id is
--   * connected to another database of the cluster, or
--   * not a session at all (usesysid IS NULL): PostgreSQL gives a user only to client
--     backends, WAL senders and background workers, the processes that can run SQL; the
--     others are its own helpers (autovacuum workers, whose ANALYZE takes an id, the
--     checkpointer, …), which write no table of ours.
-- backend_type is not used: PostgreSQL hides it from a role without pg_read_all_stats, and
-- "not a client backend" would also take in WAL senders and background workers (logical
-- replication, pg_cron), which can write. An id found nowhere is not returned (it counts).
-- A transaction id is held by one transaction only, so a stale view of pg_stat_activity can
-- only miss an id (stall), never lend one to another backend.
CREATE OR REPLACE FUNCTION sync_cannot_write_here() RETURNS SETOF bigint LANGUAGE sql STABLE
AS $f$
  SELECT backend_xid::text::bigint FROM pg_stat_activity
   WHERE backend_xid IS NOT NULL
   GROUP BY 1
  HAVING bool_and(usesysid IS NULL OR coalesce(datname <> current_database(), false)) $f$;

-- Every transaction of this database below this id has ended: nothing can appear there
-- any more. Call it first in a REPEATABLE READ transaction, then page with sync_pull in the
-- same one. The snapshot's oldest running transaction bounds it, except transactions that
-- cannot write here (sync_cannot_write_here): one long transaction elsewhere on a shared
-- server, or an autovacuum worker analysing a table, must not stall sync. Any other
-- transaction counts, including one whose backend is unknown (prepared, or already gone):
-- stall, never skip.
CREATE OR REPLACE FUNCTION sync_watermark() RETURNS bigint LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  WITH snap AS (SELECT pg_current_snapshot() AS s)
  SELECT least(pg_snapshot_xmax(snap.s)::text::bigint,
               (SELECT min(r.xid::text::bigint) FROM pg_snapshot_xip(snap.s) AS r(xid)
                 WHERE (r.xid::text::bigint % 4294967296) NOT IN (SELECT sync_cannot_write_here())))
    FROM snap $f$;

-- The number of a row's id in a table's digest, and its bucket (one of 4096).
CREATE OR REPLACE FUNCTION sync_id_hash(p_id text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $f$
  SELECT ('x' || left(md5(p_id), 15))::bit(60)::bigint $f$;
CREATE OR REPLACE FUNCTION sync_id_bucket(p_id text) RETURNS int LANGUAGE sql IMMUTABLE AS $f$
  SELECT ('x' || left(md5(p_id), 3))::bit(12)::int $f$;

-- Per table: how many live rows last written below the watermark p_hi, and an
-- order-independent sum of a hash of their ids. A PC that has pulled up to p_hi computes
-- the same over its rows, leaving out those in sync_recent(p_hi); a difference means rows
-- are missing or extra there.
-- p_skip lists rows ("table:id") the PC leaves out (not sent yet, or refused); both sides
-- leave them out.
CREATE OR REPLACE FUNCTION sync_digest(p_hi bigint, p_skip text[])
RETURNS TABLE (tbl text, n bigint, total numeric) LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  SELECT tbl, count(*), sum(sync_id_hash(id))
    FROM sync_row WHERE NOT deleted AND xid < p_hi AND NOT (tbl || ':' || id = ANY (p_skip))
   GROUP BY tbl $f$;

-- The same for one table, per bucket of its ids: a PC whose table differs compares buckets
-- and then the ids of the buckets that differ, so that putting it right costs what is
-- wrong, not the whole table.
CREATE OR REPLACE FUNCTION sync_digest_buckets(p_tbl text, p_hi bigint, p_skip text[])
RETURNS TABLE (bucket int, n bigint, total numeric) LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  SELECT sync_id_bucket(id), count(*), sum(sync_id_hash(id))
    FROM sync_row WHERE tbl = p_tbl AND NOT deleted AND xid < p_hi
     AND NOT (tbl || ':' || id = ANY (p_skip))
   GROUP BY 1 $f$;

-- The rows of some buckets of a table below the watermark, live or deleted.
CREATE OR REPLACE FUNCTION sync_bucket_rows(p_tbl text, p_hi bigint, p_buckets int[])
RETURNS TABLE (id text, deleted boolean) LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  SELECT id, deleted FROM sync_row
   WHERE tbl = p_tbl AND xid < p_hi AND sync_id_bucket(id) = ANY (p_buckets) $f$;

-- Rows written at or above the watermark: the PC has not pulled them yet.
CREATE OR REPLACE FUNCTION sync_recent(p_hi bigint) RETURNS TABLE (tbl text, id text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  SELECT tbl, id FROM sync_row WHERE xid >= p_hi $f$;

-- How many rows a pull from p_lo to p_hi reads. p_client: the PC pulling. New rows the hub
-- took exactly as that PC sent them (origin) are left out: it has them, and noted their
-- clocks when the push was acknowledged.
CREATE OR REPLACE FUNCTION sync_pull_count(p_lo bigint, p_hi bigint, p_client text)
RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
  SELECT count(*) FROM sync_row
   WHERE xid >= p_lo AND xid < p_hi AND (p_client IS NULL OR origin IS DISTINCT FROM p_client) $f$;
