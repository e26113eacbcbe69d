"""A PC in a test: its own data directory and database, driven through the real services
of the store (ORM writes fire the capture triggers) and synced with the real engine."""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import psycopg

from campdesk.domain.ids import new_id
from campdesk.domain.validation import normalise_company_name
from campdesk.services.context import open_context
from campdesk.store.capture import SYNCED_TABLES
from campdesk.store.models import Company, Space, SpaceAssignment
from campdesk.sync import codec, engine, target
from campdesk.sync.hub import HubSession, connect
from campdesk.sync.local import LocalReplica


class PC:
    def __init__(self, home: Path, hub_url: str):
        self.ctx = open_context(home)
        self.hub_url = hub_url
        self.path = self.ctx.paths.database

    def close(self) -> None:
        self.ctx.close()

    # -- writes, as the app makes them ------------------------------------------------
    def add(self, model, **values) -> str:
        with self.ctx.db.transaction() as s:
            obj = model(**values)
            s.add(obj)
            s.flush()
            return obj.id

    def add_company(self, name: str, business_no: str | None = None, **values) -> str:
        return self.add(Company, name=name, name_norm=normalise_company_name(name),
                        business_no=business_no, **values)

    def add_space(self, name: str = "301-D04") -> str:
        return self.add(Space, floor=3, name=name, kind="desk")

    def assign(self, space_id: str, company_id: str, starts: date, ends: date | None) -> str:
        return self.add(SpaceAssignment, space_id=space_id, company_id=company_id,
                        starts_on=starts, ends_on=ends, status="confirmed")

    def edit(self, model, row_id: str, **values) -> None:
        with self.ctx.db.transaction() as s:
            obj = s.get(model, row_id)
            for k, v in values.items():
                setattr(obj, k, v)

    def delete(self, model, row_id: str) -> None:
        with self.ctx.db.transaction() as s:
            s.delete(s.get(model, row_id))

    def get(self, model, row_id: str):
        with self.ctx.db.reading() as s:
            return s.get(model, row_id)

    # -- sync -------------------------------------------------------------------------
    def sync(self, **options) -> engine.SyncReport:
        return engine.run(self.path, target.from_url(self.hub_url), **options)

    def sync_with(self, hub: target.HubTarget, **options) -> engine.SyncReport:
        return engine.run(self.path, hub, **options)

    def replica(self) -> LocalReplica:
        return LocalReplica(self.path)

    def session(self, url: str | None = None) -> HubSession:
        return HubSession(connect(url or self.hub_url))

    def set_skew(self, ms: int) -> None:
        with self.raw() as conn:
            conn.execute("UPDATE sync_state SET skew_ms = ? WHERE id = 1", (ms,))

    def raw(self) -> sqlite3.Connection:
        conn = sqlite3.connect(str(self.path), isolation_level=None)
        conn.execute("PRAGMA busy_timeout=5000")
        return _Closing(conn)

    def state(self) -> dict:
        replica = self.replica()
        try:
            return replica.state()
        finally:
            replica.close()

    def pending(self) -> int:
        with self.raw() as conn:
            return conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]

    def conflicts(self, kind: str | None = None) -> list[dict]:
        with self.raw() as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute("SELECT * FROM sync_conflict ORDER BY created_at, id").fetchall()
        return [dict(r) for r in rows if kind is None or r["kind"] == kind]

    def snapshot(self) -> dict:
        with self.raw() as conn:
            return local_snapshot(conn)


class _Closing:
    def __init__(self, conn):
        self.conn = conn

    def __enter__(self):
        return self.conn

    def __exit__(self, *exc):
        self.conn.close()


def local_snapshot(conn) -> dict:
    out = {}
    for t in SYNCED_TABLES:
        cur = conn.execute(f'SELECT * FROM "{t}" ORDER BY id')
        names = [d[0] for d in cur.description]
        rows = (dict(zip(names, r)) for r in cur.fetchall())
        out[t] = {row["id"]: row for row in rows}
    return out


def hub_snapshot(url: str) -> dict:
    out = {}
    with psycopg.connect(url) as conn:
        for t in SYNCED_TABLES:
            rows = conn.execute(f'SELECT id, to_jsonb(t) FROM "{t}" t ORDER BY id').fetchall()
            out[t] = {i: {k: codec.to_local(t, k, v) for k, v in data.items()} for i, data in rows}
    return out


def assert_converged(hub_url: str, *pcs: PC) -> None:
    """The oracle: every PC equals the hub, and every outbox is empty."""
    hub = hub_snapshot(hub_url)
    for pc in pcs:
        assert pc.pending() == 0, f"{pc.path}: outbox not empty"
        local = pc.snapshot()
        for t in SYNCED_TABLES:
            assert local[t] == hub[t], f"{pc.path}: table {t} differs from the hub"


def hub_rows(url: str, sql: str, params: tuple = ()) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql, params).fetchall()


__all__ = ["PC", "assert_converged", "hub_snapshot", "hub_rows", "new_id"]


def hub_exec(url: str, *statements: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        for sql in statements:
            conn.execute(sql)


def pretend_hub_schema(url: str, schema: int) -> None:
    """Make the hub answer as one of an older schema: it says so at hello, and has no hello
    of schema 5 (which binds a site to a token) for a PC to call."""
    hub_exec(url, f"UPDATE sync_meta SET value = '{schema}' WHERE key = 'hub_schema'",
             "DROP FUNCTION IF EXISTS sync_hello(text, int, text, text[], text, text)")
