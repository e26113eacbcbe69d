"""Nothing lost, nothing duplicated: repeats, late commits, kills and cut connections
(docs/SYNC.md: promises 1 and 2)."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timezone
from pathlib import Path

import psycopg
import pytest

from campdesk.store.models import Company, Consultation, Space
from campdesk.sync import engine
from campdesk.sync.errors import HubUnreachable, SyncError
from campdesk.sync.version import CLIENT_SCHEMA
from .pcs import assert_converged, hub_exec, hub_rows, pretend_hub_schema
from .proxy import CuttingProxy

pytestmark = pytest.mark.hub
ROOT = Path(__file__).resolve().parents[2]


def _bulk_companies(pc, n: int, prefix: str) -> None:
    with pc.raw() as conn:  # raw SQL is captured like any other write
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO companies (id, name, name_norm, relationship, gwangju_presence, ai_fields,"
            " created_at, updated_at, archived) VALUES (?, ?, ?, 'inquirer', 'none', '',"
            " '2026-11-25 00:00:00.000000', '2026-11-25 00:00:00.000000', 0)",
            [(f"{prefix}-{i:06d}", f"{prefix} 기업 {i}", f"{prefix}{i}") for i in range(n)])
        conn.execute("COMMIT")


@pytest.mark.parametrize("times", [1, 2, 3])
def test_push_batch_delivered_several_times_has_one_effect(make_pc, times):
    a, b = make_pc("a"), make_pc("b")
    cid = a.add_company("중복전송")
    a.sync()
    b.sync()
    b.edit(Company, cid, phone="062-000-0000")
    a.edit(Company, cid, phone="062-999-9999", employees=3)
    b.sync()
    replica, session = a.replica(), a.session()
    try:
        engine._introduce(replica, session)
        batch, last = replica.next_split_batch(100)
        for _ in range(times):  # the answer was lost: the same batch goes again
            answer = session.push(replica.site_id, CLIENT_SCHEMA, batch)
            assert answer["acked_seq"] == last
        replica.ack(last)
    finally:
        replica.close()
        session.close()
    a.sync()
    b.sync()
    assert len(a.conflicts("value")) == 1  # one conflict, not one per delivery
    assert b.get(Company, cid).employees == 3
    assert_converged(a.hub_url, a, b)


def test_a_batch_never_overtakes_the_one_before_it(make_pc):
    """Two batches may be on their way at once. The second waits for the first; if the
    first never arrives, the second is refused, so the hub cannot skip the first's changes."""
    a = make_pc("a")
    for i in range(6):
        a.add_company(f"순서 {i}")
    replica, session = a.replica(), a.session()
    try:
        engine._introduce(replica, session)
        first, first_last = replica.next_split_batch(3)
        second, _ = replica.next_split_batch(3, after=first_last)
        with pytest.raises(SyncError, match="has not arrived"):
            session.push(replica.site_id, CLIENT_SCHEMA, second, first_last)  # first lost
        assert hub_rows(a.hub_url, "SELECT count(*) FROM companies") == [(0,)]
        other = session.second()
        with ThreadPoolExecutor(2) as pool:  # sent together: the second gets there first
            later = pool.submit(other.push, replica.site_id, CLIENT_SCHEMA, second, first_last)
            time.sleep(0.2)
            session.push(replica.site_id, CLIENT_SCHEMA, first, 0)
            assert later.result()["applied"] == 3
        other.close()
    finally:
        replica.close()
        session.close()
    a.sync()
    assert hub_rows(a.hub_url, "SELECT count(*) FROM companies") == [(6,)]
    assert_converged(a.hub_url, a)


def test_pull_pages_delivered_twice_change_nothing(make_pc):
    a, b = make_pc("a"), make_pc("b")
    _bulk_companies(a, 50, "p")
    a.sync()
    replica, session = b.replica(), b.session()
    try:
        for _, _, page in session.pull(0, 7):
            replica.apply(page)
            replica.apply(page)  # re-delivered
    finally:
        replica.close()
        session.close()
    b.sync()
    assert_converged(a.hub_url, a, b)


