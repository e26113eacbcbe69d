"""``campdesk hub init URL``: create or upgrade the hub's schema, idempotently."""
from __future__ import annotations

import uuid

import psycopg

from campdesk.i18n import N_
from campdesk.store.capture import SYNCED_TABLES
from campdesk.sync import hub_functions, hub_read, hub_roles, hub_sql, hub_tables
from campdesk.sync.errors import SyncError
from campdesk.sync.version import HUB_SCHEMA, MIN_CLIENT_SCHEMA

INIT_LOCK = 7310_2027


def _existing_schema(cur) -> int | None:
    cur.execute("SELECT to_regclass('sync_meta') IS NOT NULL")
    if not cur.fetchone()[0]:
        return None
    cur.execute("SELECT value::int FROM sync_meta WHERE key = 'hub_schema'")
    row = cur.fetchone()
    return row[0] if row else None


def statements() -> list[str]:
    """Everything ``hub init`` runs, in order; each statement is safe to run again."""
    out = [hub_sql.load("bookkeeping"), *hub_sql.static()]
    for name in SYNCED_TABLES:
        out += hub_tables.create_table_sql(name)
        out += hub_tables.touch_trigger_sql(name)
    out += hub_functions.generated()
    out += hub_read.functions()
    out.append(hub_roles.ROLES)
    out += hub_roles.grants()
    out.append("SELECT sync_repair_clocks()")
    return out


def init_hub(conn: psycopg.Connection) -> int:
    """Bring the hub to this CampDesk's schema; returns the schema version it now has."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (INIT_LOCK,))
        existing = _existing_schema(cur)
        if existing is not None and existing > HUB_SCHEMA:
            raise SyncError(N_("허브의 스키마(버전 {existing})가 이 CampDesk(버전 {mine})보다 "
                               "새롭습니다. CampDesk를 업데이트하세요."),
                            existing=existing, mine=HUB_SCHEMA)
        cur.execute("SET LOCAL check_function_bodies = off")  # functions refer to each other
        for sql in statements():
            cur.execute(sql)
        cur.execute("INSERT INTO sync_meta VALUES ('generation', %s) ON CONFLICT DO NOTHING",
                    (str(uuid.uuid4()),))
        cur.execute("INSERT INTO sync_meta VALUES ('hub_schema', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(HUB_SCHEMA),))
        cur.execute("INSERT INTO sync_meta VALUES ('min_client_schema', %s) ON CONFLICT (key) "
                    "DO UPDATE SET value = greatest(sync_meta.value::int, excluded.value::int)::text",
                    (str(MIN_CLIENT_SCHEMA),))
    return HUB_SCHEMA
