"""A hub database moved to another PostgreSQL server (pg_dump, then restore) keeps the
transaction ids of its rows but not the server's counter, which may be far behind. PCs pull
from the id they reached: without care, every change made on the new server would sit below
it and never reach them."""
from __future__ import annotations

import pytest

from campdesk.store.models import Company
from .pcs import assert_converged, hub_exec

pytestmark = pytest.mark.hub
AHEAD = 1_000_000_000  # the old server's counter was this far ahead of the new one


def _as_if_restored_on_a_younger_server(url, *pcs) -> None:
    hub_exec(url, f"UPDATE sync_row SET xid = xid + {AHEAD}")
    for pc in pcs:
        with pc.raw() as conn:
            conn.execute("UPDATE sync_state SET pull_cursor = pull_cursor + ? WHERE id = 1",
                         (AHEAD,))


def test_changes_made_after_the_hub_moved_server_reach_every_pc(make_pc, hub_url):
    a, b = make_pc("a"), make_pc("b")
    before = a.add_company("옮기기 전 기업")
    a.sync()
    b.sync()
    _as_if_restored_on_a_younger_server(hub_url, a, b)

    after = b.add_company("옮긴 뒤 기업")
    edited_on_a = a.add_company("옮긴 뒤 A의 기업")
    b.sync()
    a.sync()
    b.sync()

    assert a.get(Company, after).name == "옮긴 뒤 기업"
    assert b.get(Company, edited_on_a).name == "옮긴 뒤 A의 기업"
    assert b.get(Company, before).name == "옮기기 전 기업"
    assert_converged(hub_url, a, b)

    # and later changes still flow, one round each way
    later = a.add_company("그다음 기업")
    a.sync()
    b.sync()
    assert b.get(Company, later).name == "그다음 기업"
