"""Who occupies which space on a day: desks and area taken, per floor.

A space is a row in ``spaces``; desks are spaces of kind ``desk`` with ``parent_id`` pointing
to their room. A desk is taken when it, or its whole room, has an occupying assignment
(confirmed, or ended after the day) covering the day. Area counts the outermost spaces with a
known area, meeting rooms excluded; a room let desk by desk counts the share of its desks taken.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from campdesk.services.reporting.lines import OCCUPYING
from campdesk.services.reporting.views import FloorOccupancy, Occupancy
from campdesk.store.models import Space, SpaceAssignment

SHARED_KINDS = ("meeting",)


def occupied_on(s: Session, day: date) -> dict[str, set[str]]:
    """space id → companies holding it on ``day``."""
    a = SpaceAssignment
    stmt = select(a.space_id, a.company_id).where(
        a.status.in_(OCCUPYING), a.archived.is_(False), a.starts_on <= day,
        or_(a.ends_on.is_(None), a.ends_on >= day))
    held: dict[str, set[str]] = defaultdict(set)
    for space_id, company_id in s.execute(stmt):
        held[space_id].add(company_id)
    return held


def occupancy(s: Session, day: date) -> Occupancy:
    spaces = {r.id: r for r in s.execute(select(
        Space.id, Space.floor, Space.kind, Space.parent_id, Space.area_m2)
        .where(Space.archived.is_(False)))}
    held = occupied_on(s, day)
    children: dict[str, list] = defaultdict(list)
    for sp in spaces.values():
        if sp.parent_id:
            children[sp.parent_id].append(sp)

    def taken(sp) -> bool:
        return sp.id in held or (sp.parent_id is not None and sp.parent_id in held)

    floors: dict[int, dict] = defaultdict(lambda: {"desks": 0, "taken": 0, "area": 0.0,
                                                   "area_taken": 0.0, "companies": set()})
    for sp in spaces.values():
        f = floors[sp.floor]
        f["companies"] |= held.get(sp.id, set())
        if sp.kind == "desk":
            f["desks"] += 1
            f["taken"] += taken(sp)
        parent = spaces.get(sp.parent_id) if sp.parent_id else None
        if sp.kind in SHARED_KINDS or not sp.area_m2 or (parent and parent.area_m2):
            continue
        f["area"] += sp.area_m2
        f["area_taken"] += sp.area_m2 * _share_taken(sp, children[sp.id], taken)
    rows = [FloorOccupancy(floor, v["desks"], v["taken"], round(v["area"], 1),
                           round(v["area_taken"], 1), len(v["companies"]))
            for floor, v in sorted(floors.items())]
    companies = set().union(*held.values()) if held else set()
    return Occupancy(day, rows, len(companies))


def _share_taken(space, children, taken) -> float:
    if taken(space):
        return 1.0
    desks = [c for c in children if c.kind == "desk"] or children
    if not desks:
        return 0.0
    return sum(1 for c in desks if taken(c)) / len(desks)
