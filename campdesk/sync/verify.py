"""After a sync, check that this PC holds the same rows as the hub, table by table.

Both sides compute a count and an order-independent sum of a hash of the ids. A table that
differs (rows lost or added behind the triggers' back: a restored file, raw SQL with
capture off) is repaired: every row is read from the hub again, and local rows the hub does
not have, and that are not waiting to be sent, are removed. Rows with unsent changes are
never touched.
"""
from __future__ import annotations

import hashlib

from campdesk.store import capture
from campdesk.store.capture import SYNCED_TABLES
from campdesk.sync.hub import HubSession
from campdesk.sync.local import LocalReplica


def id_hash(row_id: str) -> int:
    """The same number PostgreSQL computes: the first 15 hex digits of md5(id)."""
    return int(hashlib.md5(row_id.encode()).hexdigest()[:15], 16)


def _unsent(replica: LocalReplica) -> set[tuple[str, str]]:
    return {tuple(r) for r in replica.conn.execute("SELECT tbl, row_id FROM sync_outbox")}


def local_digest(replica: LocalReplica, leave_out: set[tuple[str, str]]) -> dict[str, tuple]:
    out = {}
    for table in SYNCED_TABLES:
        ids = [r[0] for r in replica.conn.execute(f'SELECT id FROM "{table}"')
               if (table, r[0]) not in leave_out]
        if ids:
            out[table] = (len(ids), sum(id_hash(i) for i in ids))
    return out


def differing_tables(replica: LocalReplica, hub: HubSession) -> list[str]:
    """Tables whose rows below this PC's pull watermark differ from the hub's.

    Rows changed on the hub since the last pull, and rows with changes not sent yet, are
    left out on both sides.
    """
    unsent = _unsent(replica)
    theirs, recent = hub.digest(replica.state()["pull_cursor"], unsent)
    ours = local_digest(replica, recent | unsent)
    return [t for t in SYNCED_TABLES if theirs.get(t) != ours.get(t)]


def repair(replica: LocalReplica, hub: HubSession, table: str, page_size: int = 2000) -> int:
    """Make one table equal to the hub; returns how many rows were rewritten or removed."""
    seen: set[str] = set()
    fixed = 0
    for page in hub.table_rows(table, page_size):
        seen.update(r.id for r in page)
        fixed += replica.apply(page, force=True, insert_clocks=not hub.infers_insert_clocks)
    unsent = _unsent(replica)
    extra = [r[0] for r in replica.conn.execute(f'SELECT id FROM "{table}"')
             if r[0] not in seen and (table, r[0]) not in unsent]
    if extra:
        with replica.writing(), capture.applying(replica.conn):
            replica.conn.executemany(f'DELETE FROM "{table}" WHERE id = ?', [(i,) for i in extra])
            replica.conn.executemany("DELETE FROM sync_row_clock WHERE tbl = ? AND row_id = ?",
                                     [(table, i) for i in extra])
    return fixed + len(extra)


def verify_and_repair(replica: LocalReplica, hub: HubSession) -> dict[str, int]:
    """Check every table; repair those that differ. Returns {table: rows fixed}."""
    return {t: repair(replica, hub, t) for t in differing_tables(replica, hub)}


def resend_missing(replica: LocalReplica, hub: HubSession, page_size: int = 5000) -> int:
    """After the hub was restored from a backup: queue again every local row it lacks.

    The hub is not the truth here (it lost what it acknowledged after the backup), so
    local rows it does not have are sent again rather than removed.
    """
    queued = 0
    for table in differing_tables(replica, hub):
        on_hub = {r.id for page in hub.table_rows(table, page_size) for r in page}
        missing = [r[0] for r in replica.conn.execute(f'SELECT id FROM "{table}"')
                   if r[0] not in on_hub]
        if missing:
            with replica.writing(durable=True):
                capture.enqueue_rows(replica.conn, table, missing)
            queued += len(missing)
    return queued
