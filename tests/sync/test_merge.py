"""What staff see when two PCs changed the same things offline."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from campdesk.store.models import Company, Consultation, SpaceAssignment
from campdesk.sync.errors import ClientTooOld
from .pcs import assert_converged, hub_exec, hub_rows, pretend_hub_schema

pytestmark = pytest.mark.hub

HOUR = 3600 * 1000


def _shared_company(a, b, c=None, **values):
    cid = a.add_company("빛고을인공지능", **values)
    for pc in (a, b, c):
        if pc:
            pc.sync()
    return cid


def _sync_all(*pcs, rounds=2):
    for _ in range(rounds):
        for pc in pcs:
            pc.sync()


def test_same_field_edited_on_two_pcs_keeps_one_and_logs_the_other(three_pcs):
    a, b, c = three_pcs
    cid = _shared_company(a, b, c)
    b.edit(Company, cid, phone="062-111-1111")
    a.edit(Company, cid, phone="062-222-2222")  # later: wins
    _sync_all(b, a, c)
    assert {pc.get(Company, cid).phone for pc in (a, b, c)} == {"062-222-2222"}
    (conflict,) = a.conflicts("value")
    assert conflict["field"] == "phone"
    assert json.loads(conflict["loser_value"]) == "062-111-1111"
    assert all(len(pc.conflicts("value")) == 1 for pc in (a, b, c))  # visible everywhere
    assert_converged(a.hub_url, a, b, c)


def test_different_fields_edited_on_two_pcs_both_survive(three_pcs):
    a, b, c = three_pcs
    cid = _shared_company(a, b, c)
    a.edit(Company, cid, phone="062-222-2222")
    b.edit(Company, cid, employees=12)
    _sync_all(a, b, c)
    for pc in (a, b, c):
        row = pc.get(Company, cid)
        assert (row.phone, row.employees) == ("062-222-2222", 12)
    assert a.conflicts("value") == []
    assert_converged(a.hub_url, a, b, c)


def test_sequential_edits_on_one_pc_never_conflict(make_pc):
    a, b = make_pc("a"), make_pc("b")
    cid = _shared_company(a, b)
    b.edit(Company, cid, notes="first")
    b.sync()
    a.sync()
    a.edit(Company, cid, notes="second")
    a.edit(Company, cid, notes="third")
    _sync_all(a, b)
    assert b.get(Company, cid).notes == "third"
    assert a.conflicts() == []


@pytest.mark.parametrize("delete_first", [True, False])
def test_edit_versus_delete_delete_wins_and_edit_is_recoverable(three_pcs, delete_first):
    a, b, c = three_pcs
    cid = _shared_company(a, b, c)
    a.delete(Company, cid)
    b.edit(Company, cid, notes="방문 예정")
    order = (a, b) if delete_first else (b, a)
    _sync_all(*order, c)
    for pc in (a, b, c):
        assert pc.get(Company, cid) is None
    (kept,) = c.conflicts("deleted")
    assert kept["row_id"] == cid
    assert "방문 예정" in kept["loser_value"]
    # No resurrection: a stale patch of the deleted id arriving later changes nothing.
    b.ctx.db.dispose()
    with b.raw() as conn:
        conn.execute("INSERT INTO companies (id, name, name_norm, relationship, gwangju_presence, "
                     "ai_fields, created_at, updated_at, archived) VALUES "
                     "(?, 'stale', 'stale', 'inquirer', 'none', '', '2026-01-01 00:00:00.000000', "
                     "'2026-01-01 00:00:00.000000', 0)", (cid,))
    _sync_all(b, a, c)
    assert hub_rows(a.hub_url, "SELECT count(*) FROM companies WHERE id = %s", (cid,)) == [(0,)]
    assert a.get(Company, cid) is None and c.get(Company, cid) is None


def test_deleting_another_pcs_record_is_flagged_only_if_edited_meanwhile(three_pcs):
    a, b, c = three_pcs
    quiet = _shared_company(a, b, c)  # made on A; B has it as inserted
    edited = a.add_company("수정된기업")
    _sync_all(a, b, c, rounds=1)
    a.edit(Company, edited, notes="A가 고침")
    a.sync()  # B has not seen this edit when it deletes
    b.delete(Company, quiet)
    b.delete(Company, edited)
    _sync_all(b, a, c)
    assert [k["row_id"] for k in c.conflicts("deleted")] == [edited]
    assert all(pc.get(Company, quiet) is None and pc.get(Company, edited) is None
               for pc in (a, b, c))
    assert_converged(a.hub_url, a, b, c)


def test_same_company_created_offline_on_two_pcs_is_flagged_everywhere(three_pcs):
    a, b, c = three_pcs
    first = a.add_company("(주)빛고을인공지능", business_no="1234567891")
    second = b.add_company("빛고을 인공지능 주식회사")
    _sync_all(a, b, c)
    for pc in (a, b, c):
        (dup,) = pc.conflicts("duplicate")
        assert {dup["row_id"], dup["other_id"]} == {first, second}
        assert pc.get(Company, first) and pc.get(Company, second)  # both survive
    assert_converged(a.hub_url, a, b, c)


def test_same_desk_assigned_twice_offline_exactly_one_confirmed(three_pcs):
    a, b, c = three_pcs
    desk = a.add_space()
    x = a.add_company("엑스코프")
    y = a.add_company("와이랩스")
    _sync_all(a, b, c, rounds=1)
    first = a.assign(desk, x, date(2026, 12, 1), date(2027, 5, 31))
    second = b.assign(desk, y, date(2027, 3, 1), None)
    _sync_all(a, b, c)
    for pc in (a, b, c):
        statuses = {pc.get(SpaceAssignment, i).status for i in (first, second)}
        assert pc.get(SpaceAssignment, first).status == "confirmed"
        assert pc.get(SpaceAssignment, second).status == "conflict"
        assert statuses == {"confirmed", "conflict"}
        (flag,) = pc.conflicts("double_booking")
        assert {flag["row_id"], flag["other_id"]} == {first, second}
    assert_converged(a.hub_url, a, b, c)


def test_consultation_pointing_at_a_deleted_company_is_flagged(three_pcs):
    a, b, c = three_pcs
    cid = _shared_company(a, b, c)
    a.delete(Company, cid)
    note = b.add(Consultation, occurred_at=datetime.now(timezone.utc), channel="phone",
                 company_id=cid, question="입주 문의")
    _sync_all(a, b, c)
    (orphan,) = c.conflicts("orphan")
    assert (orphan["row_id"], orphan["other_id"]) == (note, cid)
    assert c.get(Consultation, note) is not None  # the note itself is not lost


def _consultation_with_id(pc, row_id: str, question: str) -> None:
    """A consultation with a given id (as rows with a derived id are made), 30 minutes long."""
    with pc.raw() as conn:
        conn.execute("INSERT INTO consultations (id, occurred_at, channel, category, question,"
                     " outcome, duration_min, created_at, updated_at, archived) VALUES (?,"
                     " '2026-11-25 09:00:00.000000', 'phone', 'other', ?, 'resolved', 30,"
                     " '2026-11-25 09:00:00.000000', '2026-11-25 09:00:00.000000', 0)",
                     (row_id, question))


def test_the_same_new_row_made_on_two_pcs_is_merged_not_duplicated(three_pcs):
    """Two PCs offline make a row with the same id (as rows with a derived id are made);
    the second to arrive is merged into the first, its differing value kept as a conflict."""
    a, b, c = three_pcs
    row_id = "01a21300-0000-7000-8000-00000000cafe"
    for pc, question in ((a, "a가 적은 질문"), (b, "b가 적은 질문")):
        _consultation_with_id(pc, row_id, question)
    a.sync()
    b.sync()
    _sync_all(a, b, c)
    assert hub_rows(a.hub_url, "SELECT question, duration_min FROM consultations") == [
        ("b가 적은 질문", 30)]
    (kept,) = c.conflicts("value")
    assert (kept["row_id"], kept["field"]) == (row_id, "question")
    assert json.loads(kept["loser_value"]) == "a가 적은 질문"
    assert_converged(a.hub_url, a, b, c)


POISON = {  # SQLite accepts text in an INTEGER column; PostgreSQL will not
    "companies": "INSERT INTO companies (id, name, name_norm, relationship, gwangju_presence, "
                 "ai_fields, employees, created_at, updated_at, archived) VALUES (?, '독', '독', "
                 "'inquirer', 'none', '', 'many', '2026-11-25', '2026-11-25', 0)",
    "consultations": "INSERT INTO consultations (id, occurred_at, channel, category, question, "
                     "outcome, duration_min, created_at, updated_at, archived) VALUES (?, "
                     "'2026-11-25', 'phone', 'other', '', 'resolved', 'many', '2026-11-25', "
                     "'2026-11-25', 0)",
}


@pytest.mark.parametrize("table", sorted(POISON))  # merged row by row / set-wise
def test_poison_mutation_is_quarantined_and_the_queue_drains(make_pc, table):
    a, b = make_pc("a"), make_pc("b")
    before = a.add_company("앞선기업")
    bad = f"poison-{table}"
    with a.raw() as conn:
        conn.execute(POISON[table], (bad,))
    after = a.add_company("다음기업")
    report = a.sync()
    b.sync()
    assert report.flagged >= 1
    assert a.pending() == 0
    assert b.get(Company, before) and b.get(Company, after)  # the changes around it got through
    (rejected,) = b.conflicts("rejected")  # staff on every PC see it
    assert rejected["row_id"] == bad and "many" in rejected["loser_value"]


def test_too_old_client_is_refused_and_keeps_its_work(make_pc):
    a = make_pc("a")
    a.add_company("오프라인기업")
    hub_exec(a.hub_url, "UPDATE sync_meta SET value = '99' WHERE key = 'min_client_schema'")
    with pytest.raises(ClientTooOld, match="업데이트"):
        a.sync()
    assert a.pending() == 1
    assert hub_rows(a.hub_url, "SELECT count(*) FROM companies") == [(0,)]


def test_clock_skew_same_winners_cap_and_warning(three_pcs):
    a, b, c = three_pcs
    cid = _shared_company(a, b, c)
    a.set_skew(HOUR)
    b.set_skew(-HOUR)
    c.set_skew(365 * 24 * HOUR)
    report = c.sync()
    assert any("시계" in w for w in report.warnings)
    c.edit(Company, cid, notes="from the future")   # first, with a clock a year ahead
    a.edit(Company, cid, notes="plus one hour")
    b.edit(Company, cid, notes="minus one hour")
    _sync_all(c, a, b)
    # Every clock ahead of the hub is capped at the hub's time + 5 min, so the PC a year
    # ahead does not win: the later push with a capped clock does.
    assert {pc.get(Company, cid).notes for pc in (a, b, c)} == {"plus one hour"}
    (cap,) = hub_rows(a.hub_url, "SELECT max(sync_clock_value(value)) >> 16 FROM sync_row, "
                                 "jsonb_each_text(clocks) WHERE value NOT LIKE '%%:hub'")
    assert cap[0] <= _now_ms() + 6 * 60 * 1000
    # The PC that is an hour behind does not lose its own later edits.
    b.sync()
    b.edit(Company, cid, notes="b again")
    _sync_all(b, a, c)
    assert {pc.get(Company, cid).notes for pc in (a, b, c)} == {"b again"}
    assert_converged(a.hub_url, a, b, c)


def _now_ms() -> int:
    import time
    return int(time.time() * 1000)


@pytest.mark.parametrize("old_pc", [False, True], ids=["B up to date", "B an older CampDesk"])
@pytest.mark.parametrize("then", ["edit", "delete"])
def test_a_row_made_here_that_lost_to_the_same_row_made_elsewhere_keeps_its_rival_safe(
        three_pcs, then, old_pc):
    """B made a row with the same id as A, and loses it to A's; B then changes its own
    version before it ever saw A's. A's values must not go without a trace, also when B
    is an older CampDesk (one batch in JSON, no clock noted for its own new rows)."""
    a, b, c = three_pcs
    row_id = "01a21300-0000-7000-8000-00000000beef"
    if old_pc:
        pretend_hub_schema(a.hub_url, 3)
    for pc, question in ((b, "b가 먼저 적은 질문"), (a, "a가 나중에 적은 질문")):
        _consultation_with_id(pc, row_id, question)
    a.sync()
    if old_pc:
        with b.raw() as conn:
            conn.execute("DELETE FROM sync_row_clock")
    if then == "edit":
        b.edit(Consultation, row_id, question="b가 고친 질문")
    else:
        b.delete(Consultation, row_id)
    _sync_all(b, a, c)
    kept = [json.loads(k["loser_value"]) for k in c.conflicts("value")] if then == "edit" else \
        [k["loser_value"] for k in c.conflicts("deleted")]
    assert any("a가 나중에 적은 질문" in str(v) for v in kept)
    assert_converged(a.hub_url, a, b, c)
