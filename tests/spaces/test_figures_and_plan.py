"""Occupancy figures, endings, free spaces, the waiting list and the plan of a day."""
from datetime import date

import pytest

from campdesk.services import spaces
from campdesk.services.errors import UserError

D = date
TODAY = D(2026, 11, 25)


def _let(camp):
    a = spaces.assign
    a(camp.ctx, camp.office, camp.co["빛고을AI"], D(2026, 11, 16), D(2026, 12, 10))  # ends soon
    a(camp.ctx, camp.desks[0], camp.co["무등랩스"], D(2026, 1, 1))
    a(camp.ctx, camp.desks[1], camp.co["충장로보틱스"], D(2026, 1, 1), D(2027, 1, 20))
    a(camp.ctx, camp.office2, camp.co["양림데이터"], D(2027, 1, 1), status="reserved")


def test_occupancy_on_a_day_and_in_a_part_month(camp):
    _let(camp)
    day = spaces.occupancy_on(camp.ctx, TODAY)
    # 6 office desks + 2 single desks out of 6 + 4 + 4; 30 m² + 2 × 10 m² out of 90 m²
    assert (day.desks, day.desks_total) == (8, 14)
    assert (day.area_m2, day.area_total) == (50, 90)
    november = spaces.occupancy_month(camp.ctx, 2026, 11)
    assert november.desks == pytest.approx(3 + 2)      # the office for half of November
    assert november.area_m2 == pytest.approx(15 + 20)
    series = spaces.occupancy_series(camp.ctx, TODAY)
    assert [m.label for m in series][-2:] == ["2026-10", "2026-11"]
    assert [m.figures.desks for m in series][:2] == [0, 2]  # Dec 2025 empty, Jan 2026 two desks


def test_contracts_ending_in_30_and_60_days(camp):
    _let(camp)
    assert [a.company for a in spaces.ending_within(camp.ctx, TODAY, 30)] == ["빛고을AI"]
    assert [a.company for a in spaces.ending_within(camp.ctx, TODAY, 60)] == \
        ["빛고을AI", "충장로보틱스"]


def test_free_spaces_and_who_is_waiting_for_them(camp):
    _let(camp)
    free = spaces.free_spaces(camp.ctx, TODAY)
    names = [f.space.name for f in free]
    assert names == ["201호", "302-D3", "302-D4"]  # no meeting room, no room with desks
    assert free[0].free_until == D(2026, 12, 31)
    desk_seeker = spaces.add_request(camp.ctx, camp.co["충장로보틱스"], "desk", 1)
    spaces.add_request(camp.ctx, camp.co["무등랩스"], "office", 10)  # nothing that big
    found = spaces.matches(camp.ctx, TODAY)
    assert [(m.request.id, [f.space.name for f in m.spaces]) for m in found] == \
        [(desk_seeker, ["302-D3", "302-D4"])]
    # A team of two fits the two free desks of the open-desk room together.
    team = spaces.add_request(camp.ctx, camp.co["양림데이터"], "desk", 2)
    found = {m.request.id: [f.space.name for f in m.spaces]
             for m in spaces.matches(camp.ctx, TODAY)}
    assert found[team] == ["302-D3", "302-D4"]
    # When the office frees up on 11 December, the big request still does not fit it.
    assert spaces.matches(camp.ctx, D(2026, 12, 11), {camp.office}) == []


def test_plan_of_a_day_shows_states_and_tenants(camp):
    _let(camp)
    plan = {p.space.name: p for p in spaces.floor_plan(camp.ctx, 3, TODAY)}
    assert (plan["301호"].state, plan["301호"].tenant) == ("ending", "빛고을AI")
    assert (plan["302-D1"].state, plan["302-D1"].tenant) == ("occupied", "무등랩스")
    assert plan["302-D3"].state == "free"
    assert plan["302 오픈데스크"].has_children
    assert spaces.floor_plan(camp.ctx, 2, TODAY)[0].state == "free"
    assert spaces.floor_plan(camp.ctx, 2, D(2027, 1, 5))[0].state == "reserved"
    past = {p.space.name: p.state for p in spaces.floor_plan(camp.ctx, 3, D(2025, 12, 1))}
    assert set(past.values()) == {"free"}


def test_a_double_booking_from_sync_shows_as_conflict(camp):
    from campdesk.store.models import SpaceAssignment

    _let(camp)
    with camp.ctx.db.transaction() as s:  # what a merge of two offline PCs can leave behind
        s.add(SpaceAssignment(space_id=camp.desks[0], company_id=camp.co["양림데이터"],
                              starts_on=D(2026, 6, 1), status="confirmed"))
    p = next(p for p in spaces.floor_plan(camp.ctx, 3, TODAY) if p.space.name == "302-D1")
    assert p.state == "conflict"
    assert {p.tenant, p.second_tenant} == {"무등랩스", "양림데이터"}


def test_layout_edits_survive_a_restart(camp):
    from campdesk.services.context import open_context

    spaces.save_layout(camp.ctx, {camp.office: (1.23, 2.0, 6.5, 4.0)})
    home = camp.ctx.paths.home
    camp.ctx.close()
    reopened = open_context(home)
    try:
        assert spaces.get_space(reopened, camp.office).plan == (1.25, 2.0, 6.5, 4.0)
    finally:
        reopened.close()


def test_double_bookings_are_listed_and_re_allocation_resolves_them(camp):
    from campdesk.store.models import SpaceAssignment

    keep = spaces.assign(camp.ctx, camp.desks[0], camp.co["무등랩스"], D(2026, 1, 1))
    spaces.assign(camp.ctx, camp.desks[1], camp.co["빛고을AI"], D(2026, 1, 1))
    with camp.ctx.db.transaction() as s:  # the same desk, booked on another PC offline
        s.add(SpaceAssignment(id="offline", space_id=camp.desks[0], company_id=camp.co["양림데이터"],
                              starts_on=D(2026, 6, 1), status="conflict"))
    assert {a.id for a in spaces.double_booked(camp.ctx)} == {keep, "offline"}
    with pytest.raises(UserError, match="빛고을AI"):  # not onto another occupied desk
        spaces.reallocate(camp.ctx, "offline", camp.desks[1])
    spaces.reallocate(camp.ctx, "offline", camp.desks[2])
    assert spaces.double_booked(camp.ctx) == []
    p = next(p for p in spaces.floor_plan(camp.ctx, 3, TODAY) if p.space.id == camp.desks[2])
    assert (p.state, p.tenant, p.starts_on) == ("occupied", "양림데이터", D(2026, 6, 1))
