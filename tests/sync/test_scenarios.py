"""More of what sync promises (docs/SYNC.md): concurrent pushes, cut between pull pages,
a user edit during a pull, bootstrap progress and restart, long offline work in chunks, an
old client and a newer hub column, a restored PC or hub."""
from __future__ import annotations

import subprocess
import threading

import psycopg
import pytest

from campdesk.store.models import Company, Staff
from campdesk.sync import engine, target
from campdesk.sync.hub import HubSession
from .pcs import assert_converged, hub_exec, hub_rows
from .test_delivery import _bulk_companies

pytestmark = pytest.mark.hub


def _sync_all(*pcs, rounds=2):
    for _ in range(rounds):
        for pc in pcs:
            pc.sync()


def test_three_pcs_pushing_overlapping_rows_at_once(three_pcs):
    pcs = three_pcs
    ids = [pcs[0].add_company(f"겹침{i}") for i in range(30)]
    _sync_all(*pcs, rounds=1)
    for n, pc in enumerate(pcs):
        for cid in ids:
            pc.edit(Company, cid, notes=f"pc{n}", employees=n)
    errors: list[BaseException] = []

    def push(pc):
        try:
            pc.sync()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=push, args=(pc,)) for pc in pcs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and not any(t.is_alive() for t in threads)  # no deadlock, no failure
    _sync_all(*pcs)
    winners = {pc.get(Company, ids[0]).notes for pc in pcs}
    assert len(winners) == 1
    # every overwritten value is in the conflict table: 2 losers per field per row
    assert len(pcs[0].conflicts("value")) == 30 * 2 * 2
    assert_converged(pcs[0].hub_url, *pcs)


class _CutAfterFirstPage(HubSession):
    def pull(self, lo, page_size, after=None):
        for n, item in enumerate(super().pull(lo, page_size, after)):
            if n == 1:
                raise ConnectionError("cable pulled")
            yield item


def test_cut_between_pull_pages_keeps_the_pages_applied_and_never_skips_a_row(make_pc):
    """The cursor never passes unapplied rows; and the pages applied before the
    cut are not read again: the next pull goes on after the last row applied."""
    a, b = make_pc("a"), make_pc("b")
    _bulk_companies(a, 1200, "p")
    a.sync()
    replica, session = b.replica(), _CutAfterFirstPage(b.session().conn)
    try:
        with pytest.raises(ConnectionError):
            engine.sync_once(replica, session, page_size=500)
        state = replica.state()
        assert state["pull_cursor"] == 0 and state["pull_after"] is not None
        with b.raw() as conn:
            first_page = conn.execute("SELECT count(*) FROM companies").fetchone()[0]
        assert first_page == engine_first_page()
    finally:
        replica.close()
        session.close()
    a.edit(Company, "p-000000", phone="062-111-2222")  # rewritten since: pulled again
    a.sync()
    report = b.sync()
    assert report.pulled == 1200 - first_page + 1
    assert b.get(Company, "p-000000").phone == "062-111-2222"
    assert_converged(a.hub_url, a, b)


def test_a_link_that_drops_after_every_page_still_converges_page_by_page(make_pc):
    a, b = make_pc("a"), make_pc("b")
    _bulk_companies(a, 2000, "f")
    a.sync()
    rounds = 0
    while rounds < 10:
        rounds += 1
        replica, session = b.replica(), _CutAfterFirstPage(b.session().conn)
        try:
            engine.sync_once(replica, session, page_size=500)
            break
        except ConnectionError:
            continue
        finally:
            replica.close()
            session.close()
    assert rounds <= 5  # a page or more each round, never all over again
    assert_converged(a.hub_url, a, b)


def engine_first_page() -> int:
    from campdesk.sync.hub import FIRST_PAGE
    return FIRST_PAGE


def test_user_edit_during_pull_is_not_overwritten(make_pc):
    a, b = make_pc("a"), make_pc("b")
    cid = a.add_company("편집 중")
    _sync_all(a, b, rounds=1)
    a.edit(Company, cid, phone="062-from-a", notes="a's note")
    a.sync()
    b.edit(Company, cid, phone="062-typed-on-b")  # saved on B, not pushed yet
    replica, session = b.replica(), b.session()
    try:
        engine.pull(replica, session, engine.SyncReport(), 100, None)  # a pull alone
    finally:
        replica.close()
        session.close()
    row = b.get(Company, cid)
    assert row.phone == "062-typed-on-b"  # the user's edit survived the pull
    assert row.notes == "a's note"  # the other field did arrive
    _sync_all(b, a)
    assert a.get(Company, cid).phone == "062-typed-on-b"  # later edit wins
    assert len(a.conflicts("value")) == 1
    assert_converged(a.hub_url, a, b)


