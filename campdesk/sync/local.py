"""This PC's side of sync: read the outbox, acknowledge it, apply pulled rows.

Sync uses its own SQLite connection (it runs on its own thread). Pulled rows are applied
with capture silenced and foreign keys unchecked (a row may arrive before its parent, or
point at a parent deleted elsewhere: the hub flags that). Every write here begins with
``BEGIN IMMEDIATE``, so it queues behind a user's write instead of interleaving with it.
"""
from __future__ import annotations

import itertools
import json
import operator
import secrets
import sqlite3
from contextlib import contextmanager
from functools import lru_cache
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

import orjson

from campdesk.store import capture
from campdesk.store.capture import SYNCED_TABLES
from campdesk.store.db import PRAGMAS
from campdesk.sync import codec, hlc
from campdesk.sync.hub_functions import ORDERED_TABLES

MAX_PROPOSALS = 20  # tokens proposed without an answer that this PC still shows
NOW_MS_SQL = ("SELECT CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER) + skew_ms "
              "FROM sync_state WHERE id = 1")


class PulledRow(NamedTuple):
    """One row of a pull: its clocks, and its values in this PC's storage format in the
    order of ``columns`` (the hub's columns of the table), or None when it is deleted."""
    xid: int
    tbl: str
    id: str
    deleted: bool
    clocks: dict
    columns: tuple[str, ...]
    values: Sequence | None

    @classmethod
    def from_json(cls, xid: int, tbl: str, row_id: str, deleted: bool, clocks: dict,
                  data: dict | None) -> "PulledRow":
        """A row as an older hub (or a repair) sends it: typed JSON, converted here."""
        if data is None:
            return cls(xid, tbl, row_id, deleted, clocks, (), None)
        return cls(xid, tbl, row_id, deleted, clocks, tuple(data),
                   tuple(codec.to_local(tbl, c, v) for c, v in data.items()))


class SplitBatch(NamedTuple):
    """A batch of changes for a hub of schema 4: the new rows of each table in ``tables``
    (``rows``, a JSON array per table) apart from the other ``changes`` (a JSON array)."""
    changes: str
    tables: list[str]
    rows: list[str]


# One outbox entry as a change, in JSON built by SQLite (see LocalReplica.next_batch); the
# head's last value is the quoted clock, so rtrim takes off only its closing brace.
_BARE_PATCH = "CASE WHEN op = 'upsert' AND base IS NULL THEN json_patch('{}', patch) ELSE patch END"
_CHANGE_JSON = (
    "rtrim(json_object('seq', seq, 'tbl', tbl, 'id', row_id, 'op', op, 'clock', clock), '}') "
    f"|| ',\"patch\":' || coalesce({_BARE_PATCH}, 'null') "
    "|| ',\"base\":' || coalesce(base, 'null') || '}'")
# A new row the hub merges set-wise; and such a row as one flat object without its empty
# fields (a merge patch leaves out the fields that are null).
_NEW_ROW = (f"op = 'upsert' AND base IS NULL AND patch IS NOT NULL "
            f"AND tbl NOT IN ({', '.join(repr(t) for t in ORDERED_TABLES)})")
_FLAT_ROW_JSON = "json_patch(json_object('sync_seq', seq, 'sync_clock', clock, 'id', row_id), patch)"


