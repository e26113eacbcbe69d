"""The waiting list: companies asking for space, and who fits a space that frees up."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from campdesk.domain.choices import REQUEST_STATUS, SPACE_KIND
from campdesk.domain.errors import ValidationError
from campdesk.domain.occupancy import Need, desks_together, fits
from campdesk.i18n import _
from campdesk.services.context import Context
from campdesk.services.errors import FormErrors, NotFound
from campdesk.services.fields import clean_text, with_limits
from campdesk.services.spaces.figures import FreeSpace, free_on, snapshot
from campdesk.store.audit import apply_changes
from campdesk.store.models import Company, SpaceRequest


@dataclass(frozen=True)
class RequestView:
    id: str
    company_id: str
    company: str
    kind: str | None
    desks: int | None
    area_m2: float | None
    wanted_from: date | None
    status: str
    notes: str | None
    created_on: date

    @property
    def need(self) -> Need:
        return Need(self.kind, self.desks, self.area_m2)


def add_request(ctx: Context, company_id: str, kind: str | None = None, desks: int | None = None,
                area_m2: float | None = None, wanted_from: date | None = None,
                notes: str | None = None) -> str:
    errors = []
    if kind is not None and kind not in SPACE_KIND:
        errors.append(ValidationError("kind", _("알 수 없는 공간 유형입니다.")))
    if (desks is not None and desks < 0) or (area_m2 is not None and area_m2 < 0):
        errors.append(ValidationError("desks", _("좌석 수와 면적은 0 이상이어야 합니다.")))
    notes = clean_text(notes) if notes else notes
    errors = with_limits("space_requests", {"desks": desks, "area_m2": area_m2, "notes": notes},
                         errors)
    if errors:
        raise FormErrors(errors)
    with ctx.db.transaction() as s:
        if s.get(Company, company_id) is None:
            raise NotFound(_("기업을 찾을 수 없습니다."))
        r = SpaceRequest(company_id=company_id, kind=kind, desks=desks or None,
                         area_m2=area_m2 or None, wanted_from=wanted_from, notes=notes or None,
                         updated_by=ctx.staff_id)
        s.add(r)
        s.flush()
        return r.id


def set_request_status(ctx: Context, request_id: str, status: str) -> None:
    if status not in REQUEST_STATUS:
        raise FormErrors([ValidationError("status", _("알 수 없는 상태입니다."))])
    with ctx.db.transaction() as s:
        r = s.get(SpaceRequest, request_id)
        if r is None:
            raise NotFound(_("대기 신청을 찾을 수 없습니다."))
        apply_changes(s, r, {"status": status}, ctx.staff_id)


def view_of(r: SpaceRequest, company: str) -> RequestView:
    return RequestView(r.id, r.company_id, company, r.kind, r.desks, r.area_m2, r.wanted_from,
                       r.status, r.notes, r.created_at.date())


def list_requests(ctx: Context, status: str | None = "waiting") -> list[RequestView]:
    """The waiting list in order of arrival (earliest wanted date first, then oldest)."""
    stmt = (select(SpaceRequest, Company.name).join(Company, Company.id == SpaceRequest.company_id)
            .where(SpaceRequest.archived.is_(False)))
    if status:
        stmt = stmt.where(SpaceRequest.status == status)
    with ctx.db.reading() as s:
        rows = [view_of(r, name) for r, name in s.execute(stmt)]
    return sorted(rows, key=lambda r: (r.wanted_from or r.created_on, r.created_on))


@dataclass(frozen=True)
class Match:
    request: RequestView
    spaces: list[FreeSpace]


def matches(ctx: Context, day: date, space_ids: set[str] | None = None) -> list[Match]:
    """Who is waiting for something that fits a space free on ``day`` (or one of
    ``space_ids``, e.g. the space just vacated), in waiting-list order."""
    free = free_on(snapshot(ctx), day)
    wanted = [f for f in free if not space_ids or f.space.id in space_ids]
    rooms = _free_desks_by_room(free)
    out = []
    for req in list_requests(ctx):
        fitting = [f for f in wanted if fits(req.need, f.space.kind, f.space.capacity,
                                             f.space.area_m2)]
        for desks in rooms.values():
            if space_ids and not space_ids & {f.space.id for f in desks}:
                continue
            chosen = set(desks_together(req.need, [(f.space.id, f.space.capacity or 1,
                                                    f.space.area_m2) for f in desks]))
            fitting += [f for f in desks if f.space.id in chosen]
        if fitting:
            out.append(Match(req, fitting))
    return out


def _free_desks_by_room(free: list[FreeSpace]) -> dict[str, list[FreeSpace]]:
    rooms: dict[str, list[FreeSpace]] = {}
    for f in free:
        if f.space.parent_id and f.space.kind == "desk":
            rooms.setdefault(f.space.parent_id, []).append(f)
    return rooms
