"""Occupancy for the reports, per floor: the same figures as the 입주공간 › 점유 현황 tab.

There is one definition of occupancy, ``campdesk.domain.occupancy``, over the inventory and
assignments the spaces service reads (``campdesk.services.spaces.figures``): the countable
places are the leaves of the inventory (offices by their capacity, open-desk rooms through
their desks, never both; meeting rooms and archived spaces left out), and an assignment
occupies its place (or, for a whole room, its desks) during its dates unless it is only
reserved. This module only splits those figures by floor and adds who holds the places.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from campdesk.domain import occupancy as occ
from campdesk.services.reporting.views import FloorOccupancy, Occupancy
from campdesk.services.spaces.figures import Snapshot, read_snapshot


def occupancy(s: Session, day: date) -> Occupancy:
    """Desks and area occupied on ``day``, per floor."""
    return occupancy_of(read_snapshot(s), day)


def occupancy_of(snap: Snapshot, day: date) -> Occupancy:
    return _split(snap, day, lambda units, stays: occ.figures_on(units, stays, day))


def average_of(snap: Snapshot, first: date, last: date) -> Occupancy:
    """Desks and area occupied on average over ``first`` … ``last`` (a month, or the days of
    a running month so far), per floor; the companies are those holding a place on ``last``."""
    return _split(snap, last, lambda units, stays: occ.figures_between(units, stays, first, last))


def _split(snap: Snapshot, day: date, figures) -> Occupancy:
    floor_of = {v.id: v.floor for v in snap.spaces}
    units, stays = snap.units(), snap.stays
    rows, everyone = [], set()
    for floor in sorted({floor_of[u.space_id] for u in units}):
        here = [u for u in units if floor_of[u.space_id] == floor]
        f = figures(here, stays)
        holders = {h for u in here for h in u.holder_ids}
        held = {a.company_id for a in snap.assignments
                if a.space_id in holders and a.status in occ.OCCUPYING
                and occ.covers(a.starts_on, a.ends_on, day)}
        everyone |= held
        rows.append(FloorOccupancy(floor, f.desks_total, _whole(f.desks), f.area_total,
                                   f.area_m2, len(held)))
    return Occupancy(day, rows, len(everyone))


def _whole(value: float) -> float | int:
    """Desks on one day are whole; an average keeps its fraction."""
    return int(round(value)) if abs(value - round(value)) < 1e-9 else round(value, 2)
