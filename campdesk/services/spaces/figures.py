"""Occupancy as figures: desks and area on a day, per month, a 12-month series, contracts
ending soon, and the spaces free on a day."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from campdesk.domain import occupancy as occ
from campdesk.services.context import Context
from campdesk.services.spaces.assignments import AssignmentView, load_assignments
from campdesk.services.spaces.inventory import SpaceView, active_spaces, view_of


@dataclass
class Snapshot:
    """Everything the figures need, read in one go: the inventory and every assignment."""

    spaces: list[SpaceView]
    assignments: list[AssignmentView]

    @property
    def stays(self) -> list[occ.Stay]:
        return [a.stay() for a in self.assignments]

    def units(self) -> list[occ.Unit]:
        return occ.counted_units((v.id, v.parent_id, v.kind, v.capacity, v.area_m2)
                                 for v in self.spaces)


def read_snapshot(s: Session, floor: int | None = None) -> Snapshot:
    spaces = [view_of(sp) for sp in active_spaces(s, floor)]
    ids = {v.id for v in spaces}
    return Snapshot(spaces, [a for a in load_assignments(s, floor) if a.space_id in ids])


def snapshot(ctx: Context, floor: int | None = None) -> Snapshot:
    with ctx.db.reading() as s:
        return read_snapshot(s, floor)


@dataclass(frozen=True)
class MonthFigures:
    year: int
    month: int
    figures: occ.Figures

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass
class Overview:
    """The occupancy tab in one read: the day, its month, 12 months, endings in 30/60 days."""

    day: date
    on_day: occ.Figures
    month: occ.Figures
    series: list[MonthFigures]
    ending_30: list[AssignmentView]
    ending_60: list[AssignmentView]  # the ones ending in 31 … 60 days


def overview_of(snap: Snapshot, day: date, months: int = 12) -> Overview:
    units, stays = snap.units(), snap.stays
    series = [MonthFigures(y, m, occ.figures_for_month(units, stays, y, m))
              for y, m in occ.last_months(day, months)]
    ending = _ending(snap, day, 60)
    soon = [a for a in ending if occ.ends_within(a.ends_on, day, 30)]
    return Overview(day, occ.figures_on(units, stays, day), series[-1].figures, series, soon,
                    [a for a in ending if a not in soon])


def overview(ctx: Context, day: date) -> Overview:
    return overview_of(snapshot(ctx), day)


def occupancy_on(ctx: Context, day: date) -> occ.Figures:
    snap = snapshot(ctx)
    return occ.figures_on(snap.units(), snap.stays, day)


def occupancy_month(ctx: Context, year: int, month: int) -> occ.Figures:
    snap = snapshot(ctx)
    return occ.figures_for_month(snap.units(), snap.stays, year, month)


def occupancy_series(ctx: Context, today: date, months: int = 12) -> list[MonthFigures]:
    """Average occupancy of each of the last ``months`` months, oldest first."""
    return overview_of(snapshot(ctx), today, months).series


def _ending(snap: Snapshot, today: date, days: int) -> list[AssignmentView]:
    rows = [a for a in snap.assignments
            if a.status in occ.OCCUPYING and occ.ends_within(a.ends_on, today, days)]
    return sorted(rows, key=lambda a: (a.ends_on, a.space_label))


def ending_within(ctx: Context, today: date, days: int) -> list[AssignmentView]:
    """Occupying contracts whose last day falls in the next ``days`` days, soonest first."""
    return _ending(snapshot(ctx), today, days)


@dataclass(frozen=True)
class FreeSpace:
    space: SpaceView
    room: str | None       # the room a free desk sits in
    free_until: date | None  # the day before the next reservation; None = free for good


def free_on(snap: Snapshot, day: date) -> list[FreeSpace]:
    """Every countable place (desk, office unit, room without desks) free on the day."""
    by_id = {v.id: v for v in snap.spaces}
    by_space: dict[str, list[occ.Stay]] = {}
    for stay in snap.stays:
        by_space.setdefault(stay.space_id, []).append(stay)
    free = []
    for unit in snap.units():
        stays = [st for h in unit.holder_ids for st in by_space.get(h, ())
                 if st.status in occ.BLOCKING]
        if any(st.covers(day) for st in stays):
            continue
        later = [st.starts_on for st in stays if st.starts_on > day]
        space = by_id[unit.space_id]
        room = by_id[space.parent_id].name if space.parent_id in by_id else None
        free.append(FreeSpace(space, room, min(later) - timedelta(days=1) if later else None))
    return sorted(free, key=lambda f: (f.space.floor, f.room or f.space.name, f.space.name))


def free_spaces(ctx: Context, day: date) -> list[FreeSpace]:
    return free_on(snapshot(ctx), day)
