"""A site id belongs to one PC: a copied data folder goes on under a new id of its own,
keeping all it recorded, and no login can push as another PC (issue: nothing lost)."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest

from campdesk.store.models import Company
from campdesk.sync import engine
from campdesk.sync.errors import SiteTaken
from campdesk.sync.version import CLIENT_SCHEMA
from .pcs import assert_converged, hub_exec, hub_rows

pytestmark = pytest.mark.hub


def _campdesk(home: Path, *args: str) -> subprocess.CompletedProcess:
    """A real campdesk process, as staff run it."""
    return subprocess.run([sys.executable, "-m", "campdesk", "--home", str(home), *args],
                          capture_output=True, text=True, timeout=120)


def _import(home: Path, tmp: Path, *names: str) -> None:
    sheet = tmp / f"{uuid.uuid4().hex}.csv"
    sheet.write_text("기업명\n" + "\n".join(names) + "\n", encoding="utf-8")
    done = _campdesk(home, "import", "companies", str(sheet))
    assert done.returncode == 0, done.stderr


def _names(home: Path) -> set[str]:
    conn = sqlite3.connect(home / "campdesk.sqlite3")
    try:
        return {r[0] for r in conn.execute("SELECT name FROM companies")}
    finally:
        conn.close()


def test_a_data_folder_copied_to_a_new_pc_loses_nothing_on_either(tmp_path, hub_url):
    """The office moves to a new computer by copying the data folder, and both PCs go on
    recording: every company recorded on either reaches both, and the copy is told."""
    old_pc, new_pc = tmp_path / "old-pc", tmp_path / "new-pc"
    _import(old_pc, tmp_path, "복사 전 기업 1", "복사 전 기업 2")
    assert _campdesk(old_pc, "sync", "--hub", hub_url).returncode == 0
    _import(old_pc, tmp_path, "복사 직전 미전송")  # still unsent when the folder is copied
    shutil.copytree(old_pc, new_pc)
    _import(old_pc, tmp_path, "옛 PC 기업 1", "옛 PC 기업 2")
    _import(new_pc, tmp_path, "새 PC 기업 1", "새 PC 기업 2", "새 PC 기업 3")
    first = _campdesk(old_pc, "sync", "--hub", hub_url)
    second = _campdesk(new_pc, "sync", "--hub", hub_url)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "복사" in second.stderr and "Traceback" not in second.stderr + first.stderr
    for home in (old_pc, new_pc, old_pc):
        assert _campdesk(home, "sync", "--hub", hub_url).returncode == 0
    everything = {"복사 전 기업 1", "복사 전 기업 2", "복사 직전 미전송", "옛 PC 기업 1", "옛 PC 기업 2",
                  "새 PC 기업 1", "새 PC 기업 2", "새 PC 기업 3"}
    assert _names(old_pc) == _names(new_pc) == everything
    assert {r[0] for r in hub_rows(hub_url, "SELECT name FROM companies")} == everything
    sites = {sqlite3.connect(h / "campdesk.sqlite3").execute(
        "SELECT site_id FROM sync_state").fetchone()[0] for h in (old_pc, new_pc)}
    assert len(sites) == 2


def test_the_copy_that_syncs_first_keeps_the_id_and_the_other_goes_on_as_new(make_pc, tmp_path):
    """Whichever of the two syncs first, nothing is lost; edits made on the copy before it
    learned it was one are its own (never taken for the other PC's)."""
    a, b = make_pc("a"), make_pc("b")
    cid = a.add_company("원본 기업")
    a.sync()
    a.ctx.db.dispose()
    shutil.copytree(a.path.parent, tmp_path / "copy")
    from .pcs import PC
    copy = PC(tmp_path / "copy", a.hub_url)
    try:
        copy.edit(Company, cid, phone="062-111-1111")  # the copy edits first, syncs first
        copy.sync()
        a.edit(Company, cid, phone="062-222-2222")
        report = a.sync()
        assert any("복사" in w for w in report.warnings)
        copy.sync()
        a.sync()
        b.sync()
        # a concurrent edit on two PCs: one value wins everywhere, the other is kept
        values = {copy.get(Company, cid).phone, a.get(Company, cid).phone, b.get(Company, cid).phone}
        assert len(values) == 1
        losers = {json.loads(c["loser_value"]) for c in b.conflicts("value")}
        assert {"062-111-1111", "062-222-2222"} - values <= losers
        assert_converged(a.hub_url, a, b, copy)
    finally:
        copy.close()


def _staff_login(hub_url: str) -> str:
    role = f"cd_staff_{uuid.uuid4().hex[:8]}"
    hub_exec(hub_url, f"CREATE ROLE {role} LOGIN IN ROLE campdesk_staff")
    params = psycopg.conninfo.conninfo_to_dict(hub_url) | {"user": role}
    return psycopg.conninfo.make_conninfo(**params)


def test_no_login_can_push_or_say_hello_as_another_pc(make_pc, hub_url):
    """B's site id is visible in pulled clocks. Another staff login pushing a crafted batch
    under it is refused, on every entry point, and B's unsent work survives."""
    a, b = make_pc("a"), make_pc("b")
    b.add_company("B가 먼저 보낸 기업")
    b.sync()
    unsent = b.add_company("B의 미전송 기업")  # what a forged acknowledgement would delete
    site = b.state()["site_id"]
    forger = _staff_login(hub_url)
    crafted = json.dumps([{"seq": 10_000, "tbl": "companies", "id": "forged", "op": "upsert",
                           "base": None, "clock": f"0000019b00000000:{site}",
                           "patch": {"name": "위조", "name_norm": "위조"}}])
    try:
        with psycopg.connect(forger, autocommit=True) as conn:
            for sql, params in (
                    ("SELECT sync_push(%s, %s, %s, '[]'::json, ARRAY['companies'], "
                     "ARRAY[%s], NULL::bigint)", (site, "0" * 64, CLIENT_SCHEMA,
                                                  json.dumps([{"id": "forged", "sync_seq": 10_000,
                                                               "sync_clock": "0000019b00000000:x",
                                                               "name": "위조"}]))),
                    ("SELECT sync_push(%s, %s, %s::json, NULL::bigint)", (site, 1, crafted)),
                    ("SELECT sync_push(%s, %s, %s::jsonb)", (site, 1, crafted)),
                    ("SELECT sync_push(%s, %s, '[]'::json, ARRAY['companies'], ARRAY['[]'], "
                     "NULL::bigint)", (site, 1)),
                    ("SELECT sync_hello(%s, 1, 'forger')", (site,))):
                with pytest.raises(psycopg.Error, match="belongs to another PC"):
                    conn.execute(sql, params)
            hello = conn.execute("SELECT sync_hello(%s, 2, 'forger', ARRAY[]::text[], %s, 'x')",
                                 (site, "f" * 64)).fetchone()[0]
            assert hello["identity"] == "taken" and hello["last_mutation"] is None
        assert hub_rows(hub_url, "SELECT count(*) FROM companies WHERE id = 'forged'") == [(0,)]
        report = b.sync()
        assert not report.warnings  # B is still B: its token was never taken
        a.sync()
        assert a.get(Company, unsent).name == "B의 미전송 기업"
        assert_converged(hub_url, a, b)
    finally:
        role = psycopg.conninfo.conninfo_to_dict(forger)["user"]
        hub_exec(hub_url, f"DROP OWNED BY {role}", f"DROP ROLE {role}")


def test_a_hello_whose_answer_was_lost_does_not_make_the_pc_a_stranger(make_pc):
    """The hub took the PC's new token but the answer never came back: the PC shows the
    token it proposed next time, and stays who it is."""
    a = make_pc("a")
    a.add_company("첫 기업")
    a.sync()
    replica, session = a.replica(), a.session()
    try:
        for _ in range(3):  # three answers lost in a row
            known, token = replica.propose_token()
            session.hello(replica.site_id, CLIENT_SCHEMA, "test", known, token, "pc")
    finally:
        replica.close()
        session.close()
    site = a.state()["site_id"]
    a.add_company("두 번째 기업")
    report = a.sync()
    assert not report.warnings and a.state()["site_id"] == site and report.pushed == 1


def test_a_refused_push_turns_the_pc_into_a_new_site_without_losing_its_work(make_pc):
    a, b = make_pc("a"), make_pc("b")
    a.sync()
    cid = a.add_company("거부된 뒤 보낼 기업")
    replica, session = a.replica(), a.session()
    try:
        engine._introduce(replica, session)
        session.token = "0" * 64  # as if another PC had taken the site meanwhile
        with pytest.raises(SiteTaken, match="보관"):
            engine._push(replica, session, engine.SyncReport(), 100)
        assert replica.pending_count() == 1
    finally:
        replica.close()
        session.close()
    a.sync()
    b.sync()
    assert b.get(Company, cid) is not None
    assert_converged(a.hub_url, a, b)
