"""The floor plan of one floor on one day: every space with its state and tenant."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from campdesk.domain import occupancy as occ
from campdesk.services.context import Context
from campdesk.services.spaces.assignments import AssignmentView
from campdesk.services.spaces.figures import Snapshot, snapshot
from campdesk.services.spaces.inventory import SpaceView


@dataclass(frozen=True)
class PlanSpace:
    space: SpaceView
    state: str                 # occupancy.STATES
    tenant: str | None         # the company that explains the state
    tenant_id: str | None
    starts_on: date | None
    ends_on: date | None
    has_children: bool         # a room drawn around its desks
    second_tenant: str | None = None  # the other company of a double booking
    next_tenant: str | None = None    # a free space's upcoming booking: who, and from when
    next_starts_on: date | None = None

    @property
    def upcoming(self) -> bool:
        """Free on the day, but booked from a later day (drawn hatched, with the date)."""
        return self.state == occ.FREE and self.next_starts_on is not None


def plan_of(snap: Snapshot, day: date) -> list[PlanSpace]:
    by_space: dict[str, list[AssignmentView]] = {}
    for a in snap.assignments:
        by_space.setdefault(a.space_id, []).append(a)
    parents = {v.parent_id for v in snap.spaces if v.parent_id}
    out = []
    for v in snap.spaces:
        # A desk inside a room let as a whole belongs to the room's tenant.
        views = by_space.get(v.id, []) + by_space.get(v.parent_id or "", [])
        state, stay = occ.state_on([a.stay() for a in views], day)
        chosen = next((a for a in views if stay and a.id == stay.id), None)
        other = None
        if state == occ.CONFLICT:
            other = next((a.company for a in views if a.stay().covers(day)
                          and a.status in occ.OCCUPYING and a.id != stay.id), None)
        later = min((a for a in views if a.starts_on > day and a.status in occ.BLOCKING),
                    key=lambda a: a.starts_on, default=None)
        out.append(PlanSpace(v, state, chosen.company if chosen else None,
                             chosen.company_id if chosen else None,
                             chosen.starts_on if chosen else None,
                             chosen.ends_on if chosen else None, v.id in parents, other,
                             later.company if later else None,
                             later.starts_on if later else None))
    return out


def floor_plan(ctx: Context, floor: int, day: date) -> list[PlanSpace]:
    """Rooms first, then desks, so that a drawing can put desks on top of their rooms."""
    items = plan_of(snapshot(ctx, floor), day)
    return sorted(items, key=lambda p: (p.space.parent_id is not None, p.space.name))


UPCOMING = "upcoming"  # a legend entry beside the states: free now, booked from a later day


def state_counts(plan: list[PlanSpace]) -> dict[str, int]:
    """Spaces per state on the day, and (``UPCOMING``) the free ones booked from later."""
    counts = dict.fromkeys(occ.STATES, 0)
    counts[UPCOMING] = 0
    for p in plan:
        if not p.has_children and p.space.kind not in occ.NOT_COUNTED_KINDS:
            counts[p.state] += 1
            counts[UPCOMING] += p.upcoming
    return counts
