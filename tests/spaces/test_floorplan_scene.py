"""The floor-plan scene: the right rectangles, colours and names for a day; drag to lay out."""
import sys
from datetime import date

import PySide6
import pytest
from PySide6.QtCore import QPointF, Qt

from campdesk.services import spaces
from campdesk.ui.spaces import colours
from campdesk.ui.spaces.items import PX_PER_M
from campdesk.ui.spaces.scene import FloorScene

D = date


def _scene(qtbot, camp, day):
    scene = FloorScene()
    scene.show_plan(spaces.floor_plan(camp.ctx, 3, day))
    return scene


def _let(camp):
    spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], D(2026, 1, 1), D(2026, 12, 10))
    spaces.assign(camp.ctx, camp.desks[0], camp.co["무등랩스"], D(2026, 3, 1))
    spaces.assign(camp.ctx, camp.desks[1], camp.co["양림데이터"], D(2026, 12, 1),
                  status="reserved")


def test_scene_items_and_colours_for_a_day(qtbot, camp):
    _let(camp)
    scene = _scene(qtbot, camp, D(2026, 12, 5))
    items = scene.items_by_id
    assert set(items) == {camp.office, camp.room, camp.meeting, *camp.desks}
    office, d1, d2, d3 = (items[i] for i in (camp.office, *camp.desks[:3]))
    assert office.brush().color() == colours.fill("ending")
    assert office.caption()[:2] == ["301호", "빛고을AI"] and "12" in office.caption()[2]
    assert d1.brush().color() == colours.fill("occupied") and d1.caption()[1] == "무등랩스"
    assert d2.brush().color() == colours.fill("reserved") and d2.caption()[1] == "양림데이터"
    assert d3.brush().color() == colours.fill("free")
    # Desks are drawn inside their room, and on top of it.
    room = items[camp.room]
    assert d1.parentItem() is room and d1.zValue() > room.zValue()
    assert room.sceneBoundingRect().contains(d1.sceneBoundingRect())


def test_another_day_shows_other_colours(qtbot, camp):
    _let(camp)
    scene = _scene(qtbot, camp, D(2026, 6, 1))
    assert scene.items_by_id[camp.office].brush().color() == colours.fill("occupied")
    scene = _scene(qtbot, camp, D(2027, 1, 1))
    assert scene.items_by_id[camp.office].brush().color() == colours.fill("free")
    assert scene.items_by_id[camp.desks[1]].brush().color() == colours.fill("reserved")


def _editable_view(qtbot, camp, layout):
    """The plan of 2026-06-01 in layout mode, shown in a real view to drag in."""
    from PySide6.QtWidgets import QGraphicsView

    spaces.save_layout(camp.ctx, layout)
    scene = _scene(qtbot, camp, D(2026, 6, 1))
    scene.set_editable(True)
    view = QGraphicsView(scene)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    return scene, view


def test_dragging_a_room_reports_its_new_place_and_its_desks(qtbot, camp):
    scene, view = _editable_view(qtbot, camp, {camp.room: (0, 0, 12, 6)})
    start = view.mapFromScene(QPointF(6 * PX_PER_M, 0.3 * PX_PER_M))  # the room's caption band
    end = view.mapFromScene(QPointF(8 * PX_PER_M, 1.3 * PX_PER_M))  # 2 m right, 1 m down
    with qtbot.waitSignal(scene.layout_edited) as blocker:
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view.viewport(), pos=start + (end - start) / 2)
        qtbot.mouseMove(view.viewport(), pos=end)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    rects = blocker.args[0]
    assert rects[camp.room] == (2.0, 1.0, 12.0, 6.0)
    assert set(rects) == {camp.room, *camp.desks}
    desk_x = rects[camp.desks[0]][0]
    assert 2.0 < desk_x < 14.0


def test_a_layout_saved_from_the_plan_is_there_after_a_restart(qtbot, camp):
    from campdesk.services.context import open_context
    from campdesk.ui.core.appservices import AppServices
    from campdesk.ui.spaces.view import FloorPlanPanel

    app = AppServices(camp.ctx)
    panel = FloorPlanPanel(app)
    qtbot.addWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.floor_box.count() == 2)
    panel.floor_box.setCurrentIndex(panel.floor_box.findData(3))
    panel.refresh()
    qtbot.waitUntil(lambda: camp.office in panel.scene.items_by_id)
    item = panel.scene.items_by_id[camp.office]
    item.setPos(QPointF(4.0 * PX_PER_M, 3.0 * PX_PER_M))  # as a drag leaves it
    with qtbot.waitSignal(panel.changed):
        panel.scene.item_edited(item)
    app.shutdown()
    home = camp.ctx.paths.home
    camp.ctx.close()
    reopened = open_context(home)
    try:
        plan = spaces.floor_plan(reopened, 3, D(2026, 6, 1))
        office = next(p for p in plan if p.space.id == camp.office)
        assert office.space.plan[:2] == (4.0, 3.0)
        scene = FloorScene()
        scene.show_plan(plan)
        assert scene.items_by_id[camp.office].rect_m()[:2] == (4.0, 3.0)
    finally:
        reopened.close()


def test_resizing_from_the_corner_reports_the_new_size(qtbot, camp):
    scene, view = _editable_view(qtbot, camp, {camp.office: (0, 0, 6, 6)})
    grip = view.mapFromScene(QPointF(6 * PX_PER_M - 3, 6 * PX_PER_M - 3))
    end = view.mapFromScene(QPointF(8 * PX_PER_M, 7 * PX_PER_M))
    with qtbot.waitSignal(scene.layout_edited) as blocker:
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=grip)
        qtbot.mouseMove(view.viewport(), pos=end)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert blocker.args[0][camp.office] == (0.0, 0.0, 8.0, 7.0)


KNOWN_NONE_LEAK = (PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12))


@pytest.mark.xfail(KNOWN_NONE_LEAK, strict=True, reason=(
    "PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void call; "
    "a busy floor plan repainted ~85 times then aborts the app (none_dealloc). "
    "Use PySide6 6.11.x (or Python 3.12+)."))
def test_repainting_the_plan_does_not_eat_references_to_none(qtbot, camp):
    from PySide6.QtGui import QImage, QPainter

    spaces.assign(camp.ctx, camp.office, camp.co["빛고을AI"], D(2026, 1, 1))
    scene = _scene(qtbot, camp, D(2026, 6, 1))
    image = QImage(800, 600, QImage.Format.Format_ARGB32)
    before = sys.getrefcount(None)
    for _ in range(3):  # each lost reference is gone for the rest of the session: few
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
    assert sys.getrefcount(None) - before > -50  # 3 repaints × 7 items × ~10 calls