def test_late_commit_is_pulled_next_time(make_pc):
    """T1 pushes and stays open; T2 commits after it; a PC pulls; T1 commits: the next
    pull brings T1's change. A cursor over sequence numbers would skip it forever."""
    a, b, c = make_pc("a"), make_pc("b"), make_pc("c")
    for pc in (a, b, c):
        pc.sync()
    late = a.add_company("늦게 커밋하는 기업")
    replica = a.replica()
    batch, last = replica.next_split_batch(100)
    t1 = psycopg.connect(a.hub_url)  # not autocommit: the transaction stays open
    t1.execute("SELECT sync_push(%s, %s, %s, %s::json, %s::text[], %s::text[], NULL::bigint)",
               (replica.site_id, replica.state()["site_token"], CLIENT_SCHEMA, batch.changes,
                batch.tables, batch.rows))
    try:
        # T2: someone writes the hub directly (no push lock) and commits first.
        hub_exec(a.hub_url, "INSERT INTO staff (id, name, role, created_at, updated_at, archived)"
                            " VALUES ('t2-staff', '직원', 'onsite', now(), now(), false)")
        b.sync()
        assert b.get(Company, late) is None
        t1.commit()
        replica.ack(last)
        b.sync()
        assert b.get(Company, late) is not None
        with b.raw() as conn:
            assert conn.execute("SELECT name FROM staff WHERE id = 't2-staff'").fetchone()
    finally:
        t1.close()
        replica.close()
    c.sync()
    a.sync()
    assert_converged(a.hub_url, a, b, c)


def test_kill_minus_nine_during_sync_loses_and_duplicates_nothing(make_pc):
    a, b = make_pc("a"), make_pc("b")
    _bulk_companies(b, 3000, "b")
    b.sync()
    _bulk_companies(a, 4000, "a")
    a.ctx.close()
    rng = random.Random(4)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "campdesk", "--home", str(a.path.parent), "sync",
           "--hub", a.hub_url]
    kills = 0
    for _ in range(6):
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 1
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    b.sync()
    assert hub_rows(a.hub_url, "SELECT count(*) FROM companies") == [(7000,)]
    assert hub_rows(a.hub_url, "SELECT count(*) FROM sync_conflict") == [(0,)]
    assert_converged(a.hub_url, a, b)


