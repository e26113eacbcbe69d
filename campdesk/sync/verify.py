"""After a sync, check that this PC holds the same rows as the hub, and put right only what
differs.

Both sides compute, per table, a count and an order-independent sum of a hash of the ids
below this PC's pull watermark. A table that differs (rows lost or added behind the
triggers' back: a restored file, raw SQL with capture off, a hub restored from a dump) is
compared bucket by bucket (4096 buckets of ids), and then id by id within the buckets that
differ, so that the cost is what is wrong, not the size of the table:

- a row the hub has and this PC lacks is read from the hub again;
- a row this PC has that the hub deleted is deleted here (the hub keeps its last content);
- a row this PC has that the hub never got is queued to be sent again, never deleted: it
  may be the only copy.

Rows with unsent changes, rows the hub refused (quarantined), and hub rows this PC cannot
store are left out on both sides: they are under "needs attention" already.
"""
from __future__ import annotations

import hashlib

from campdesk.store.capture import SYNCED_TABLES
from campdesk.sync.hub import HubSession
from campdesk.sync.local import LocalReplica

BUCKET_HUB = 5  # a hub of schema 5 on compares buckets; an older one whole tables
Key = tuple[str, str]


def id_hash(row_id: str) -> int:
    """The same number PostgreSQL computes: the first 15 hex digits of md5(id)."""
    return int(hashlib.md5(row_id.encode()).hexdigest()[:15], 16)


def _hash_and_bucket(row_id: str) -> tuple[int, int]:
    digest = hashlib.md5(row_id.encode()).hexdigest()
    return int(digest[:15], 16), int(digest[:3], 16)


def local_digest(replica: LocalReplica, leave_out: set[Key]) -> dict[str, tuple]:
    out = {}
    for table in SYNCED_TABLES:
        ids = [r[0] for r in replica.conn.execute(f'SELECT id FROM "{table}"')
               if (table, r[0]) not in leave_out]
        if ids:
            out[table] = (len(ids), sum(id_hash(i) for i in ids))
    return out


def local_buckets(replica: LocalReplica, table: str, leave_out: set[Key]
                  ) -> tuple[dict[int, tuple[int, int]], dict[int, list[str]]]:
    """Per bucket of one table: (count, id hash sum), and the ids in it."""
    digest: dict[int, list[int]] = {}
    members: dict[int, list[str]] = {}
    for (row_id,) in replica.conn.execute(f'SELECT id FROM "{table}"'):
        if (table, row_id) in leave_out:
            continue
        number, bucket = _hash_and_bucket(row_id)
        entry = digest.setdefault(bucket, [0, 0])
        entry[0] += 1
        entry[1] += number
        members.setdefault(bucket, []).append(row_id)
    return {b: (n, total) for b, (n, total) in digest.items()}, members


def differing_tables(replica: LocalReplica, hub: HubSession) -> list[str]:
    """Tables whose rows below this PC's pull watermark differ from the hub's.

    Rows changed on the hub since the last pull, and rows held back (see module), are left
    out on both sides.
    """
    held = replica.held_back()
    theirs, recent = hub.digest(replica.state()["pull_cursor"], held)
    ours = local_digest(replica, recent | held)
    return [t for t in SYNCED_TABLES if theirs.get(t) != ours.get(t)]


def reconcile(replica: LocalReplica, hub: HubSession) -> dict[str, int]:
    """Put right every table that differs from the hub; returns {table: rows put right}."""
    cursor = replica.state()["pull_cursor"]
    held = replica.held_back()
    theirs, recent = hub.digest(cursor, held)
    ours = local_digest(replica, recent | held)
    fixed = {}
    for table in SYNCED_TABLES:
        if theirs.get(table) == ours.get(table):
            continue
        if hub.hub_schema >= BUCKET_HUB:
            n = _reconcile_buckets(replica, hub, table, cursor, held, recent | held)
        else:
            n = _reconcile_whole(replica, hub, table, recent | held)
        if n:
            fixed[table] = n
    return fixed


def _reconcile_buckets(replica: LocalReplica, hub: HubSession, table: str, cursor: int,
                       held: set[Key], skip: set[Key]) -> int:
    theirs = hub.bucket_digest(table, cursor, held)
    ours, members = local_buckets(replica, table, skip)
    buckets = sorted(b for b in set(theirs) | set(ours) if theirs.get(b) != ours.get(b))
    if not buckets:
        return 0
    on_hub = hub.bucket_rows(table, cursor, buckets)  # id -> deleted
    here = {i for b in buckets for i in members.get(b, ())}
    live = {i for i, deleted in on_hub.items() if not deleted and (table, i) not in skip}
    missing = sorted(live - here)
    extra = here - live
    put_right = 0
    for start in range(0, len(missing), 1000):
        rows = hub.rows_by_id(table, missing[start:start + 1000])
        put_right += replica.apply(rows, force=True, insert_clocks=not hub.infers_insert_clocks)
    gone = sorted(i for i in extra if on_hub.get(i) is True)
    unknown = sorted(i for i in extra if i not in on_hub)
    replica.remove_rows(table, gone)
    replica.requeue_rows(table, unknown)
    return put_right + len(gone) + len(unknown)


def _reconcile_whole(replica: LocalReplica, hub: HubSession, table: str,
                     skip: set[Key], page_size: int = 2000) -> int:
    """The same with a hub of schema 4 or older, which tells only its live rows: every
    row of the table is read again, and a row it lacks is sent again."""
    seen: set[str] = set()
    put_right = 0
    for page in hub.table_rows(table, page_size):
        seen.update(r.id for r in page)
        put_right += replica.apply(page, force=True, insert_clocks=not hub.infers_insert_clocks)
    unknown = [r[0] for r in replica.conn.execute(f'SELECT id FROM "{table}"')
               if r[0] not in seen and (table, r[0]) not in skip]
    replica.requeue_rows(table, unknown)
    return put_right + len(unknown)
