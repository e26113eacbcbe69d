"""The client's connection to the hub: hello, push and a watermark-bounded pull.

Only the hub's ``sync_*`` functions are called; a staff role needs no table privileges.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Sequence

import orjson
import psycopg
from psycopg.types.json import set_json_loads

from campdesk.i18n import N_
from campdesk.sync.errors import ClientTooOld, HubUnreachable, NoPassword, SiteTaken, SyncError
from campdesk.sync.local import PulledRow, SplitBatch
from campdesk.sync.watchdog import CALL_LIMIT_S, WATCHDOG

# A sync session that hangs in a transaction would hold every PC's pull watermark back.
SESSION_OPTIONS = "-c idle_in_transaction_session_timeout=120000 -c statement_timeout=300000"
# A dead network is noticed by the operating system within seconds, not two hours: TCP
# keepalives after 5 s idle, every 2 s, 3 misses; unacknowledged data for 15 s.
KEEPALIVES = dict(keepalives=1, keepalives_idle=5, keepalives_interval=2, keepalives_count=3,
                  tcp_user_timeout=15000)
TOO_OLD = "CD001"
NOT_YOURS = "CD005"
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
    identity: str | None = None  # "ok", "taken" (a hub of schema 5 on), None (older)


def connect(conninfo: str, password: str | None = None, timeout: int = 5) -> psycopg.Connection:
    kwargs = {"password": password} if password else {}
    try:
        conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=timeout,
                               options=SESSION_OPTIONS, **KEEPALIVES, **kwargs)
    except psycopg.OperationalError as exc:
        if _wants_password(exc):
            from campdesk.sync.secrets import password_needed, password_refused

            raise (password_needed() if password is None else password_refused()) from exc
        raise HubUnreachable(N_("허브에 연결할 수 없습니다. 오프라인으로 계속 작업합니다. ({detail})"),
                             detail=_first_line(exc)) from exc
    except psycopg.ProgrammingError as exc:  # a malformed address or option
        raise SyncError(N_("허브 주소가 올바르지 않습니다: {detail}"),
                        detail=_first_line(exc)) from exc
    set_json_loads(orjson.loads, conn)  # pulled pages are mostly JSON: decode it in C
    return conn


def _wants_password(exc: psycopg.OperationalError) -> bool:
    """The server asked for a password, and none or a wrong one was given."""
    text = str(exc)
    return "no password supplied" in text or "password authentication failed" in text


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class HubSession:
    """One open connection to the hub, used by one sync round.

    Every call runs under the watchdog (see ``watchdog``): one the hub does not answer
    within ``call_limit_s`` has its connection cut and fails as :class:`HubUnreachable`.
    """

    def __init__(self, conn: psycopg.Connection, call_limit_s: float = CALL_LIMIT_S,
                 group: object = None):
        self.conn = conn
        self.call_limit_s = call_limit_s
        self.group = group  # whose calls these are, for the watchdog (a sync runner)
        self.client_id: str | None = None  # set by hello on a hub that skips echoes
        self.hub_schema = 1  # as hello finds it; what the calls below may ask of the hub
        self.token: str | None = None  # the site's token, once hello has bound it (schema 5)
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

    @contextmanager
    def _watched(self) -> Iterator[None]:
        """Run network calls under the watchdog, and say in plain words why one failed."""
        try:
            fd = self.conn.pgconn.socket
        except psycopg.OperationalError as exc:  # closed already
            raise _connection_lost(exc) from exc
        with WATCHDOG.watch(fd, self.call_limit_s, self.group) as watch:
            try:
                yield
            except psycopg.errors.RaiseException as exc:
                raise _translate(exc) from exc
            except psycopg.Error as exc:
                if watch.expired:
                    raise HubUnreachable(
                        N_("허브가 {seconds}초 동안 응답하지 않아 연결을 끊었습니다. 네트워크를 "
                           "확인해 주세요. 오프라인으로 계속 작업하며, 연결되면 다시 동기화합니다."),
                        seconds=f"{self.call_limit_s:.0f}") from exc
                if (exc.sqlstate or "").startswith("CD"):  # raised by the hub's functions
                    raise _translate(exc) from exc
                if isinstance(exc, psycopg.OperationalError):
                    raise _connection_lost(exc) from exc
                raise SyncError(N_("허브가 요청을 처리하지 못했습니다: {detail}"),
                                detail=_first_line(exc)) from exc

    def _call(self, sql: str, params: tuple = ()):
        with self._watched():
            return self.conn.execute(sql, params).fetchone()[0]

    def _rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._watched():
            return self.conn.execute(sql, params).fetchall()

    def hello(self, client_id: str, schema: int, app_version: str,
              known: Sequence[str] = (), token: str | None = None,
              pc_name: str | None = None) -> Hello:
        """Register with the hub. With ``token`` (a new one, kept by the PC before it
        asked) and a hub of schema 5 on, the hub binds the site to it if this PC shows one
        of ``known`` (the token the site holds now, or one proposed since), or answers
        that the site is taken."""
        info = None
        if token is not None:
            try:
                info = self._call("SELECT sync_hello(%s, %s, %s, %s::text[], %s, %s)",
                                  (client_id, schema, app_version, list(known), token, pc_name))
            except SyncError as exc:
                if not isinstance(exc.__cause__, psycopg.errors.UndefinedFunction):
                    raise
        if info is None:  # a hub of schema 4 or older
            info = self._call("SELECT sync_hello(%s, %s, %s)", (client_id, schema, app_version))
        # Hub schema 2 and later leave our own new rows out of our pull, and take a batch
        # as json; a hub not yet upgraded is still served the schema 1 way.
        self.hub_schema = info["hub_schema"]
        identity = info.get("identity")
        self.client_id = client_id if self.hub_schema >= ECHO_FREE_HUB else None
        self.token = token if identity == "ok" else None
        return Hello(info["server_now_ms"], info["last_mutation"] or 0, info["hub_schema"],
                     info["min_client_schema"], info["generation"], identity)

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
        must have taken first. A site bound to a token (hub schema 5) sends it along."""
        if isinstance(batch_json, SplitBatch):
            batch = batch_json  # the rows go in binary: a JSON array per table, unescaped
            if self.token is not None:
                return self._call("SELECT sync_push(%s, %s, %s, %s::json, %s::text[], "
                                  "%b::text[], %s::bigint)",
                                  (client_id, self.token, schema, batch.changes, batch.tables,
                                   batch.rows, after))
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
        other = HubSession(connect(info.dsn, info.password), self.call_limit_s, self.group)
        other.client_id, other.hub_schema, other.token = self.client_id, self.hub_schema, self.token
        return other

    def pull(self, lo: int, page_size: int, after: tuple[int, str, str] | None = None
             ) -> Iterator[tuple[int, int, list[PulledRow]]]:
        """Yield ``(watermark, total, page)`` from one consistent snapshot of the hub.

        Everything below the watermark has committed or aborted, so a later pull starting
        at it can never miss a transaction that commits late. ``after``: the last row a
        pull that stopped half-way applied; this one goes on after it (a row written since
        has a newer transaction id, so it comes again further on).
        """
        with self._watched():
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            hi = self._call("SELECT sync_watermark()")
            me = () if self.client_id is None else (self.client_id,)
            marks = ", %s" * len(me)
            total = self._call(f"SELECT sync_pull_count(%s, %s{marks})", (lo, hi, *me))
            if total == 0:
                yield hi, 0, []
                return
            read_page = self._text_page if self.current else self._json_page
            position = after or (0, "", "")
            limit = min(page_size, FIRST_PAGE)  # small: the PC starts writing sooner
            while True:
                page = read_page((lo, hi, *position, limit))
                yield hi, total, page
                if len(page) < limit:
                    return
                position = (page[-1].xid, page[-1].tbl, page[-1].id)
                limit = min(page_size, limit * 2)  # each fetched while the last is written
        finally:
            self._end_read()

    def _end_read(self) -> None:
        """End a read transaction; a connection that broke meanwhile needs nothing."""
        try:
            with self._watched():
                self.conn.execute("ROLLBACK")
        except SyncError:
            pass

    def _text_page(self, params: tuple) -> list[PulledRow]:
        """A page from a hub of schema 3 or later: values as text, ready for SQLite."""
        if self._columns is None:
            self._columns = {t: tuple(cols) for t, cols in
                             self._call("SELECT sync_columns()").items()}
        rows = self._rows("SELECT * FROM sync_pull_rows(%s, %s, %s, %s, %s, %s, %s::text)",
                          (*params, self.client_id))
        columns = self._columns
        return [PulledRow(x, t, i, d, c, columns.get(t, ()), v) for x, t, i, d, c, v in rows]

    def _json_page(self, params: tuple) -> list[PulledRow]:
        """A page from a hub of schema 1 or 2: rows as typed JSON."""
        params += () if self.client_id is None else (self.client_id,)
        marks = ", ".join(["%s"] * len(params))
        return [PulledRow.from_json(*r) for r in self._rows(
            f"SELECT * FROM sync_pull({marks})", params)]

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """One consistent read of the hub, for the comparisons below."""
        with self._watched():
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            self._end_read()

    def digest(self, watermark: int, skip: set[tuple[str, str]]
               ) -> tuple[dict[str, tuple[int, int]], set[tuple[str, str]]]:
        """Per table (count, id hash sum) below the watermark, leaving out ``skip``; and the
        rows written at or above the watermark."""
        skipped = [f"{t}:{i}" for t, i in skip]
        with self._snapshot():
            digest = {t: (n, int(total)) for t, n, total in self._rows(
                "SELECT * FROM sync_digest(%s, %s)", (watermark, skipped))}
            recent = {tuple(r) for r in self._rows("SELECT * FROM sync_recent(%s)", (watermark,))}
        return digest, recent

    def bucket_digest(self, table: str, watermark: int, skip: set[tuple[str, str]]
                      ) -> dict[int, tuple[int, int]]:
        """The same as :meth:`digest` for one table, per bucket of its ids (hub schema 5)."""
        skipped = [f"{t}:{i}" for t, i in skip if t == table]
        return {b: (n, int(total)) for b, n, total in self._rows(
            "SELECT * FROM sync_digest_buckets(%s, %s, %s)", (table, watermark, skipped))}

    def bucket_rows(self, table: str, watermark: int, buckets: list[int]) -> dict[str, bool]:
        """The ids of some buckets of a table below the watermark: id -> deleted."""
        return dict(self._rows("SELECT * FROM sync_bucket_rows(%s, %s, %s::int[])",
                               (table, watermark, buckets)))

    def rows_by_id(self, table: str, ids: list[str]) -> list[PulledRow]:
        return [PulledRow.from_json(*r) for r in self._rows(
            "SELECT * FROM sync_rows_by_id(%s, %s::text[])", (table, ids))]

    def table_rows(self, table: str, page_size: int) -> Iterator[list[PulledRow]]:
        """Every live row of one table, in pages (a hub of schema 4 or older)."""
        after = ""
        while True:
            rows = self._rows("SELECT * FROM sync_table_rows(%s, %s, %s)",
                              (table, after, page_size))
            if rows:
                yield [PulledRow.from_json(*r) for r in rows]
            if len(rows) < page_size:
                return
            after = rows[-1][2]


def _connection_lost(exc: Exception) -> HubUnreachable:
    return HubUnreachable(N_("허브와의 연결이 끊어졌습니다. ({detail})"), detail=_first_line(exc))


def _translate(exc: psycopg.Error) -> SyncError:
    if exc.sqlstate == NOT_YOURS:
        return SiteTaken(N_(
            "허브가 이 PC의 동기화 ID를 다른 PC의 것으로 보고 변경 내용을 받지 않았습니다. 이 PC의 "
            "작업은 그대로 보관되며, 다음 동기화에서 새 ID로 보냅니다."))
    if exc.sqlstate == TOO_OLD:
        return ClientTooOld(N_(
            "이 CampDesk는 허브보다 오래된 버전이라 변경 내용을 보낼 수 없습니다. CampDesk를 "
            "업데이트하세요. 이 PC의 작업은 안전하게 보관됩니다."))
    return SyncError(N_("허브가 요청을 거부했습니다: {detail}"), detail=_first_line(exc))
