"""``hub init``, roles, versions and LISTEN/NOTIFY."""
from __future__ import annotations

import uuid

import psycopg
import pytest

from campdesk.store.models import Company
from campdesk.sync import hub_init
from campdesk.sync.errors import SyncError
from campdesk.sync.version import HUB_SCHEMA
from .pcs import hub_exec, hub_rows, pretend_hub_schema

pytestmark = pytest.mark.hub


def _meta(url):
    return dict(hub_rows(url, "SELECT key, value FROM sync_meta"))


def test_init_is_idempotent_and_keeps_data(make_pc, hub_url):
    a = make_pc("a")
    a.add_company("첫 기업")
    a.sync()
    before = _meta(hub_url)
    with psycopg.connect(hub_url) as conn:
        hub_init.init_hub(conn)
        hub_init.init_hub(conn)
    assert _meta(hub_url) == before  # same generation: PCs need not re-bootstrap
    assert before["hub_schema"] == str(HUB_SCHEMA)
    assert hub_rows(hub_url, "SELECT name FROM companies") == [("첫 기업",)]


def test_a_newer_hub_is_not_downgraded(hub_url):
    hub_exec(hub_url, "UPDATE sync_meta SET value = '99' WHERE key = 'hub_schema'")
    with psycopg.connect(hub_url) as conn, pytest.raises(SyncError, match="새롭습니다"):
        hub_init.init_hub(conn)


def test_staff_role_may_sync_but_not_touch_tables(hub_url, make_pc):
    role = f"cd_staff_{uuid.uuid4().hex[:8]}"
    hub_exec(hub_url, f"CREATE ROLE {role} LOGIN IN ROLE campdesk_staff")
    try:
        params = psycopg.conninfo.conninfo_to_dict(hub_url)
        params["user"] = role
        a, b = make_pc("a"), make_pc("b")
        a.hub_url = psycopg.conninfo.make_conninfo(**params)  # a syncs as the staff member
        cid = a.add_company("직원 계정으로")
        a.sync()
        b.sync()
        assert b.get(Company, cid) is not None
        with psycopg.connect(**params, autocommit=True) as staff:
            hello = staff.execute("SELECT sync_hello('site-x', 1, 'test')").fetchone()[0]
            assert hello["hub_schema"] == HUB_SCHEMA
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                staff.execute("SELECT * FROM companies")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                staff.execute("SELECT sync_apply('{}'::jsonb, 'x', 0)")
    finally:
        hub_exec(hub_url, f"DROP OWNED BY {role}", f"DROP ROLE {role}")


def test_push_notifies_listening_pcs(make_pc, hub_url):
    a = make_pc("a")
    with psycopg.connect(hub_url, autocommit=True) as listener:
        listener.execute("LISTEN campdesk_sync")
        a.add_company("알림 기업")
        a.sync()
        notes = list(listener.notifies(timeout=2, stop_after=1))
    assert notes and notes[0].channel == "campdesk_sync"


def test_a_pc_updated_before_its_hub_keeps_syncing(make_pc, hub_url):
    pretend_hub_schema(hub_url, 1)  # as before
    a, b = make_pc("a"), make_pc("b")
    cid = a.add_company("먼저 업데이트한 PC")
    assert a.sync().pushed == 1
    b.sync()
    b.edit(Company, cid, employees=7)
    b.sync()
    a.sync()
    assert a.get(Company, cid).employees == 7