class LocalReplica:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False,
                                    timeout=30)
        for pragma in PRAGMAS:
            self.conn.execute(pragma)
        self.conn.execute("PRAGMA foreign_keys=OFF")
        # Pulled rows and acknowledgements can be had again: a row is pulled again, an
        # acknowledged change sent again is skipped by the hub. So their commits wait for
        # no disk flush; the WAL keeps commits whole and in order, so a power cut can only
        # take the last of them back (with any cursor after them), and the next commit of
        # a staff member's work flushes them too. What cannot be had again (this PC's
        # identity, cursor and hub, changes queued again) is written durably.
        self.conn.execute("PRAGMA synchronous=NORMAL")
        missing = capture.missing_triggers(self.conn)
        if missing:  # a table rebuilt by a migration lost its triggers: put them back
            with self.writing():
                capture.install(self.conn)
        # Per table, its columns; and those whose default is not NULL, to which a pulled
        # NULL must be written as such.
        tables = {t: capture.columns_and_defaults(self.conn, t) for t in SYNCED_TABLES}
        self._columns = {t: columns for t, (columns, _) in tables.items()}
        self._defaults = {t: defaulted for t, (_, defaulted) in tables.items()}
        # Pulled rows this PC could not store (see _write): (table, id) -> why.
        self.refused: dict[tuple[str, str], str] = {}

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def writing(self, durable: bool = False) -> Iterator[sqlite3.Connection]:
        """A write transaction; ``durable``: its commit waits for the disk (see __init__)."""
        if durable:
            self.conn.execute("PRAGMA synchronous=FULL")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        finally:
            if durable:
                self.conn.execute("PRAGMA synchronous=NORMAL")

    # -- state -------------------------------------------------------------------------
    def state(self) -> dict:
        cur = self.conn.execute("SELECT * FROM sync_state WHERE id = 1")
        names = [d[0] for d in cur.description]
        return dict(zip(names, cur.fetchone()))

    @property
    def site_id(self) -> str:
        return self.state()["site_id"]

    def now_ms(self) -> int:
        """This PC's wall clock in Unix milliseconds, as its triggers see it."""
        return self.conn.execute(NOW_MS_SQL).fetchone()[0]

    def update_state(self, **values) -> None:
        sets = ", ".join(f"{k} = ?" for k in values)
        with self.writing(durable=True):
            self.conn.execute(f"UPDATE sync_state SET {sets} WHERE id = 1", tuple(values.values()))

    def mark_synced(self, offset_ms: int | None) -> None:
        stamp = datetime.now(timezone.utc).replace(tzinfo=None).strftime(codec.SQLITE_DATETIME)
        self.update_state(last_sync_at=stamp, last_error=None, clock_offset_ms=offset_ms)

    def last_seq_issued(self) -> int:
        row = self.conn.execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").fetchone()
        return row[0] if row else 0

    def become_new_site(self) -> str:
        """Go on as a new replica: this file went back in time (a restored backup), whose
        change numbers may repeat ones the hub has already seen, or it is a copy of another
        PC's data folder, which holds that PC's site id. It reads the hub again. Its unsent
        changes stay queued and go out under the new identity, their clocks its own: a
        change this PC made must never pass for the other PC's."""
        from campdesk.domain.ids import new_id

        site = new_id()
        with self.writing(durable=True):
            self.conn.execute("UPDATE sync_state SET site_id = ?, pull_cursor = 0, "
                              "pull_after = NULL, site_token = NULL, site_tokens_proposed = NULL "
                              "WHERE id = 1", (site,))
            self.conn.execute("UPDATE sync_outbox SET clock = substr(clock, 1, 17) || ? "
                              "WHERE substr(clock, 17, 1) = ':'", (site,))
        return site

    # -- identity ----------------------------------------------------------------------
    def propose_token(self) -> tuple[list[str], str]:
        """The tokens this PC can show for its site (the one the hub holds, and those it
        proposed since without hearing back), and a new one to hold from the next hello
        on, kept before it is sent so that a lost answer never strands it. Its commit
        waits for no disk flush (the round's last write flushes it): were a power cut to
        take it after the hub took the token, this PC would only go on as a new site,
        losing nothing."""
        token, proposed = self.conn.execute(
            "SELECT site_token, site_tokens_proposed FROM sync_state WHERE id = 1").fetchone()
        pending = json.loads(proposed) if proposed else []
        new = secrets.token_hex(32)
        with self.writing():
            self.conn.execute("UPDATE sync_state SET site_tokens_proposed = ? WHERE id = 1",
                              (json.dumps((pending + [new])[-MAX_PROPOSALS:]),))
        return ([token] if token else []) + pending, new

    def settle_token(self, token: str | None) -> None:
        """The hub's answer arrived: it holds ``token`` now (None: a hub that binds no
        site, which keeps what this PC held)."""
        values = {"site_tokens_proposed": None}
        if token is not None:
            values["site_token"] = token
        sets = ", ".join(f"{k} = ?" for k in values)
        with self.writing():  # a crash before this only leaves the proposal to show again
            self.conn.execute(f"UPDATE sync_state SET {sets} WHERE id = 1", tuple(values.values()))

    # -- outbox ------------------------------------------------------------------------
    def pending_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]

    def next_batch(self, limit: int, after: int = 0) -> tuple[str, int] | None:
        """The oldest ``limit`` changes after seq ``after`` as one JSON array (built by
        SQLite), and the last seq.

        ``patch`` and ``base`` are JSON already (written by the capture triggers with
        ``json_object``), so they are spliced in as they are rather than parsed again. A
        whole new row (an upsert with no base) goes without its empty fields: to the hub a
        missing field of a new row is empty, and a third less JSON is quicker to merge."""
        row = self.conn.execute(
            f"SELECT '[' || group_concat({_CHANGE_JSON}, ','), max(seq), count(*) FROM ("
            f" SELECT * FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?)",
            (after, limit)).fetchone()
        return None if row[2] == 0 else (row[0] + "]", row[1])

    def next_split_batch(self, limit: int, after: int = 0) -> tuple[SplitBatch, int] | None:
        """The same changes as :meth:`next_batch`, with the new rows of tables the hub
        merges set-wise apart: per table, one JSON array of flat objects (the row's fields,
        its ``id``, ``sync_seq`` and ``sync_clock``), which the hub parses straight into
        rows; and the last seq."""
        last, count = self.conn.execute(
            "SELECT max(seq), count(*) FROM (SELECT seq FROM sync_outbox WHERE seq > ? "
            "ORDER BY seq LIMIT ?)", (after, limit)).fetchone()
        if count == 0:
            return None
        span = "FROM sync_outbox WHERE seq > ? AND seq <= ?"
        changes = self.conn.execute(
            f"SELECT '[' || coalesce(group_concat({_CHANGE_JSON}, ','), '') || ']' FROM ("
            f" SELECT * {span} AND NOT ({_NEW_ROW}) ORDER BY seq)", (after, last)).fetchone()[0]
        tables, rows = [], []
        for tbl, array in self.conn.execute(
                f"SELECT tbl, '[' || group_concat({_FLAT_ROW_JSON}, ',') || ']' FROM ("
                f" SELECT * {span} AND {_NEW_ROW} ORDER BY seq) GROUP BY tbl", (after, last)):
            tables.append(tbl)
            rows.append(array)
        return SplitBatch(changes, tables, rows), last

    def ack(self, seq: int) -> None:
        """The hub has merged every change up to ``seq``: forget them here. New rows it took
        exactly as sent do not come back in our pull; their insert's clock was noted when
        they were made."""
        with self.writing():
            self.conn.execute("DELETE FROM sync_outbox WHERE seq <= ?", (seq,))

    def _pending_fields(self, keys: set[tuple[str, str]]) -> dict[tuple[str, str], dict]:
        """Fields with a local change not yet acknowledged, with their local clocks."""
        out: dict[tuple[str, str], dict] = {}
        if not keys:
            return out
        for tbl, row_id, op, patch, clock in self.conn.execute(
                "SELECT tbl, row_id, op, patch, clock FROM sync_outbox ORDER BY seq"):
            if (tbl, row_id) in keys and op == "upsert":
                out.setdefault((tbl, row_id), {}).update(dict.fromkeys(json.loads(patch), clock))
        return out

    # -- rows needing attention -------------------------------------------------------
    def held_back(self) -> set[tuple[str, str]]:
        """Rows left out when this PC compares itself with the hub: those with changes not
        sent yet, those the hub refused, and hub rows this PC cannot store (both flagged
        under "needs attention" until someone resolves them)."""
        return {tuple(r) for r in self.conn.execute(
            "SELECT tbl, row_id FROM sync_outbox UNION SELECT tbl, row_id FROM sync_conflict "
            "WHERE kind IN ('rejected', 'unstorable') AND resolved_at IS NULL AND NOT archived")}

    def remove_rows(self, table: str, ids: list[str]) -> None:
        """Delete rows the hub has deleted (not news: capture stays silent)."""
        if not ids:
            return
        with self.writing(), capture.applying(self.conn):
            self.conn.executemany(f'DELETE FROM "{table}" WHERE id = ?', [(i,) for i in ids])
            self.conn.executemany("DELETE FROM sync_row_clock WHERE tbl = ? AND row_id = ?",
                                  [(table, i) for i in ids])

    def requeue_rows(self, table: str, ids: list[str]) -> None:
        """Queue whole rows to be sent again (the hub never got them, or lost them), in
        place of any change of theirs still queued."""
        if not ids:
            return
        with self.writing(durable=True):
            self.conn.executemany("DELETE FROM sync_outbox WHERE tbl = ? AND row_id = ?",
                                  [(table, i) for i in ids])
            capture.enqueue_rows(self.conn, table, ids)

    def flag_unstorable(self, refused: dict[tuple[str, str], str]) -> int:
        """Put hub rows this PC could not store under "needs attention", once: the flag's
        id comes from the row, so every PC that meets the row makes the same one."""
        now = datetime.now(timezone.utc).replace(tzinfo=None).strftime(codec.SQLITE_DATETIME)
        site = self.site_id
        made = 0
        with self.writing():
            for (tbl, row_id), reason in refused.items():
                made += self.conn.execute(
                    "INSERT OR IGNORE INTO sync_conflict (id, kind, tbl, row_id, detail, "
                    "loser_site, created_at, updated_at, archived) "
                    "VALUES (?, 'unstorable', ?, ?, ?, ?, ?, ?, 0)",
                    (flag_id("unstorable", tbl, row_id), tbl, row_id[:36], reason[:500], site,
                     now, now)).rowcount
        return made

    def rejected_inserts(self) -> list[tuple[str, str, str]]:
        """New rows of this PC the hub refused (quarantined) and does not hold, with the
        flag about each: (flag id, table, row id)."""
        out = []
        for flag, tbl, row_id, change in self.conn.execute(
                "SELECT id, tbl, row_id, loser_value FROM sync_conflict WHERE kind = 'rejected' "
                "AND resolved_at IS NULL AND NOT archived"):
            try:
                change = json.loads(change) if change else {}
            except ValueError:
                continue
            if (isinstance(change, dict) and change.get("op") == "upsert"
                    and change.get("base") is None and tbl in self._columns):
                out.append((flag, tbl, row_id))
        return out

    def resend_fixed(self, fits: Callable[[str, dict], bool]) -> int:
        """Send again, whole, every new row the hub refused that ``fits`` the hub now (it
        was put right here since, or the hub was upgraded), and resolve its flag. A row
        edited since that still does not fit goes whole too: its edits alone are not a
        row to the hub, which never had it (it is refused again under the same flag)."""
        sent = 0
        for flag, tbl, row_id in self.rejected_inserts():
            cur = self.conn.execute(f'SELECT * FROM "{tbl}" WHERE id = ?', (row_id,))
            row = cur.fetchone()
            if row is None:
                continue
            fit = fits(tbl, dict(zip([d[0] for d in cur.description], row)))
            edited = self.conn.execute("SELECT 1 FROM sync_outbox WHERE tbl = ? AND row_id = ?",
                                       (tbl, row_id)).fetchone()
            if not (fit or edited):
                continue
            self.requeue_rows(tbl, [row_id])
            if fit:
                now = datetime.now(timezone.utc).replace(tzinfo=None).strftime(
                    codec.SQLITE_DATETIME)
                with self.writing():
                    self.conn.execute("UPDATE sync_conflict SET resolved_at = ?, resolution = "
                                      "'resent' WHERE id = ?", (now, flag))
                sent += 1
        return sent

    # -- applying pulled rows ----------------------------------------------------------
    def apply(self, rows: Iterable[PulledRow], force: bool = False,
              insert_clocks: bool = True, position: tuple | None = None) -> int:
        """Apply one page of pulled rows in one transaction; returns how many were applied.

        A row whose clocks equal ours is already here and is skipped, unless ``force`` (a
        repair). Fields with a local change not yet acknowledged keep the local value: the
        push that follows decides. Capture is suspended meanwhile: pulled data is not news.
        Without ``insert_clocks`` (a hub of schema 4 or later), a row that has only its
        insert's clock gets no clocks here: to such a hub, no clock means "as inserted".
        ``position``: how far the pull got with this page (see ``pull_after``), noted in
        the same transaction, so that a pull cut off later goes on from here.
        """
        rows = [r for r in rows if r.tbl in self._columns]  # skip tables we do not know
        if not rows:
            if position is not None:
                self.note_position(position)
            return 0
        with self.writing(), capture.suspended(self.conn, {r.tbl for r in rows}):
            if position is not None:
                self._note_position(position)
            outbox_empty = self.conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0] == 0
            pending = {} if outbox_empty else self._pending_fields({(r.tbl, r.id) for r in rows})
            here, known = self._held(rows)
            if not force:
                rows = [r for r in rows
                        if (r.tbl, r.id) in pending or known.get((r.tbl, r.id)) != r.clocks]
            upserts: dict[tuple, list] = {}
            clocks: list[tuple[str, str, str]] = []
            forget: list[tuple[str, str]] = []  # clocks that are only the insert's now
            plans: dict[tuple, tuple] = {}
            for row in rows:
                key = (row.tbl, row.id)
                if row.deleted:
                    self._delete(row)
                    continue
                plan = plans.get((row.tbl, row.columns))
                if plan is None:
                    plan = plans[(row.tbl, row.columns)] = _plan(self._columns[row.tbl],
                                                                 row.columns)
                fields, keep, getter = plan
                merged = row.clocks
                local_pending = pending.get(key)
                if local_pending:
                    keep = tuple(c for c in keep if c not in local_pending)
                    merged = dict(merged, **local_pending)
                if key not in here:
                    keep = None  # a plain insert: a third quicker than an upsert
                upserts.setdefault((row.tbl, fields, keep), []).append(getter(row.values))
                if insert_clocks or local_pending or len(merged) > 1 or "*" not in merged:
                    clocks.append((row.tbl, row.id, orjson.dumps(merged).decode()))
                elif key in known:
                    forget.append(key)
            refused = self._write(upserts)
            self.conn.executemany("DELETE FROM sync_row_clock WHERE tbl = ? AND row_id = ?",
                                  forget)
            self.conn.executemany("INSERT OR REPLACE INTO sync_row_clock (tbl, row_id, clocks) "
                                  "VALUES (?, ?, ?)",
                                  [c for c in clocks if (c[0], c[1]) not in refused]
                                  if refused else clocks)
            # This PC's clock goes past every clock it has seen, but never past its own
            # time plus the hub's tolerance (a hub row an older hub let through, say).
            self.conn.execute(f"UPDATE sync_state SET hlc = max(hlc, min(?, ({NOW_MS_SQL}) + ?"
                              f" << {hlc.COUNTER_BITS})) WHERE id = 1",
                              (hlc.latest(c for r in rows for c in r.clocks.values()),
                               hlc.TOLERANCE_MS))
        return len(rows) - len(refused)

    def note_position(self, position: tuple) -> None:
        with self.writing():
            self._note_position(position)

    def _note_position(self, position: tuple) -> None:
        self.conn.execute("UPDATE sync_state SET pull_after = ? WHERE id = 1",
                          (json.dumps(list(position)),))

    def _write(self, upserts: dict[tuple, list]) -> set[tuple[str, str]]:
        """Write the upserts, table by table; a row this PC's schema refuses (a NOT NULL the
        hub does not have, say) is skipped and noted, so it cannot block the rows after it."""
        refused: set[tuple[str, str]] = set()
        for (tbl, all_fields, keep), all_values in upserts.items():
            for fields, values in _without_nulls(all_fields, all_values, self._defaults[tbl]):
                sql = _upsert_sql(tbl, fields, keep)
                try:
                    with _savepoint(self.conn):
                        self.conn.executemany(sql, values)
                    continue
                except UNSTORABLE:
                    pass
                at = fields.index("id")
                for row in values:
                    try:
                        with _savepoint(self.conn):
                            self.conn.execute(sql, row)
                    except UNSTORABLE as exc:
                        refused.add((tbl, row[at]))
                        self.refused[(tbl, row[at])] = str(exc)
        return refused

    def _held(self, rows: list[PulledRow]) -> tuple[set[tuple[str, str]], dict[tuple, dict]]:
        """Which of the page's rows this PC has, and the clocks it holds for them: one
        query per table."""
        here, known = set(), {}
        for tbl, row_ids in _ids_by_table(rows).items():
            for row_id, present, text in self.conn.execute(
                    f'SELECT j.value, t.id IS NOT NULL, c.clocks FROM json_each(?) j '
                    f'LEFT JOIN "{tbl}" t ON t.id = j.value '
                    f'LEFT JOIN sync_row_clock c ON c.tbl = ? AND c.row_id = j.value '
                    f'WHERE t.id IS NOT NULL OR c.row_id IS NOT NULL', (row_ids, tbl)):
                if present:
                    here.add((tbl, row_id))
                if text is not None:
                    known[(tbl, row_id)] = orjson.loads(text)
        return here, known

    def _delete(self, row: PulledRow) -> None:
        self.conn.execute(f'DELETE FROM "{row.tbl}" WHERE id = ?', (row.id,))
        self.conn.execute("DELETE FROM sync_row_clock WHERE tbl = ? AND row_id = ?",
                          (row.tbl, row.id))


