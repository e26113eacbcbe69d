"""Who may do what on the hub: staff call the sync functions and touch no table; readers
(dashboards) may read the tables."""
from __future__ import annotations

from campdesk.store.capture import SYNCED_TABLES

ENTRY_POINTS = (
    "sync_hello(text, int, text, text[], text, text)",
    "sync_push(text, text, int, json, text[], text[], bigint)",
    "sync_digest_buckets(text, bigint, text[])", "sync_bucket_rows(text, bigint, int[])",
    "sync_rows_by_id(text, text[])",
    # for PCs of older hub schemas (sql/compat.sql)
    "sync_hello(text, int, text)", "sync_push(text, int, jsonb)", "sync_push(text, int, json)",
    "sync_push(text, int, json, bigint)", "sync_push(text, int, json, text[], text[], bigint)",
    "sync_watermark()",
    "sync_pull(bigint, bigint, bigint, text, text, int)", "sync_pull_count(bigint, bigint)",
    "sync_pull(bigint, bigint, bigint, text, text, int, text)",
    "sync_pull_count(bigint, bigint, text)",
    "sync_pull_rows(bigint, bigint, bigint, text, text, int, text)", "sync_columns()",
    "sync_info()", "sync_digest(bigint, text[])", "sync_recent(bigint)",
    "sync_table_rows(text, text, int)",
)

ROLES = """
DO $r$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campdesk_staff') THEN
    CREATE ROLE campdesk_staff NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'campdesk_reader') THEN
    CREATE ROLE campdesk_reader NOLOGIN;
  END IF;
END $r$;
"""

BOOKKEEPING_TABLES = ("sync_meta", "sync_client", "sync_row", "sync_fk")
# Only CampDesk's own functions: other extensions' functions in the schema stay as they are.
_REVOKE_SYNC_FUNCTIONS = """
DO $r$ DECLARE f regprocedure; BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND p.proname LIKE 'sync\\_%' LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END $r$;
"""


def grants() -> list[str]:
    out = [_REVOKE_SYNC_FUNCTIONS,
           "GRANT USAGE ON SCHEMA public TO campdesk_staff, campdesk_reader"]
    out += [f'REVOKE ALL ON "{t}" FROM PUBLIC' for t in SYNCED_TABLES + BOOKKEEPING_TABLES]
    out += [f"GRANT EXECUTE ON FUNCTION {sig} TO campdesk_staff" for sig in ENTRY_POINTS]
    out += [f'GRANT SELECT ON "{t}" TO campdesk_reader' for t in SYNCED_TABLES]
    return out
