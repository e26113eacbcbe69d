"""Which running transactions hold the pull watermark back, and the hello's check for a hub
restored onto another server (docs/SYNC.md: Pull; When things go wrong).

Not simulated here: a transaction of a backend that is not a session (an autovacuum worker's
ANALYZE), which must not hold the watermark. PostgreSQL starts those itself, when it decides
to; no test can start one on demand. The rule is in ``sync_cannot_write_here`` (pull.sql)."""
from __future__ import annotations

import psycopg
import pytest

from campdesk.store.models import Company
from .conftest import scratch_database
from .pcs import hub_rows

pytestmark = pytest.mark.hub


def _watermark(url: str) -> int:
    return hub_rows(url, "SELECT sync_watermark()")[0][0]


def _open_transaction(url: str) -> tuple[psycopg.Connection, int]:
    """A connection whose transaction holds an id and stays open."""
    conn = psycopg.connect(url)
    return conn, conn.execute("SELECT pg_current_xact_id()::text::bigint").fetchone()[0]


@pytest.fixture
def other_db():
    """A second database on the hub's server, beside the hub's own."""
    with scratch_database("cd_other") as url:
        yield url


def test_an_open_transaction_of_the_hub_holds_the_watermark_until_it_ends(hub_url):
    conn, xid = _open_transaction(hub_url)
    try:
        assert _watermark(hub_url) <= xid  # it may still write rows: they must not be skipped
        conn.commit()
        assert _watermark(hub_url) > xid
    finally:
        conn.close()


def test_an_open_transaction_in_another_database_does_not_stall_sync(make_pc, hub_url, other_db):
    a, b = make_pc("a"), make_pc("b")
    conn, xid = _open_transaction(other_db)
    try:
        made = a.add_company("다른 DB가 바빠도 오는 기업")
        a.sync()  # its push gets a later transaction id than the one left open
        b.sync()
        assert b.get(Company, made).name == "다른 DB가 바빠도 오는 기업"
        assert _watermark(hub_url) > xid
    finally:
        conn.close()


def test_a_push_that_commits_during_a_hello_is_not_taken_for_a_restored_hub(make_pc, hub_url):
    """READ COMMITTED: a push that got a later transaction id than the hello and committed
    before the hello looked at the rows is a normal hub, not one moved to another server.
    (The hello's transaction gets its id first here, which widens a window that is
    otherwise a few microseconds.)"""
    a, b = make_pc("a"), make_pc("b")
    for i in range(5):
        a.add_company(f"처음 기업 {i}")
    a.sync()
    b.sync()
    generation = hub_rows(hub_url, "SELECT value FROM sync_meta WHERE key = 'generation'")

    hello, _ = _open_transaction(hub_url)
    try:
        made = a.add_company("hello 도중에 올라온 기업")
        a.sync()  # a push with a later transaction id commits
        hello.execute("SELECT sync_check_restored()")
        hello.commit()
    finally:
        hello.close()

    assert hub_rows(hub_url, "SELECT value FROM sync_meta WHERE key = 'generation'") == generation
    report = b.sync()
    assert report.pulled == 1  # only the new row, not the whole hub again
    assert b.get(Company, made) is not None
