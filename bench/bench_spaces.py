"""Spaces: the floor-plan state of a day and the 12-month occupancy series, on the large set
(300 spaces with ten years of assignments). Both run off the UI thread; a date change on the
plan should still answer within a frame budget of 100 ms, the occupancy tab within 300 ms."""
from __future__ import annotations

from datetime import date

from common import Result, large_home, timed

from campdesk.services import spaces
from campdesk.services.context import open_context

DAY = date(2026, 11, 25)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _scene_build(plan) -> float:
    """Seconds to draw one floor's plan on the UI thread (the part that may freeze it)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from campdesk.ui.spaces.scene import FloorScene

    app = QApplication.instance() or QApplication([])
    scene = FloorScene(app)
    image = QImage(1200, 800, QImage.Format.Format_ARGB32)

    def build_and_paint():
        scene.show_plan(plan)
        painter = QPainter(image)
        scene.render(painter)
        painter.end()

    seconds, _ = timed(build_and_paint, repeat=5)
    return seconds


def run() -> list[Result]:
    ctx = open_context(large_home())
    try:
        floors = spaces.floors(ctx)
        counts = {f: len(spaces.floor_plan(ctx, f, DAY)) for f in floors}
        busiest = max(counts, key=counts.get)
        n_spaces = sum(counts.values())
        n_assignments = len(spaces.list_assignments(ctx))
        plan_s, plan = timed(spaces.floor_plan, ctx, busiest, DAY, repeat=7)
        scene_s = _scene_build(plan)
        all_s, _ = timed(lambda: [spaces.floor_plan(ctx, f, DAY) for f in floors], repeat=3)
        series_s, _ = timed(spaces.overview, ctx, DAY, repeat=5)
        free_s, _ = timed(spaces.free_spaces, ctx, DAY, repeat=5)
    finally:
        ctx.close()
    size = f"{n_spaces} spaces, {n_assignments} assignments"
    return [
        Result(f"floor plan of a day, busiest floor ({counts[busiest]} of {size})", _ms(plan_s),
               "≤ 100 ms", plan_s <= 0.1),
        Result("  drawing it (scene build + paint, UI thread)", _ms(scene_s), "≤ 100 ms",
               scene_s <= 0.1),
        Result(f"floor plan of a day, all {len(floors)} floors", _ms(all_s), "-", None),
        Result("occupancy overview: day, month, 12-month series, endings", _ms(series_s),
               "≤ 300 ms", series_s <= 0.3),
        Result("free spaces on a day (the newcomers' guide)", _ms(free_s), "≤ 100 ms",
               free_s <= 0.1),
    ]


if __name__ == "__main__":
    for r in run():
        print(f"{r.what:<70} {r.measured:>12}  {r.budget:<10} {r.verdict}")