def flag_id(kind: str, tbl: str, row_id: str) -> str:
    """The same id for the same flag on every PC."""
    import hashlib
    import uuid

    return str(uuid.UUID(hex=hashlib.md5(f"{kind}|{tbl}|{row_id}".encode()).hexdigest()))


def _ids_by_table(rows: list[PulledRow]) -> dict[str, str]:
    """The page's row ids per table, each list as a JSON array (for ``json_each``)."""
    ids: dict[str, list[str]] = {}
    for row in rows:
        ids.setdefault(row.tbl, []).append(row.id)
    return {tbl: orjson.dumps(row_ids).decode() for tbl, row_ids in ids.items()}


@lru_cache(maxsize=512)
def _plan(local: tuple[str, ...], pulled: tuple[str, ...]
          ) -> tuple[tuple, tuple, Callable[[Sequence], tuple]]:
    """For a table with ``local`` columns here and ``pulled`` columns on the hub (a newer hub
    may have more, an older one fewer): the fields to write, in table order; those an
    existing row takes; and how to pick their values from a pulled row (in C)."""
    at = {c: i for i, c in enumerate(pulled)}
    fields = tuple(c for c in local if c in at)
    get = operator.itemgetter(*(at[c] for c in fields))
    getter = get if len(fields) > 1 else (lambda values: (get(values),))
    return fields, tuple(c for c in fields if c != "id"), getter