def test_new_pc_bootstraps_with_progress_and_restarts_cleanly(make_pc):
    a, c = make_pc("a"), make_pc("c")
    _bulk_companies(a, 500, "boot")
    a.sync()
    seen: list[tuple[int, int]] = []

    def killed_half_way(done, total):
        seen.append((done, total))
        if done >= 200:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        c.sync(page_size=100, progress=killed_half_way)
    assert c.state()["pull_cursor"] == 0
    _bulk_companies(a, 50, "during")  # others keep writing
    a.sync()
    report = c.sync(page_size=100, progress=lambda done, total: seen.append((done, total)))
    assert report.bootstrap and seen[-1][0] == seen[-1][1] >= 550
    assert_converged(a.hub_url, a, c)


def test_long_offline_work_on_two_pcs_goes_in_chunks(make_pc):
    a, b = make_pc("a"), make_pc("b")
    _bulk_companies(a, 2500, "a")
    _bulk_companies(b, 2500, "b")
    batches: list[int] = []
    original = HubSession.push

    def counting(self, client, schema, batch, *after):
        texts = [batch] if isinstance(batch, str) else [batch.changes, *batch.rows]
        batches.append(sum(t.count('"seq"') + t.count('"sync_seq"') for t in texts))
        return original(self, client, schema, batch, *after)

    HubSession.push = counting
    try:
        engine.run(a.path, target.from_url(a.hub_url), chunk=400)
    finally:
        HubSession.push = original
    assert len(batches) == 7 and max(batches) == 400
    _sync_all(b, a)
    assert hub_rows(a.hub_url, "SELECT count(*) FROM companies") == [(5000,)]
    assert_converged(a.hub_url, a, b)


def test_old_client_never_blanks_a_column_it_does_not_know(make_pc):
    a, b = make_pc("a"), make_pc("b")
    cid = a.add_company("새 열")
    _sync_all(a, b, rounds=1)
    # a newer CampDesk added a column on the hub and filled it in
    hub_exec(a.hub_url, "ALTER TABLE companies ADD COLUMN region_code text",
             f"UPDATE companies SET region_code = 'GJ' WHERE id = '{cid}'")
    b.edit(Company, cid, phone="062-old-client")  # this CampDesk has no such column
    _sync_all(b, a)
    assert hub_rows(a.hub_url, "SELECT phone, region_code FROM companies") == [
        ("062-old-client", "GJ")]
    assert a.get(Company, cid).phone == "062-old-client"


def test_rows_lost_or_added_behind_the_triggers_back_are_detected_and_repaired(make_pc):
    """A PC's file changed without capture (raw SQL with the flag set, a bad
    restore) is noticed by the digest check and put right; unsent work is never touched."""
    a, b = make_pc("a"), make_pc("b")
    _bulk_companies(a, 40, "r")
    a.sync()
    b.sync()
    with b.raw() as conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE sync_state SET applying = 1")
        conn.execute("DELETE FROM companies WHERE id IN ('r-000003', 'r-000017')")
        conn.execute("INSERT INTO staff (id, name, role, created_at, updated_at, archived) "
                     "VALUES ('ghost', '유령', 'onsite', '2026-01-01 00:00:00.000000', "
                     "'2026-01-01 00:00:00.000000', 0)")
        conn.execute("UPDATE sync_state SET applying = 0")
        conn.execute("COMMIT")
    unsent = b.add_company("보내지 않은 기업")
    b.ctx.db.dispose()
    replica, session = b.replica(), b.session()
    try:
        engine._introduce(replica, session)
        engine.pull(replica, session, engine.SyncReport(), 100, None)
        from campdesk.sync.verify import reconcile
        assert reconcile(replica, session) == {"companies": 2, "staff": 1}
    finally:
        replica.close()
        session.close()
    assert b.get(Company, "r-000003") is not None and b.get(Company, unsent) is not None
    report = b.sync(verify=True)
    assert report.repaired == {}
    a.sync()
    # The row added behind the triggers' back was never on the hub: it may be the only
    # copy, so it was sent, not deleted.
    assert a.get(Staff, "ghost").name == "유령"
    assert_converged(a.hub_url, a, b)