def test_kill_minus_nine_during_a_local_write_keeps_row_and_outbox_together(make_pc):
    a = make_pc("a")
    a.ctx.close()
    script = (
        "import sys; from campdesk.services.context import open_context\n"
        "from campdesk.store.models import Company\n"
        "ctx = open_context(sys.argv[1])\n"
        "i = 0\n"
        "while True:\n"
        "    with ctx.db.transaction() as s:\n"
        "        s.add(Company(name=f'k{i}', name_norm=f'k{i}')); i += 1\n")
    proc = subprocess.Popen([sys.executable, "-c", script, str(a.path.parent)],
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    time.sleep(2.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with a.raw() as conn:
        rows = {r[0] for r in conn.execute("SELECT id FROM companies")}
        queued = {r[0] for r in conn.execute("SELECT row_id FROM sync_outbox")}
    assert rows and rows == queued


def test_connection_cut_at_many_points_converges_without_duplicates(make_pc):
    a, b = make_pc("a"), make_pc("b")
    proxy = CuttingProxy()
    via_proxy = psycopg.conninfo.make_conninfo(a.hub_url, host="127.0.0.1", port=proxy.port)
    from campdesk.sync import target
    cut_target = target.from_url(via_proxy)
    try:
        _bulk_companies(b, 300, "b")
        b.sync()
        cuts = failures = 0
        for step, limit in enumerate([300, 800, 1500, 2500, 4000, 7000, 12000, 20000, 40000]):
            _bulk_companies(a, 40, f"s{step}")
            for direction in ("up", "down"):
                proxy.cut_after(**{direction: limit})
                try:
                    engine.run(a.path, cut_target)
                except HubUnreachable:
                    failures += 1
                proxy.cut_after()
        cuts = proxy.cuts
        assert cuts >= 5 and failures >= 5  # the cuts really hit, in many places
    finally:
        proxy.close()
    a.sync()
    b.sync()
    assert hub_rows(a.hub_url, "SELECT count(*) FROM companies") == [(300 + 9 * 40,)]
    assert hub_rows(a.hub_url, "SELECT count(*) FROM sync_conflict") == [(0,)]
    assert_converged(a.hub_url, a, b)


def test_own_new_rows_are_not_pulled_back_but_later_edits_to_them_are(make_pc):
    a, b = make_pc("a"), make_pc("b")
    ids = [a.add_company(f"새 기업 {i}") for i in range(5)]
    report = a.sync()
    assert (report.pushed, report.pulled) == (5, 0)  # nothing came back: a already has them
    b.sync()
    b.edit(Company, ids[0], name="새 기업 0 (수정)")
    b.sync()
    assert a.sync().pulled == 1
    assert a.get(Company, ids[0]).name == "새 기업 0 (수정)"
    assert_converged(a.hub_url, a, b)


def test_a_pc_on_the_old_pull_signature_still_gets_everything(make_pc):
    a = make_pc("a")
    edited, fresh = a.add_company("예전 버전"), None
    a.sync()
    a.edit(Company, edited, phone="062-123-4567")
    fresh = a.add_company("새로 만든 기업")
    a.sync()
    with psycopg.connect(a.hub_url) as conn:
        rows = conn.execute("SELECT id FROM sync_pull(0, sync_watermark(), 0, '', '', 100)").fetchall()
    assert {(edited,), (fresh,)} <= set(rows)


@pytest.mark.parametrize("hub_schema", [None, 3, 2],
                         ids=["new rows apart", "one JSON batch", "hub not upgraded"])
def test_every_kind_of_value_arrives_exactly_as_stored(make_pc, hub_schema):
    """Dates, timestamps, floats, integers, booleans, empty values and Hangul reach the other
    PC as the same stored values (type included): new rows sent apart from the other
    changes (hub schema 4) or in one JSON batch (schema 3), pulled as text in the PC's
    format (schema 3 on) or as JSON (a hub not upgraded yet)."""
    a, b = make_pc("a"), make_pc("b")
    if hub_schema:
        pretend_hub_schema(a.hub_url, hub_schema)
    cid = a.add_company("값 검사 (주)", employees=12, founded_on=date(2019, 2, 28),
                        notes="줄 바꿈\n따옴표 \" ' 와 {중괄호}, 쉼표", archived=True)
    sid = a.add(Space, floor=3, name="301-D04", kind="desk", capacity=0, area_m2=12.5,
                plan_x=0.1, plan_y=1e-7, plan_w=3.0, plan_h=None)
    kid = a.add(Consultation, occurred_at=datetime(2026, 11, 25, 9, 30, 0, 120000, timezone.utc),
                channel="phone", company_id=cid, category="other", question="질문",
                outcome="resolved", due_on=date(2026, 12, 1), duration_min=45)
    a.sync()
    b.sync()
    for table, row_id in (("companies", cid), ("spaces", sid), ("consultations", kid)):
        with a.raw() as ca, b.raw() as cb:
            sql = f'SELECT * FROM "{table}" WHERE id = ?'
            mine, theirs = ca.execute(sql, (row_id,)).fetchone(), cb.execute(sql, (row_id,)).fetchone()
        assert theirs == mine and [type(v) for v in theirs] == [type(v) for v in mine], table


@pytest.mark.parametrize("shapes", [3, 400], ids=["few shapes", "every row its own shape"])
def test_rows_with_empty_fields_arrive_exactly_as_stored(make_pc, shapes):
    """Pulled rows differ in which fields are empty; a field emptied on one PC is emptied on
    the other, and nothing else of that row changes."""
    a, b = make_pc("a"), make_pc("b")
    values = {"phone": "062-000-0000", "email": "x@example.kr", "website": "https://x.kr",
              "representative": "홍길동", "notes": "메모", "corporate_no": "110111-1234567",
              "address": "광주 동구 금남로", "founded_on": date(2020, 1, 2), "employees": 7}
    optional = tuple(values)
    ids = []
    for i in range(400):
        shape = i % shapes
        given = {f: values[f] for bit, f in enumerate(optional) if shape >> bit & 1}
        ids.append(a.add_company(f"빈칸 {i}", **given))
    a.sync()
    b.sync()
    a.edit(Company, ids[1], phone=None, email="y@example.kr", notes="")
    a.sync()
    b.sync()
    with a.raw() as ca, b.raw() as cb:
        sql = "SELECT * FROM companies ORDER BY id"
        mine, theirs = ca.execute(sql).fetchall(), cb.execute(sql).fetchall()
    assert theirs == mine
    assert [type(v) for r in theirs for v in r] == [type(v) for r in mine for v in r]
    emptied = b.get(Company, ids[1])
    assert (emptied.phone, emptied.email, emptied.notes) == (None, "y@example.kr", "")
    assert_converged(a.hub_url, a, b)
