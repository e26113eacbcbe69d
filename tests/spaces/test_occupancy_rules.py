"""The pure occupancy rules, on hand-made cases."""
from datetime import date

import pytest

from campdesk.domain import occupancy as occ
from campdesk.domain.occupancy import Need, Stay

D = date


@pytest.mark.parametrize("a,b,expected", [
    ((D(2026, 1, 1), D(2026, 1, 31)), (D(2026, 1, 31), D(2026, 2, 5)), True),   # one shared day
    ((D(2026, 1, 1), D(2026, 1, 31)), (D(2026, 2, 1), None), False),           # back to back
    ((D(2026, 1, 1), None), (D(2030, 1, 1), D(2030, 1, 2)), True),             # open end
    ((D(2026, 3, 1), D(2026, 3, 2)), (D(2025, 1, 1), None), True),
    ((D(2026, 3, 5), D(2026, 3, 9)), (D(2026, 3, 1), D(2026, 3, 4)), False),
])
def test_overlap_of_inclusive_ranges(a, b, expected):
    assert occ.overlaps(*a, *b) is expected
    assert occ.overlaps(*b, *a) is expected


def test_a_months_share_counts_part_months():
    def month_share(starts_on, ends_on, year, month):
        return occ.share_between(starts_on, ends_on, *occ.month_bounds(year, month))
    assert month_share(D(2026, 11, 16), None, 2026, 11) == 0.5
    assert month_share(D(2026, 1, 1), D(2026, 2, 14), 2026, 2) == 0.5
    assert month_share(D(2026, 1, 1), D(2026, 1, 31), 2026, 2) == 0.0
    assert month_share(D(2024, 2, 1), D(2024, 2, 29), 2024, 2) == 1.0


def test_last_months_cross_the_year():
    months = occ.last_months(D(2026, 2, 10), 3)
    assert months == [(2025, 12), (2026, 1), (2026, 2)]


def test_ends_within_counts_today_and_the_last_day():
    today = D(2026, 11, 25)
    assert occ.ends_within(D(2026, 11, 25), today, 30)
    assert occ.ends_within(D(2026, 12, 25), today, 30)
    assert not occ.ends_within(D(2026, 12, 26), today, 30)
    assert not occ.ends_within(None, today, 30)
    assert not occ.ends_within(D(2026, 11, 24), today, 30)


def _stay(company, start, end=None, status="confirmed", space="s1", id_=None):
    return Stay(space, company, start, end, status, id_ or company)


def test_state_of_a_space_on_a_day():
    stays = [_stay("빛고을AI", D(2026, 1, 1), D(2026, 12, 10)),
             _stay("무등랩스", D(2027, 1, 1), status="reserved")]
    assert occ.state_on(stays, D(2026, 6, 1))[0] == occ.OCCUPIED
    state, stay = occ.state_on(stays, D(2026, 11, 25))
    assert (state, stay.company) == (occ.ENDING, "빛고을AI")
    assert occ.state_on(stays, D(2026, 12, 20))[0] == occ.FREE
    assert occ.state_on(stays, D(2027, 2, 1))[0] == occ.RESERVED


def test_two_confirmed_on_one_day_is_a_conflict():
    stays = [_stay("A", D(2026, 1, 1)), _stay("B", D(2026, 6, 1))]
    assert occ.state_on(stays, D(2026, 3, 1))[0] == occ.OCCUPIED
    assert occ.state_on(stays, D(2026, 7, 1))[0] == occ.CONFLICT
    assert occ.state_on([_stay("C", D(2026, 1, 1), status="conflict")], D(2026, 2, 1))[0] \
        == occ.CONFLICT


def test_clash_names_the_other_stay_and_ignores_the_moved_one():
    stays = [_stay("A", D(2026, 1, 1), D(2026, 6, 30))]
    assert occ.find_clash(stays, D(2026, 6, 30), None).company == "A"
    assert occ.find_clash(stays, D(2026, 7, 1), None) is None
    assert occ.find_clash(stays, D(2026, 3, 1), None, ignore_ids=("A",)) is None