def _dump_hub(url: str, dump) -> None:
    subprocess.run(["pg_dump", "-Fc", "-f", str(dump), url], check=True)


def _restore_hub(url: str, dump) -> None:
    """The hub's database dropped and restored from ``dump``, then given a new generation,
    as docs/HUB.md tells the administrator."""
    params = psycopg.conninfo.conninfo_to_dict(url)
    admin = psycopg.conninfo.make_conninfo(url, dbname="postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{params["dbname"]}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{params["dbname"]}"')
    subprocess.run(["pg_restore", "-d", url, str(dump)], check=True)
    hub_exec(url, "UPDATE sync_meta SET value = gen_random_uuid()::text WHERE key = 'generation'")


def test_hub_restored_from_a_backup_gets_back_what_it_lost(make_pc, tmp_path):
    """PCs read the restored hub again and re-send what it lost."""
    a, b = make_pc("a"), make_pc("b")
    early = a.add_company("백업 전")
    _sync_all(a, b, rounds=1)
    dump = tmp_path / "hub.dump"
    _dump_hub(a.hub_url, dump)
    late = a.add_company("백업 후")  # acknowledged by the hub, then lost with it
    a.sync()
    b_note = b.add_company("B의 미전송")  # still unsent on B when the hub goes down
    _restore_hub(a.hub_url, dump)
    _sync_all(a, b)
    for pc in (a, b):
        assert {pc.get(Company, i).name for i in (early, late, b_note)} == {
            "백업 전", "백업 후", "B의 미전송"}
    assert_converged(a.hub_url, a, b)


def test_a_restored_hub_brings_back_a_pcs_own_row_it_deleted_after_the_dump(make_pc, tmp_path):
    """The dump still has the row (as sent by A); every PC must agree with the hub again,
    A included, although A's pulls normally leave out the new rows it sent itself."""
    a, b = make_pc("a"), make_pc("b")
    row = a.add_company("덤프 후 삭제")
    _sync_all(a, b, rounds=1)
    dump = tmp_path / "hub.dump"
    _dump_hub(a.hub_url, dump)
    a.delete(Company, row)
    _sync_all(a, b, rounds=1)
    _restore_hub(a.hub_url, dump)
    _sync_all(a, b)
    assert a.get(Company, row) is not None and b.get(Company, row) is not None
    assert_converged(a.hub_url, a, b)


def test_pc_restored_from_its_own_backup_does_not_lose_new_work(make_pc, tmp_path):
    """A restored file would number its next changes like ones the hub has already seen
    (and skipped them as repeats). It continues as a new replica instead."""
    import shutil

    a, b = make_pc("a"), make_pc("b")
    a.add_company("백업 시점")
    a.sync()
    a.ctx.db.dispose()
    shutil.copyfile(a.path, tmp_path / "backup.sqlite3")
    for n in range(3):
        a.add_company(f"백업 후 {n}")
    a.sync()
    a.ctx.db.dispose()
    shutil.copyfile(tmp_path / "backup.sqlite3", a.path)  # staff restore yesterday's file
    for suffix in ("-wal", "-shm"):
        (a.path.parent / (a.path.name + suffix)).unlink(missing_ok=True)
    fresh = a.add_company("복원 후 새 기업")
    report = a.sync()
    assert any("백업" in w for w in report.warnings)
    b.sync()
    assert b.get(Company, fresh) is not None
    assert {pc.get(Company, fresh).name for pc in (a, b)} == {"복원 후 새 기업"}
    with a.raw() as conn:  # the changes made after the backup came back from the hub
        assert conn.execute("SELECT count(*) FROM companies").fetchone() == (5,)
    assert_converged(a.hub_url, a, b)


def test_a_pulled_row_this_pc_cannot_store_does_not_block_the_others(make_pc):
    """An administrator inserted a row on the hub that breaks a rule of the PCs' schema
    (a company without a name): the rest of the pull still arrives, and staff are told."""
    a, b = make_pc("a"), make_pc("b")
    hub_exec(a.hub_url, "INSERT INTO companies (id, name, archived) VALUES ('nameless', NULL, false)")
    good = a.add_company("정상 기업")
    a.sync()
    report = b.sync()
    assert b.get(Company, good) is not None
    assert any("nameless" in w for w in report.warnings)
