"""Background sync: a change on one PC shows up on another within seconds, through
LISTEN/NOTIFY, and an unreachable hub means "offline", not an error."""
from __future__ import annotations

import threading
import time

import pytest

from campdesk.store.models import Company
from campdesk.sync import target
from campdesk.sync.runner import SyncRunner
from campdesk.sync.status import OFFLINE, ONLINE

pytestmark = pytest.mark.hub


def test_change_reaches_the_other_pc_within_two_seconds(make_pc):
    a, b = make_pc("a"), make_pc("b")
    arrived = threading.Event()
    hub = target.from_url(a.hub_url)
    runners = [
        SyncRunner(a.path, lambda: hub, interval_s=60),
        SyncRunner(b.path, lambda: hub, interval_s=60,
                   on_synced=lambda report: report.pulled and arrived.set()),
    ]
    for r in runners:
        r.start()
    try:
        time.sleep(1.0)  # both did their first round and are listening
        arrived.clear()
        cid = a.add_company("실시간 기업")
        started = time.monotonic()
        runners[0].request_sync()
        assert arrived.wait(5), "the change never arrived"
        elapsed = time.monotonic() - started
        assert b.get(Company, cid) is not None
        assert elapsed < 2.0, f"took {elapsed:.2f} s"
    finally:
        for r in runners:
            r.stop()


def test_unreachable_hub_is_reported_as_offline_with_pending_changes(make_pc):
    a = make_pc("a")
    a.add_company("오프라인 작업")
    seen = []
    dead = target.from_url("postgresql://nobody@127.0.0.1:1/none")
    runner = SyncRunner(a.path, lambda: dead, on_status=seen.append, listen=False)
    runner.run_once()
    assert seen[-1].state == OFFLINE and seen[-1].pending == 1
    assert "오프라인" in seen[-1].message
    live = target.from_url(a.hub_url)
    runner = SyncRunner(a.path, lambda: live, on_status=seen.append, listen=False)
    runner.run_once()
    assert seen[-1].state == ONLINE and seen[-1].pending == 0
    assert seen[-1].last_sync_at is not None and seen[-1].message is None
