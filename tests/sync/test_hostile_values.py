"""Values the hub or a PC cannot take never cost a record and never stop sync: a crafted
clock, a value over a column's limit, a NUL character, a hub row a PC cannot store."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import psycopg
import pytest

from campdesk.i18n import set_language
from campdesk.store.models import Company
from campdesk.sync import attention, engine
from campdesk.sync.hub_init import init_hub
from .pcs import assert_converged, hub_exec, hub_rows

pytestmark = pytest.mark.hub
FAR_FUTURE = "ffffffffffffffff:site-x"


def _raw_company(pc, row_id: str, name: str, employees: int | None = None) -> None:
    """A row written past the app's door (an older CampDesk, a script): captured as usual."""
    now = "2026-12-01 00:00:00.000000"
    with pc.raw() as conn:
        conn.execute("INSERT INTO companies (id, name, name_norm, relationship, gwangju_presence,"
                     " ai_fields, employees, created_at, updated_at, archived) "
                     "VALUES (?, ?, ?, 'inquirer', 'none', '', ?, ?, ?, 0)",
                     (row_id, name, name, employees, now, now))


def _forged_push(url: str, changes: list[dict]) -> dict:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT sync_hello('site-x', 1, 'test')")
        return conn.execute("SELECT sync_push('site-x', 1, %s::json, NULL::bigint)",
                            (json.dumps(changes),)).fetchone()[0]


def _change(seq: int, row_id: str, patch: dict, clock: str, base: dict | None = None) -> dict:
    return {"seq": seq, "tbl": "companies", "id": row_id, "op": "upsert", "patch": patch,
            "base": {} if base is None else base, "clock": clock}


def test_a_crafted_clock_is_refused_or_capped_and_stops_no_sync(make_pc):
    a, b = make_pc("a"), make_pc("b")
    cid = a.add_company("시계 기업")
    a.sync()
    b.sync()
    answer = _forged_push(a.hub_url, [
        _change(1, cid, {"phone": "위조 1"}, FAR_FUTURE),
        _change(2, cid, {"notes": "위조 2"}, "7fffffffffffffff:someone-else"),
        _change(3, cid, {"website": "위조 3"}, "not a clock")])
    assert answer["acked_seq"] == 3
    clocks = hub_rows(a.hub_url, "SELECT clocks FROM sync_row WHERE id = %s", (cid,))[0][0]
    assert "phone" not in clocks and "website" not in clocks  # quarantined
    limit = (int(datetime.now(timezone.utc).timestamp() * 1000) + 5 * 60 * 1000 + 1000) << 16
    assert int(clocks["notes"][:16], 16) <= limit and clocks["notes"].endswith(":site-x")
    assert sorted(r[0] for r in hub_rows(
        a.hub_url, "SELECT kind FROM sync_conflict WHERE kind = 'rejected'")) == ["rejected"] * 2
    b.set_skew(10 * 60 * 1000)  # a later edit beats the capped one
    b.edit(Company, cid, notes="나중에 고친 메모")
    for pc in (a, b, a):
        pc.sync()
    assert a.get(Company, cid).notes == "나중에 고친 메모"
    assert_converged(a.hub_url, a, b)


def test_clocks_an_older_hub_stored_unchecked_neither_crash_a_pc_nor_win_for_ever(make_pc):
    a, b = make_pc("a"), make_pc("b")
    cid = a.add_company("예전 허브")
    a.sync()
    # As an older hub kept them: a clock beyond 63 bits and one that is no clock at all.
    hub_exec(a.hub_url, f"UPDATE sync_row SET clocks = '{{\"*\": \"{FAR_FUTURE}\", \"phone\": "
                        f"\"zz\"}}', xid = pg_current_xact_id()::text::bigint WHERE id = '{cid}'",
             f"UPDATE companies SET phone = '062-000-0000' WHERE id = '{cid}'")
    b.sync()  # pulls the bad clocks: no crash, its own clock is not thrown forward
    assert b.get(Company, cid).phone == "062-000-0000"
    assert b.state()["hlc"] < (int(datetime.now(timezone.utc).timestamp() * 1000) + 6 * 60_000) << 16
    with psycopg.connect(a.hub_url) as conn:
        init_hub(conn)  # an upgraded hub puts the clocks right
    clocks = hub_rows(a.hub_url, "SELECT clocks FROM sync_row WHERE id = %s", (cid,))[0][0]
    assert all(c[:1] in "01234567" and c[16] == ":" for c in clocks.values())
    a.edit(Company, cid, phone="062-123-4567")
    for pc in (a, b):
        pc.sync()
    assert b.get(Company, cid).phone == "062-123-4567"
    assert_converged(a.hub_url, a, b)


