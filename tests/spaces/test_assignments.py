"""Assigning, moving in and out, moving: what staff see when they do it."""
from datetime import date

import pytest

from campdesk.services import spaces
from campdesk.services.errors import FormErrors, UserError

D = date


def test_an_overlapping_assignment_is_refused_naming_the_other_company(camp):
    spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], D(2026, 3, 1), D(2026, 12, 31))
    with pytest.raises(UserError) as info:
        spaces.assign(camp.ctx, camp.office, camp.co["무등랩스"], D(2026, 12, 1))
    err = info.value
    assert "빛고을AI" in err.ko and "2026. 3. 1." in err.ko and "2026. 12. 31." in err.ko
    assert "301호" in err.ko and "겹칩니다" in err.ko
    assert len(spaces.list_assignments(camp.ctx, space_id=camp.office)) == 1


def test_the_overlap_refusal_in_english(camp):
    from campdesk import i18n

    spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], D(2026, 3, 1), D(2026, 12, 31))
    try:
        i18n.set_language("en")
        with pytest.raises(UserError) as info:
            spaces.assign(camp.ctx, camp.office, camp.co["무등랩스"], D(2026, 12, 1))
    finally:
        i18n.set_language("ko")
    text = str(info.value)
    assert "빛고을AI" in text and "2026-03-01" in text and "overlap" in text
    assert "겹칩니다" not in text


def test_back_to_back_assignments_and_reservations(camp):
    spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], D(2026, 3, 1), D(2026, 12, 31))
    spaces.assign(camp.ctx, camp.office, camp.co["무등랩스"], D(2027, 1, 1), status="reserved")
    with pytest.raises(UserError, match="무등랩스"):  # a reservation blocks too
        spaces.assign(camp.ctx, camp.office, camp.co["양림데이터"], D(2027, 6, 1))


def test_a_desk_cannot_be_let_while_its_room_is_let_whole(camp):
    spaces.assign(camp.ctx, camp.room, camp.co["빛고을AI"], D(2026, 1, 1))
    with pytest.raises(UserError, match="302 오픈데스크"):
        spaces.assign(camp.ctx, camp.desks[0], camp.co["무등랩스"], D(2026, 5, 1))


def test_meeting_rooms_and_reversed_dates_are_refused(camp):
    with pytest.raises(UserError, match="회의실"):
        spaces.assign(camp.ctx, camp.meeting, camp.co["빛고을AI"], D(2026, 1, 1))
    with pytest.raises(FormErrors) as info:
        spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], D(2026, 5, 1), D(2026, 4, 1))
    assert "ends_on" in info.value.by_field()


def test_moving_ends_one_assignment_and_starts_another_the_same_day(camp):
    first = spaces.assign(camp.ctx, camp.desks[0], camp.co["빛고을AI"], D(2026, 2, 1),
                          D(2027, 1, 31))
    new = spaces.move(camp.ctx, first, camp.office, D(2026, 11, 25))
    rows = {a.id: a for a in spaces.list_assignments(camp.ctx, company_id=camp.co["빛고을AI"])}
    old, moved = rows[first], rows[new]
    assert (old.ends_on, old.status) == (D(2026, 11, 24), "ended")
    assert (moved.space_id, moved.starts_on, moved.ends_on, moved.status) == \
        (camp.office, D(2026, 11, 25), D(2027, 1, 31), "confirmed")
    # The desk is free from the moving day, and someone else can take it.
    spaces.assign(camp.ctx, camp.desks[0], camp.co["무등랩스"], D(2026, 11, 25))


def test_a_refused_move_changes_nothing(camp):
    first = spaces.assign(camp.ctx, camp.desks[0], camp.co["빛고을AI"], D(2026, 2, 1))
    spaces.assign(camp.ctx, camp.office, camp.co["무등랩스"], D(2026, 1, 1))
    with pytest.raises(UserError, match="무등랩스"):
        spaces.move(camp.ctx, first, camp.office, D(2026, 11, 25))
    (row,) = spaces.list_assignments(camp.ctx, company_id=camp.co["빛고을AI"])
    assert (row.ends_on, row.status) == (None, "confirmed")


def test_move_in_and_move_out_keep_the_history(camp):
    from campdesk.store.audit import history

    a = spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], D(2026, 12, 1),
                      status="reserved")
    spaces.move_in(camp.ctx, a, D(2026, 12, 3))
    spaces.move_out(camp.ctx, a, D(2027, 5, 31))
    (row,) = spaces.list_assignments(camp.ctx, space_id=camp.office)
    assert (row.starts_on, row.ends_on, row.status) == (D(2026, 12, 3), D(2027, 5, 31), "ended")
    with camp.ctx.db.reading() as s:
        fields = [e.field for e in history(s, "space_assignments", a)]
    assert fields.count("status") == 2 and "ends_on" in fields and "starts_on" in fields


def test_a_reservation_is_re_allocated_or_cancelled_not_moved(camp):
    a = spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], D(2027, 1, 1),
                      status="reserved")
    with pytest.raises(UserError, match="재배정"):
        spaces.move(camp.ctx, a, camp.office2, D(2027, 2, 1))
    with pytest.raises(UserError, match="배정 취소"):
        spaces.move_out(camp.ctx, a, D(2027, 2, 1))
    spaces.reallocate(camp.ctx, a, camp.office2)
    (row,) = spaces.list_assignments(camp.ctx, company_id=camp.co["빛고을AI"])
    assert (row.space_id, row.status, row.starts_on) == (camp.office2, "reserved", D(2027, 1, 1))
    spaces.cancel(camp.ctx, a)
    assert spaces.list_assignments(camp.ctx) == []


def test_a_space_in_use_cannot_be_removed_and_a_removed_room_takes_its_desks(camp):
    spaces.assign(camp.ctx, camp.desks[0], camp.co["빛고을AI"], D(2026, 1, 1), D(2026, 6, 30))
    spaces.assign(camp.ctx, camp.office, camp.co["무등랩스"], D(2027, 1, 1), status="reserved")
    with pytest.raises(UserError, match="예약된 공간"):
        spaces.archive_space(camp.ctx, camp.office, today=D(2026, 11, 25))
    spaces.archive_space(camp.ctx, camp.room, today=D(2026, 11, 25))  # its tenant left in June
    names = {v.name for v in spaces.list_spaces(camp.ctx, 3)}
    assert names == {"301호", "303 회의실"}
    (history,) = spaces.list_assignments(camp.ctx, company_id=camp.co["빛고을AI"])
    assert history.space_label == "3F 302-D1"
