"""Resolving "needs attention" items on one PC resolves them on every PC: merge
duplicates, choose who keeps a desk, restore a lost value."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from campdesk.store.models import Company, Consultation, SpaceAssignment
from campdesk.sync import attention
from .pcs import assert_converged

pytestmark = pytest.mark.hub


def _sync_all(*pcs, rounds=2):
    for _ in range(rounds):
        for pc in pcs:
            pc.sync()


def _items(pc, kind):
    return [i for i in attention.open_items(pc.ctx.db) if i.kind == kind]


def test_merging_duplicates_repoints_children_and_reaches_the_third_pc(three_pcs):
    a, b, c = three_pcs
    keep = a.add_company("빛고을인공지능", business_no="1234567891")
    lose = b.add_company("빛고을 인공지능(주)")
    note = b.add(Consultation, occurred_at=datetime.now(timezone.utc), channel="walk_in",
                 company_id=lose, question="입주 조건")
    _sync_all(a, b, c)
    (item,) = _items(b, "duplicate")
    assert {item.row_label, item.other_label} == {"빛고을인공지능", "빛고을 인공지능(주)"}
    assert attention.merge_companies(b.ctx.db, keep, lose, by=None) == 1
    _sync_all(b, a, c)
    for pc in (a, b, c):
        assert pc.get(Consultation, note).company_id == keep
        gone = pc.get(Company, lose)
        assert gone.merged_into == keep and gone.archived
        assert _items(pc, "duplicate") == []
    assert_converged(a.hub_url, a, b, c)


def test_choosing_who_keeps_a_double_booked_desk(three_pcs):
    a, b, c = three_pcs
    desk = a.add_space()
    x, y = a.add_company("엑스"), a.add_company("와이")
    _sync_all(a, b, c, rounds=1)
    first = a.assign(desk, x, date(2027, 1, 1), date(2027, 6, 30))
    second = b.assign(desk, y, date(2027, 2, 1), date(2027, 3, 31))
    _sync_all(a, b, c)
    (item,) = _items(c, "double_booking")
    attention.keep_assignment(c.ctx.db, item.id, second, by=None)  # the one flagged wins
    _sync_all(c, a, b)
    for pc in (a, b, c):
        assert pc.get(SpaceAssignment, second).status == "confirmed"
        assert pc.get(SpaceAssignment, first).archived
        assert _items(pc, "double_booking") == []
    assert_converged(a.hub_url, a, b, c)


def test_restoring_a_lost_value_wins_everywhere(three_pcs):
    a, b, c = three_pcs
    cid = a.add_company("값충돌")
    _sync_all(a, b, c, rounds=1)
    a.edit(Company, cid, founded_on=date(2020, 3, 1))
    b.edit(Company, cid, founded_on=date(2021, 4, 1))  # later: wins
    _sync_all(a, b, c)
    (item,) = _items(c, "value")
    assert (item.loser_value, item.winner_value) == ("2020-03-01", "2021-04-01")
    attention.restore_value(c.ctx.db, item.id, by=None)
    _sync_all(c, a, b)
    assert {pc.get(Company, cid).founded_on for pc in (a, b, c)} == {date(2020, 3, 1)}
    assert all(_items(pc, "value") == [] for pc in (a, b, c))
    assert_converged(a.hub_url, a, b, c)


def test_a_row_deleted_while_edited_can_be_brought_back(three_pcs):
    a, b, c = three_pcs
    cid = a.add_company("삭제와 수정", phone="062-1")
    _sync_all(a, b, c, rounds=1)
    a.delete(Company, cid)
    b.edit(Company, cid, phone="062-2")
    _sync_all(a, b, c)
    (item,) = _items(c, "deleted")
    new_id = attention.recreate_deleted(c.ctx.db, item.id, by=None)
    _sync_all(c, a, b)
    assert a.get(Company, new_id).phone == "062-2"
    assert_converged(a.hub_url, a, b, c)


def test_unlinking_a_consultation_from_a_deleted_company(make_pc):
    a, b = make_pc("a"), make_pc("b")
    cid = a.add_company("사라진 기업")
    _sync_all(a, b, rounds=1)
    a.delete(Company, cid)
    note = b.add(Consultation, occurred_at=datetime.now(timezone.utc), channel="phone",
                 company_id=cid, question="문의")
    _sync_all(a, b)
    (item,) = _items(a, "orphan")
    attention.unlink_orphan(a.ctx.db, item.id, by=None)
    _sync_all(a, b)
    for pc in (a, b):
        assert pc.get(Consultation, note).company_id is None  # the note itself is kept
        assert _items(pc, "orphan") == []
    assert_converged(a.hub_url, a, b)