def test_a_value_the_hub_refuses_stays_on_its_pc_flagged_until_put_right(make_pc):
    """A name over 200 characters and 10,000,000,000 employees (written before the door
    checked them): the hub quarantines them, the PC keeps both rows whatever the repair
    finds, says what to fix, and sends each again once it is put right."""
    a, b = make_pc("a"), make_pc("b")
    _raw_company(a, "long-name", "가" * 250)
    _raw_company(a, "many-staff", "직원 많은 기업", employees=10_000_000_000)
    behind = a.add_company("뒤에 기다린 기업")
    report = a.sync(verify=True)
    assert report.flagged == 2 and report.repaired == {}
    assert a.sync(verify=True).repaired == {}
    assert a.get(Company, "long-name") is not None and a.get(Company, "many-staff") is not None
    assert hub_rows(a.hub_url, "SELECT id FROM companies") == [(behind,)]
    advice = {i.row_id: i.advice for i in attention.open_items(a.ctx.db)
              if i.kind == "rejected"}
    assert "기업명" in advice["long-name"] and "200" in advice["long-name"]
    assert "직원 수" in advice["many-staff"]
    with a.raw() as conn:  # edited, still too long (an older CampDesk let it through)
        conn.execute("UPDATE companies SET notes = '메모' WHERE id = 'long-name'")
    a.sync()  # sent again whole, refused again: the same flag, not a second one
    assert sorted(i.row_id for i in attention.open_items(a.ctx.db) if i.kind == "rejected") == [
        "long-name", "many-staff"]
    a.edit(Company, "long-name", name="이름을 줄인 기업", name_norm="이름을줄인기업")
    a.edit(Company, "many-staff", employees=120)
    a.sync()
    b.sync()
    assert b.get(Company, "long-name").name == "이름을 줄인 기업"
    assert b.get(Company, "many-staff").employees == 120
    assert [i for i in attention.open_items(b.ctx.db) if i.kind == "rejected"] == []
    assert_converged(a.hub_url, a, b)


def test_a_nul_character_is_quarantined_and_the_queue_behind_it_drains(make_pc):
    a, b = make_pc("a"), make_pc("b")
    _raw_company(a, "nul", "널\x00문자")
    with a.raw() as conn:  # an edit with one too
        conn.execute("UPDATE companies SET notes = ? WHERE id = 'nul'", ("x\x00y",))
    behind = [a.add_company(f"뒤의 기업 {n}") for n in range(3)]
    report = a.sync()
    assert report.flagged >= 1 and a.pending() == 0
    assert a.state()["last_error"] is None
    b.sync()
    assert all(b.get(Company, i) is not None for i in behind)
    flags = [c for c in b.conflicts("rejected") if c["row_id"] == "nul"]
    assert flags and "\x00" not in flags[0]["loser_value"]


def test_a_hub_row_no_pc_can_store_is_flagged_once_and_costs_no_repair(make_pc):
    """An administrator (or any tool) wrote a consultation without its time: the PCs'
    schema refuses it. It is flagged once for everyone, and no later round re-reads
    tables for it."""
    a, b = make_pc("a"), make_pc("b")
    for n in range(30):
        a.add_company(f"기업 {n}")
    a.sync()
    hub_exec(a.hub_url, "INSERT INTO consultations (id, channel, category, question, outcome,"
                        " created_at, updated_at, archived) VALUES ('no-time', 'phone', 'other',"
                        " '언제인지 모름', 'resolved', now(), now(), false)")
    first = a.sync(verify=True)
    assert any("no-time" in w for w in first.warnings) and first.repaired == {}
    second = b.sync(verify=True)
    assert second.repaired == {}
    for pc in (a, b, a, b):
        report = pc.sync(verify=True)
        assert report.repaired == {} and not report.warnings
    for pc in (a, b):
        flags = pc.conflicts("unstorable")
        assert [f["row_id"] for f in flags] == ["no-time"]
    items = [i for i in attention.open_items(a.ctx.db) if i.kind == "unstorable"]
    assert items and "일시" in items[0].advice
    set_language("en")
    try:
        items = [i for i in attention.open_items(a.ctx.db) if i.kind == "unstorable"]
        assert items[0].advice.startswith("This hub record has no 'When'")
    finally:
        set_language("ko")


def test_an_unexpected_failure_is_said_plainly_and_noted_for_the_status_corner(make_pc, monkeypatch):
    a = make_pc("a")
    a.add_company("작업")

    def broken(*args, **kwargs):
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(engine, "sync_once", broken)
    with pytest.raises(engine.SyncError, match="예기치 않은 오류") as caught:
        a.sync()
    assert "Traceback" not in str(caught.value)
    assert "예기치 않은" in a.state()["last_error"] and a.pending() == 1


def test_a_failure_is_said_in_english_but_kept_in_korean(make_pc, monkeypatch):
    """The message follows the language of the app; what the PC keeps (the status corner's
    last error) is stored data, and stays Korean."""
    a = make_pc("a")

    def broken(*args, **kwargs):
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(engine, "sync_once", broken)
    set_language("en")
    try:
        with pytest.raises(engine.SyncError) as caught:
            a.sync()
        assert str(caught.value).startswith("Sync failed unexpectedly. Everything on this PC")
        assert "something nobody expected" in str(caught.value)
    finally:
        set_language("ko")
    assert a.state()["last_error"].startswith("동기화 중 예기치 않은 오류가 났습니다.")