def _without_nulls(fields: tuple, rows: list[tuple], defaulted: frozenset
                   ) -> list[tuple[tuple, list[tuple]]]:
    """The rows in groups by which of their fields hold a value, each group with only
    those fields (and any field with a default that is not NULL, ``defaulted``): a field
    left out of an insert takes its default, NULL.

    Python's sqlite3 looks for an adapter for every None it binds, which costs about as
    much as the rest of a typical row: pulled rows are mostly empty fields. When the rows
    differ too much for groups to pay, they go as they are."""
    always = tuple(f in defaulted for f in fields)
    shapes: dict[tuple, tuple] = {}  # which values are not None -> which fields to write
    groups: dict[tuple, list] = {}
    for row in rows:
        present = tuple(map(operator.is_not, row, _NONES))
        shape = shapes.get(present)
        if shape is None:
            shape = shapes[present] = tuple(map(operator.or_, present, always))
        groups.setdefault(shape, []).append(row)
    if len(groups) > max(4, len(rows) // 50) or all(next(iter(groups))) and len(groups) == 1:
        return [(fields, rows)]
    out = []
    for shape, members in groups.items():
        at = [i for i, kept in enumerate(shape) if kept]
        pick = operator.itemgetter(*at)
        out.append((tuple(fields[i] for i in at),
                    list(map(pick, members)) if len(at) > 1 else [(pick(r),) for r in members]))
    return out


_NONES = itertools.repeat(None)
# What SQLite (or Python's binding of a value) refuses of a pulled row: a constraint, a
# number beyond 64 bits, text that is not text.
UNSTORABLE = (sqlite3.DatabaseError, OverflowError, ValueError, TypeError)


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("SAVEPOINT sync_row")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK TO sync_row")
        conn.execute("RELEASE sync_row")
        raise
    conn.execute("RELEASE sync_row")


def _upsert_sql(tbl: str, fields: tuple, keep: tuple | None) -> str:
    """An upsert that updates the ``keep`` fields of an existing row; with ``keep`` None, a
    plain insert (for rows this PC does not have)."""
    names = ", ".join(f'"{c}"' for c in fields)
    sql = f'INSERT INTO "{tbl}" ({names}) VALUES ({", ".join("?" * len(fields))})'
    if keep is None:
        return sql
    update = ", ".join(f'"{c}" = excluded."{c}"' for c in keep) or '"id" = excluded."id"'
    return f"{sql} ON CONFLICT (id) DO UPDATE SET {update}"