ROOM = ("room", None, "open_desk", 4, 40.0)
DESKS = [(f"d{i}", "room", "desk", 1, None) for i in range(4)]


def test_units_share_the_room_area_and_skip_meeting_rooms():
    units = occ.counted_units([ROOM, *DESKS, ("office", None, "office", 6, 30.0),
                               ("meet", None, "meeting", 10, 25.0)])
    assert sorted(u.space_id for u in units) == ["d0", "d1", "d2", "d3", "office"]
    assert {u.area_m2 for u in units if u.space_id.startswith("d")} == {10.0}
    assert sum(u.desks for u in units) == 10


def test_figures_on_a_day_and_for_a_part_month():
    units = occ.counted_units([ROOM, *DESKS, ("office", None, "office", 6, 30.0)])
    stays = [_stay("A", D(2026, 11, 16), space="office"),          # half of November
             _stay("B", D(2026, 1, 1), D(2026, 11, 10), space="d0"),  # 10 of 30 days
             _stay("C", D(2026, 11, 21), D(2026, 11, 30), space="d0"),  # the next tenant, 10
             _stay("R", D(2026, 11, 1), space="d1", status="reserved")]  # not occupied
    day = occ.figures_on(units, stays, D(2026, 11, 20))
    assert (day.desks, day.area_m2) == (6, 30.0)
    assert (day.desks_total, day.area_total) == (10, 70.0)
    month = occ.figures_for_month(units, stays, 2026, 11)
    assert month.desks == pytest.approx(3 + 20 / 30, abs=0.01)
    assert month.area_m2 == pytest.approx(15 + 10 * 20 / 30, abs=0.01)


def test_a_room_let_whole_counts_all_its_desks():
    units = occ.counted_units([ROOM, *DESKS])
    figures = occ.figures_on(units, [_stay("A", D(2026, 1, 1), space="room")], D(2026, 5, 1))
    assert (figures.desks, figures.area_m2, figures.desk_rate) == (4, 40.0, 1.0)


@pytest.mark.parametrize("need,space,expected", [
    (Need(None, 4, None), ("open_desk", 6, 50.0), True),
    (Need(None, 8, None), ("open_desk", 6, 50.0), False),
    (Need("office", None, 30.0), ("unit", 4, 33.0), True),
    (Need("office", None, 30.0), ("office", 4, 20.0), False),
    (Need("desk", 1, None), ("office", 4, 20.0), False),
    (Need(None, None, None), ("meeting", 10, 40.0), False),
])
def test_fit_of_a_request(need, space, expected):
    assert occ.fits(need, *space) is expected


def test_double_bookings_pair_overlapping_occupants_only():
    stays = [_stay("A", D(2026, 1, 1), D(2026, 6, 30), id_="a"),
             _stay("B", D(2026, 7, 1), id_="b"),                       # back to back: fine
             _stay("C", D(2026, 9, 1), D(2026, 9, 30), id_="c"),        # inside B's open end
             _stay("R", D(2026, 3, 1), status="reserved", id_="r"),     # not occupying
             _stay("X", D(2026, 3, 1), space="s2", id_="x")]            # another space
    assert [(a.id, b.id) for a, b in occ.double_bookings(stays)] == [("b", "c")]


def test_several_desks_of_one_room_fit_a_team():
    free = [("d1", 1, 4.0), ("d2", 1, 4.0), ("d3", 1, 4.0)]
    assert occ.desks_together(Need("desk", 2, None), free) == ["d1", "d2"]
    assert occ.desks_together(Need("open_desk", 3, 12.0), free) == ["d1", "d2", "d3"]
    assert occ.desks_together(Need(None, 4, None), free) == []
    assert occ.desks_together(Need("office", 2, None), free) == []
    assert occ.fits(Need("open_desk", 1, None), "desk", 1, None)
