"""The client's connection to the hub: hello, push and a watermark-bounded pull.

Only the hub's ``sync_*`` functions are called; a staff role needs no table privileges.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import orjson
import psycopg
from psycopg.types.json import set_json_loads

from campdesk.sync.errors import ClientTooOld, HubUnreachable, SyncError
from campdesk.sync.local import PulledRow, SplitBatch

# A sync session that hangs in a transaction would hold every PC's pull watermark back.
SESSION_OPTIONS = "-c idle_in_transaction_session_timeout=120000 -c statement_timeout=300000"
TOO_OLD = "CD001"
ECHO_FREE_HUB = 2
# The first page of a pull is short, so that this PC writes it while the hub reads the next;
# each page after is twice as long as the one before, up to the page size.
FIRST_PAGE = 500
TEXT_PAGES_HUB = 3
SPLIT_BATCH_HUB = 4


@dataclass(frozen=True)
class Hello:
    server_now_ms: int
    last_mutation: int
    hub_schema: int
    min_client_schema: int
    generation: str


def connect(conninfo: str, password: str | None = None, timeout: int = 5) -> psycopg.Connection:
    kwargs = {"password": password} if password else {}
    try:
        conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=timeout,
                               options=SESSION_OPTIONS, **kwargs)
    except psycopg.OperationalError as exc:
        raise HubUnreachable(f"허브에 연결할 수 없습니다. 오프라인으로 계속 작업합니다. ({_first_line(exc)})") from exc
    set_json_loads(orjson.loads, conn)  # pulled pages are mostly JSON: decode it in C
    return conn


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class HubSession:
    """One open connection to the hub, used by one sync round."""

    def __init__(self, conn: psycopg.Connection):
        self.conn = conn
        self.client_id: str | None = None  # set by hello on a hub that skips echoes
        self.hub_schema = 1  # as hello finds it; what the calls below may ask of the hub
        self._columns: dict[str, tuple[str, ...]] | None = None  # the hub's, per table

    @property
    def batch_type(self) -> str:
        """What a batch is sent as: jsonb to a hub of schema 1, json from schema 2 on."""
        return "json" if self.hub_schema >= ECHO_FREE_HUB else "jsonb"

    @property
    def current(self) -> bool:
        """A hub of schema 3 or later: it sends pages of text in our storage format, and
        takes a batch before the last one is answered."""
        return self.hub_schema >= TEXT_PAGES_HUB

    def close(self) -> None:
        self.conn.close()

    def _call(self, sql: str, params: tuple):
        try:
            return self.conn.execute(sql, params).fetchone()[0]
        except psycopg.errors.RaiseException as exc:
            raise _translate(exc) from exc
        except psycopg.Error as exc:
            if (exc.sqlstate or "").startswith("CD"):  # raised by the hub's functions
                raise _translate(exc) from exc
            if isinstance(exc, psycopg.OperationalError):
                raise HubUnreachable(f"허브와의 연결이 끊어졌습니다. ({_first_line(exc)})") from exc
            raise

    def hello(self, client_id: str, schema: int, app_version: str) -> Hello:
        info = self._call("SELECT sync_hello(%s, %s, %s)", (client_id, schema, app_version))
        # Hub schema 2 and later leave our own new rows out of our pull, and take a batch
        # as json; a hub not yet upgraded is still served the schema 1 way.
        self.hub_schema = info["hub_schema"]
        self.client_id = client_id if self.hub_schema >= ECHO_FREE_HUB else None
        return Hello(info["server_now_ms"], info["last_mutation"], info["hub_schema"],
                     info["min_client_schema"], info["generation"])

    @property
    def splits_batches(self) -> bool:
        """A hub of schema 4 or later: it takes a batch's new rows apart (a SplitBatch)."""
        return self.hub_schema >= SPLIT_BATCH_HUB

    @property
    def infers_insert_clocks(self) -> bool:
        """A hub of schema 4 or later: a field a PC sends no base clock for, the PC has seen
        as inserted; so a PC keeps no clocks for rows that have only their insert's."""
        return self.hub_schema >= SPLIT_BATCH_HUB

    def push(self, client_id: str, schema: int, batch_json: str | SplitBatch,
             after: int | None = None) -> dict:
        """Merge one batch, a JSON array of changes or (hub schema 4) a SplitBatch;
        ``after`` (hub schema 3) is the last change of the batch before it, which the hub
        must have taken first."""
        if isinstance(batch_json, SplitBatch):
            batch = batch_json  # the rows go in binary: a JSON array per table, unescaped
            return self._call("SELECT sync_push(%s, %s, %s::json, %s::text[], %b::text[], "
                              "%s::bigint)", (client_id, schema, batch.changes, batch.tables,
                                              batch.rows, after))
        if after is None or not self.current:
            return self._call(f"SELECT sync_push(%s, %s, %s::{self.batch_type})",
                              (client_id, schema, batch_json))
        return self._call("SELECT sync_push(%s, %s, %s::json, %s::bigint)",
                          (client_id, schema, batch_json, after))

    def second(self) -> "HubSession":
        """Another session on a new connection to the same hub, as this one was opened:
        a PC sends its next batch on it while the hub merges the one before."""
        info = self.conn.info
        other = HubSession(connect(info.dsn, info.password))
        other.client_id, other.hub_schema = self.client_id, self.hub_schema
        return other

    def pull(self, lo: int, page_size: int) -> Iterator[tuple[int, int, list[PulledRow]]]:
        """Yield ``(watermark, total, page)`` from one consistent snapshot of the hub.

        Everything below the watermark has committed or aborted, so a later pull starting
        at it can never miss a transaction that commits late.
        """
        try:
            with self.conn.transaction():
                self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                hi = self.conn.execute("SELECT sync_watermark()").fetchone()[0]
                me = () if self.client_id is None else (self.client_id,)
                marks = ", %s" * len(me)
                total = self.conn.execute(f"SELECT sync_pull_count(%s, %s{marks})",
                                          (lo, hi, *me)).fetchone()[0]
                if total == 0:
                    yield hi, 0, []
                    return
                read_page = self._text_page if self.current else self._json_page
                after = (0, "", "")
                limit = min(page_size, FIRST_PAGE)  # small: the PC starts writing sooner
                while True:
                    page = read_page((lo, hi, *after, limit))
                    yield hi, total, page
                    if len(page) < limit:
                        return
                    after = (page[-1].xid, page[-1].tbl, page[-1].id)
                    limit = min(page_size, limit * 2)  # each fetched while the last is written
        except psycopg.OperationalError as exc:
            raise HubUnreachable(f"허브와의 연결이 끊어졌습니다. ({_first_line(exc)})") from exc

    def _text_page(self, params: tuple) -> list[PulledRow]:
        """A page from a hub of schema 3 or later: values as text, ready for SQLite."""
        if self._columns is None:
            self._columns = {t: tuple(cols) for t, cols in
                             self.conn.execute("SELECT sync_columns()").fetchone()[0].items()}
        rows = self.conn.execute(
            "SELECT * FROM sync_pull_rows(%s, %s, %s, %s, %s, %s, %s::text)",
            (*params, self.client_id)).fetchall()
        columns = self._columns
        return [PulledRow(x, t, i, d, c, columns.get(t, ()), v) for x, t, i, d, c, v in rows]

    def _json_page(self, params: tuple) -> list[PulledRow]:
        """A page from a hub of schema 1 or 2: rows as typed JSON."""
        params += () if self.client_id is None else (self.client_id,)
        marks = ", ".join(["%s"] * len(params))
        return [PulledRow.from_json(*r) for r in self.conn.execute(
            f"SELECT * FROM sync_pull({marks})", params).fetchall()]

    def digest(self, watermark: int, skip: set[tuple[str, str]]
               ) -> tuple[dict[str, tuple[int, int]], set[tuple[str, str]]]:
        """Per table (count, id hash sum) below the watermark, leaving out ``skip``; and the
        rows written at or above the watermark."""
        skipped = [f"{t}:{i}" for t, i in skip]
        with self.conn.transaction():
            self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            digest = {t: (n, int(total)) for t, n, total in self.conn.execute(
                "SELECT * FROM sync_digest(%s, %s)", (watermark, skipped)).fetchall()}
            recent = {tuple(r) for r in self.conn.execute(
                "SELECT * FROM sync_recent(%s)", (watermark,)).fetchall()}
        return digest, recent

    def table_rows(self, table: str, page_size: int) -> Iterator[list[PulledRow]]:
        """Every live row of one table, in pages (to repair a PC that lost some)."""
        after = ""
        while True:
            rows = self.conn.execute("SELECT * FROM sync_table_rows(%s, %s, %s)",
                                     (table, after, page_size)).fetchall()
            if rows:
                yield [PulledRow.from_json(*r) for r in rows]
            if len(rows) < page_size:
                return
            after = rows[-1][2]


def _translate(exc: psycopg.Error) -> SyncError:
    if exc.sqlstate == TOO_OLD:
        return ClientTooOld(
            "이 CampDesk는 허브보다 오래된 버전이라 변경 내용을 보낼 수 없습니다. CampDesk를 "
            "업데이트하세요. 이 PC의 작업은 안전하게 보관됩니다. "
            "(This CampDesk is too old for the hub; please upgrade. Your work is kept.)")
    return SyncError(f"허브가 요청을 거부했습니다: {_first_line(exc)}")
