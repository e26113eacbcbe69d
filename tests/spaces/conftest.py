"""A small hand-made camp: two floors, an office, an open-desk room with four desks."""
from dataclasses import dataclass
from datetime import date

import pytest

from campdesk.services import companies, spaces

TODAY = date(2026, 11, 25)


@dataclass
class Camp:
    ctx: object
    office: str      # 3F 301호, 6 desks, 30 m²
    room: str        # 3F 302 open desks, 40 m², four desks D1..D4 inside
    desks: list
    meeting: str     # 3F 303 meeting room
    office2: str     # 2F 201호, 4 desks, 20 m²
    co: dict         # company name → id


@pytest.fixture
def camp(staffed_ctx) -> Camp:
    ctx = staffed_ctx
    make = spaces.create_space
    office = make(ctx, {"floor": 3, "name": "301호", "kind": "office", "capacity": 6,
                        "area_m2": 30})
    room = make(ctx, {"floor": 3, "name": "302 오픈데스크", "kind": "open_desk", "capacity": 4,
                      "area_m2": 40})
    desks = [make(ctx, {"floor": 3, "name": f"302-D{i}", "kind": "desk", "capacity": 1},
                  parent_id=room) for i in range(1, 5)]
    meeting = make(ctx, {"floor": 3, "name": "303 회의실", "kind": "meeting", "capacity": 10,
                         "area_m2": 25})
    office2 = make(ctx, {"floor": 2, "name": "201호", "kind": "office", "capacity": 4,
                         "area_m2": 20})
    co = {name: companies.create_company(ctx, {"name": name, "relationship": "tenant"})
          for name in ("빛고을AI", "무등랩스", "충장로보틱스", "양림데이터")}
    return Camp(ctx, office, room, desks, meeting, office2, co)


@pytest.fixture
def app(qtbot, camp):
    """The Spaces page's shared objects, in Korean as the camp's staff use them."""
    from campdesk.ui.core import i18n
    from campdesk.ui.core.appservices import AppServices

    i18n.set_language("ko")
    services = AppServices(camp.ctx)
    yield services
    services.shutdown()
    i18n.set_language("ko")


def settle(qtbot, app) -> None:
    """Wait until the page's background reads are done."""
    qtbot.waitUntil(lambda: not app.ops.busy, timeout=5000)


@pytest.fixture
def floor_plan(qtbot, app):
    """``floor_plan(floor, size)``: the Spaces page shown, its plan on ``floor``."""
    def open_floor(floor: int = 3, size: tuple[int, int] = (1366, 768)):
        from campdesk.ui.spaces.page import SpacesPage

        page = SpacesPage(app)
        qtbot.addWidget(page)
        page.resize(*size)
        page.show()
        page.activate()
        settle(qtbot, app)
        plan = page.plan
        plan.floor_box.setCurrentIndex(plan.floor_box.findData(floor))
        plan.refresh()
        settle(qtbot, app)
        return plan
    return open_floor
