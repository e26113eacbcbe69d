"""A hub and two PCs as CampDesk 0.1.0 left them (tests/fixtures/hub-0.1.0) upgraded with
today's CampDesk: nothing is lost, a PC not yet upgraded goes on syncing, an upgraded PC
binds its site and then no one else can speak for it."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest

from campdesk.store.models import Company
from campdesk.sync.hub_init import init_hub
from campdesk.sync.version import HUB_SCHEMA
from .pcs import PC, assert_converged, hub_rows

pytestmark = pytest.mark.hub
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hub-0.1.0"
TABLES = ("companies", "consultations", "spaces", "space_assignments", "sync_conflict",
          "sync_row", "sync_client")


def _restore(url: str) -> None:
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-f", str(FIXTURE / "hub.sql")],
                   check=True, capture_output=True)


def _pc(tmp_path: Path, name: str, url: str) -> PC:
    home = tmp_path / name
    home.mkdir()
    shutil.copyfile(FIXTURE / f"{name}.sqlite3", home / "campdesk.sqlite3")
    return PC(home, url)  # opening it upgrades it, after a backup


def _counts(url: str) -> dict[str, int]:
    return {t: hub_rows(url, f'SELECT count(*) FROM "{t}"')[0][0] for t in TABLES}


def test_a_hub_and_its_pcs_of_0_1_0_upgrade_without_losing_anything(empty_db, tmp_path):
    url = empty_db
    _restore(url)
    before = _counts(url)
    clocks = dict(hub_rows(url, "SELECT tbl || ':' || id, clocks FROM sync_row"))
    conflict = hub_rows(url, "SELECT row_id, field, loser_value, winner_value FROM sync_conflict")
    assert before["companies"] == 3 and before["sync_conflict"] == 1

    with psycopg.connect(url) as conn:
        assert init_hub(conn) == HUB_SCHEMA
    assert _counts(url) == before
    assert dict(hub_rows(url, "SELECT tbl || ':' || id, clocks FROM sync_row")) == clocks
    assert hub_rows(url, "SELECT row_id, field, loser_value, winner_value FROM sync_conflict"
                    ) == conflict

    site_b = hub_rows(url, "SELECT client_id FROM sync_client ORDER BY first_seen DESC")[0][0]
    # PC B is not upgraded yet: it goes on with the calls of 0.1.0 (hub schema 4).
    old_row = {"id": "old-pc-company", "sync_seq": 10_000, "sync_clock": f"01a2420000000000:{site_b}",
               "name": "아직 예전 버전", "name_norm": "아직예전버전", "relationship": "inquirer",
               "gwangju_presence": "none", "ai_fields": "", "archived": False,
               "created_at": "2026-12-01 00:00:00", "updated_at": "2026-12-01 00:00:00"}
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT sync_hello(%s, 1, '0.1.0')", (site_b,))
        answer = conn.execute("SELECT sync_push(%s, 1, '[]'::json, ARRAY['companies'], "
                              "ARRAY[%s], NULL::bigint)", (site_b, json.dumps([old_row])))
        assert answer.fetchone()[0]["applied"] == 1

    a = _pc(tmp_path, "pc-a", url)
    try:
        assert list((a.path.parent / "backups").glob("*before-upgrade-0003*"))
        new = a.add_company("업그레이드 뒤 기업")
        report = a.sync()
        assert not report.warnings  # the same PC: it binds its site, no new identity
        assert a.get(Company, "old-pc-company").name == "아직 예전 버전"
        b = _pc(tmp_path, "pc-b", url)
        try:
            assert b.state()["site_id"] == site_b
            b.sync()
            assert b.get(Company, new).name == "업그레이드 뒤 기업"
            with psycopg.connect(url, autocommit=True) as conn, \
                    pytest.raises(psycopg.Error, match="belongs to another PC"):
                conn.execute("SELECT sync_hello(%s, 1, '0.1.0')", (site_b,))
            a.sync()
            assert_converged(url, a, b)
            assert len(b.conflicts("value")) == 1  # the conflict of 0.1.0 is still there
        finally:
            b.close()
    finally:
        a.close()
