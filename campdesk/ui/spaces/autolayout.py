"""Where to draw spaces nobody has placed yet: rooms in a row below the placed ones, desks
in a grid inside their room. Pure arithmetic on metres; staff then drag them into place."""
from __future__ import annotations

import math

from campdesk.services.spaces import PlanSpace

Rect = tuple[float, float, float, float]
GAP = 1.0
DESK = (2.0, 1.5)


def _room_size(p: PlanSpace, desks: int) -> tuple[float, float]:
    if desks:
        cols = min(desks, 6)
        rows = math.ceil(desks / cols)
        return cols * (DESK[0] + 0.5) + 0.5, rows * (DESK[1] + 0.5) + 1.5
    side = max(3.0, math.sqrt(p.space.area_m2 or 16.0))
    return side, side


def layout(plan: list[PlanSpace]) -> dict[str, Rect]:
    """Every space's rectangle in metres: its saved one, or a proposed one."""
    rects: dict[str, Rect] = {p.space.id: p.space.plan for p in plan if p.space.plan}
    children: dict[str, list[PlanSpace]] = {}
    for p in plan:
        if p.space.parent_id:
            children.setdefault(p.space.parent_id, []).append(p)
    bottom = max((y + h for x, y, w, h in rects.values()), default=-GAP) + GAP * 2
    x = 0.0
    for p in plan:
        if p.space.parent_id or p.space.id in rects:
            continue
        w, h = _room_size(p, len(children.get(p.space.id, [])))
        rects[p.space.id] = (x, bottom, w, h)
        x += w + GAP
    for room_id, desks in children.items():
        rx, ry, rw, _rh = rects.get(room_id, (x, bottom, 10.0, 10.0))
        cols = max(1, int((rw - 0.5) // (DESK[0] + 0.5)))
        unplaced = [d for d in desks if d.space.id not in rects]
        for i, d in enumerate(sorted(unplaced, key=lambda d: d.space.name)):
            row, col = divmod(i, cols)
            rects[d.space.id] = (rx + 0.5 + col * (DESK[0] + 0.5), ry + 1.0 + row * (DESK[1] + 0.5),
                                 *DESK)
    return rects
