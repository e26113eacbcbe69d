"""Who occupies what, when: pure rules over inclusive date ranges with open ends.

An assignment covers ``starts_on`` … ``ends_on`` inclusive; ``ends_on = None`` is open-ended.
Dates govern occupancy: ``confirmed``, ``ended`` (move-out recorded) and ``conflict``
assignments occupy their space during their dates; ``reserved`` ones hold it without
occupying it yet.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

OCCUPYING = ("confirmed", "ended", "conflict")
BLOCKING = ("reserved", "confirmed", "ended", "conflict")  # a new assignment may not overlap
NOT_COUNTED_KINDS = ("meeting",)  # shared rooms: never assigned, not in the figures

# Floor-plan states of a space on a day, in order of precedence.
FREE, RESERVED, OCCUPIED, ENDING, CONFLICT = "free", "reserved", "occupied", "ending", "conflict"
STATES = (FREE, OCCUPIED, RESERVED, ENDING, CONFLICT)
ENDING_DAYS = 30


@dataclass(frozen=True)
class Stay:
    """One assignment as the rules see it."""

    space_id: str
    company: str
    starts_on: date
    ends_on: date | None
    status: str
    id: str = ""

    def covers(self, day: date) -> bool:
        return covers(self.starts_on, self.ends_on, day)


def covers(starts_on: date, ends_on: date | None, day: date) -> bool:
    return starts_on <= day and (ends_on is None or day <= ends_on)


def overlaps(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    """Two inclusive ranges share at least one day (``None`` = no end)."""
    return (a_end is None or b_start <= a_end) and (b_end is None or a_start <= b_end)


def days_within(starts_on: date, ends_on: date | None, first: date, last: date) -> int:
    """How many days of ``first`` … ``last`` the range covers."""
    lo = max(starts_on, first)
    hi = last if ends_on is None else min(ends_on, last)
    return max(0, (hi - lo).days + 1)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def share_between(starts_on: date, ends_on: date | None, first: date, last: date) -> float:
    """The fraction of the days ``first`` … ``last`` the range covers: 16–30 Nov of
    November → 0.5."""
    return days_within(starts_on, ends_on, first, last) / ((last - first).days + 1)


def last_months(today: date, count: int = 12) -> list[tuple[int, int]]:
    """The ``count`` months ending with today's, oldest first."""
    y, m = today.year, today.month
    out = []
    for _ in range(count):
        out.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


def ends_within(ends_on: date | None, today: date, days: int) -> bool:
    """The range ends (its last day falls) between today and ``days`` days from now."""
    return ends_on is not None and today <= ends_on <= today + timedelta(days=days)


def find_clash(stays: Iterable[Stay], starts_on: date, ends_on: date | None,
               ignore_ids: tuple[str, ...] = ()) -> Stay | None:
    """The first live assignment (of the space, its room or its desks) that shares a day
    with the given range."""
    for s in sorted(stays, key=lambda s: s.starts_on):
        if (s.status in BLOCKING and s.id not in ignore_ids
                and overlaps(s.starts_on, s.ends_on, starts_on, ends_on)):
            return s
    return None


def double_bookings(stays: Iterable[Stay]) -> list[tuple[Stay, Stay]]:
    """Pairs of occupying stays of one space that share days (what an offline double booking
    leaves after sync), plus every stay already marked ``conflict`` paired with its rival."""
    by_space: dict[str, list[Stay]] = {}
    for st in stays:
        if st.status in OCCUPYING:
            by_space.setdefault(st.space_id, []).append(st)
    pairs = []
    for group in by_space.values():
        group.sort(key=lambda st: (st.starts_on, st.id))
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.ends_on is not None and b.starts_on > a.ends_on:
                    break
                pairs.append((a, b))
    return pairs


def state_on(stays: list[Stay], day: date, ending_days: int = ENDING_DAYS
             ) -> tuple[str, Stay | None]:
    """The floor-plan state of one space on a day, and the stay that explains it."""
    live = [s for s in stays if s.covers(day) and s.status in BLOCKING]
    occupying = [s for s in live if s.status in OCCUPYING]
    clash = next((s for s in occupying if s.status == "conflict"), None)
    if clash or len(occupying) > 1:
        return CONFLICT, clash or occupying[0]
    if occupying:
        stay = occupying[0]
        return (ENDING if ends_within(stay.ends_on, day, ending_days) else OCCUPIED), stay
    if live:
        return RESERVED, live[0]
    return FREE, None


@dataclass(frozen=True)
class Unit:
    """A countable place (a desk, an office unit, a room without desks inside)."""

    space_id: str
    desks: int
    area_m2: float
    holder_ids: tuple[str, ...]  # its own id, and its room's when the whole room is let


def counted_units(spaces: Iterable[tuple[str, str | None, str, int | None, float | None]]
                  ) -> list[Unit]:
    """Leaves of the inventory, given (id, parent_id, kind, capacity, area_m2) rows.

    A desk without its own area gets an equal share of its room's area; a room with desks
    inside counts through its desks, so nothing is counted twice.
    """
    rows = [r for r in spaces if r[2] not in NOT_COUNTED_KINDS]
    by_id = {r[0]: r for r in rows}
    children: dict[str, list] = {}
    for r in rows:
        if r[1] in by_id:
            children.setdefault(r[1], []).append(r)
    units = []
    for sid, parent, _kind, capacity, area in rows:
        if sid in children:
            continue
        if area is None and parent in by_id:
            siblings = children[parent]
            area = (by_id[parent][4] or 0.0) / max(1, sum(1 for s in siblings if s[4] is None))
        holders = (sid, parent) if parent in by_id else (sid,)
        units.append(Unit(sid, capacity if capacity is not None else 1, area or 0.0, holders))
    return units


@dataclass(frozen=True)
class Figures:
    desks: float
    desks_total: int
    area_m2: float
    area_total: float

    @property
    def desk_rate(self) -> float:
        return self.desks / self.desks_total if self.desks_total else 0.0

    @property
    def area_rate(self) -> float:
        return self.area_m2 / self.area_total if self.area_total else 0.0


def _share(unit: Unit, stays_by_space: dict[str, list[Stay]], weigh) -> float:
    """How much of the period the unit (or its whole room) was let: 0 … 1.

    Successive tenants within a month add up; overlapping ones never count beyond 1.
    """
    total = sum(weigh(s) for holder in unit.holder_ids
                for s in stays_by_space.get(holder, ()) if s.status in OCCUPYING)
    return min(1.0, total)


def _figures(units: list[Unit], stays: Iterable[Stay], weigh) -> Figures:
    by_space: dict[str, list[Stay]] = {}
    for s in stays:
        by_space.setdefault(s.space_id, []).append(s)
    desks = area = 0.0
    for u in units:
        share = _share(u, by_space, weigh)
        desks += u.desks * share
        area += u.area_m2 * share
    return Figures(round(desks, 2), sum(u.desks for u in units), round(area, 2),
                   round(sum(u.area_m2 for u in units), 2))


def figures_on(units: list[Unit], stays: Iterable[Stay], day: date) -> Figures:
    """Desks and area occupied on one day."""
    return _figures(units, stays, lambda s: 1.0 if s.covers(day) else 0.0)


def figures_between(units: list[Unit], stays: Iterable[Stay], first: date, last: date
                    ) -> Figures:
    """Average desks and area occupied over the days ``first`` … ``last`` (inclusive): a desk
    let for half of them counts ½."""
    return _figures(units, stays, lambda s: share_between(s.starts_on, s.ends_on, first, last))


def figures_for_month(units: list[Unit], stays: Iterable[Stay], year: int, month: int
                      ) -> Figures:
    """Average desks and area occupied over a month: a desk let for half of it counts ½."""
    return figures_between(units, stays, *month_bounds(year, month))


@dataclass(frozen=True)
class Need:
    """What a company on the waiting list asks for (None = no preference)."""

    kind: str | None
    desks: int | None
    area_m2: float | None


# Kinds that stand in for each other on the waiting list.
ALIKE = ({"office", "unit"}, {"open_desk", "desk"})


def _kind_ok(wanted: str | None, kind: str) -> bool:
    return not wanted or wanted == kind or any({wanted, kind} <= group for group in ALIKE)


def fits(need: Need, kind: str, capacity: int | None, area_m2: float | None) -> bool:
    """A free space fits a request when it is of the wanted kind (offices and office units
    stand in for each other, as do desks and open-desk areas) and at least as large in desks
    and in area."""
    if kind in NOT_COUNTED_KINDS or not _kind_ok(need.kind, kind):
        return False
    if need.desks and (capacity or 1) < need.desks:
        return False
    if need.area_m2 and (area_m2 or 0.0) < need.area_m2:
        return False
    return True


def desks_together(need: Need, free_desks: list[tuple[str, int, float]]) -> list[str]:
    """Desks of one room that together fit a request for several desks: the first ones
    that add up to the desks (and area) wanted, or [] when the room has too few."""
    if not _kind_ok(need.kind, "desk") or (need.desks or 1) <= 1:
        return []
    chosen, desks, area = [], 0, 0.0
    for space_id, capacity, area_m2 in free_desks:
        chosen.append(space_id)
        desks, area = desks + (capacity or 1), area + (area_m2 or 0.0)
        if desks >= need.desks and area >= (need.area_m2 or 0.0):
            return chosen
    return []
