"""Placing a company of the waiting list in a space (a request dropped on the floor plan):
whether the space can take the request, checked before the assign dialog opens, and the
assignment that marks the request placed, in one transaction."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from campdesk.domain.choices import SPACE_KIND
from campdesk.domain.occupancy import Need, find_clash, fits
from campdesk.i18n import _, current_language, ngettext
from campdesk.services.context import Context
from campdesk.services.errors import NotFound, UserError
from campdesk.services.spaces.assignments import (
    _assignable, _new, _refuse_overlap, _related_stays, check_status,
)
from campdesk.services.spaces.inventory import SpaceView, view_of as space_view
from campdesk.services.spaces.waiting import RequestView, view_of as request_view
from campdesk.store.audit import apply_changes
from campdesk.store.models import Company, Space, SpaceRequest


@dataclass(frozen=True)
class Placement:
    """What the assign dialog starts from: who, where, from when, and until when the space
    is free when it is booked from a later day (None: open-ended)."""

    request: RequestView
    space: SpaceView
    starts_on: date
    until: date | None


def _waiting(s: Session, request_id: str) -> SpaceRequest:
    r = s.get(SpaceRequest, request_id)
    if r is None or r.archived:
        raise NotFound(_("대기 신청을 찾을 수 없습니다."))
    if r.status != "waiting":
        raise UserError(_("{company}의 대기 신청은 이미 처리되었습니다 (배정 완료 또는 철회).")
                        .format(company=s.get(Company, r.company_id).name))
    return r


def _refuse_unfitting(req: RequestView, space: Space) -> None:
    """The request's wishes against the space: its kind, its desks, its area."""
    label = space_view(space).label
    lang = current_language()
    if not fits(Need(req.kind, None, None), space.kind, space.capacity, space.area_m2):
        raise UserError(_("{company}은(는) {wanted} 공간을 기다리고 있어 {space}({kind})에는 "
                          "배정할 수 없습니다.").format(
            company=req.company, wanted=SPACE_KIND.label(req.kind, lang), space=label,
            kind=SPACE_KIND.label(space.kind, lang)))
    if not fits(Need(None, req.desks, None), space.kind, space.capacity, space.area_m2):
        seats = space.capacity or 1
        raise UserError(ngettext("{space}은(는) {seats}석이라 {company}에 필요한 {desks}석에 "
                                 "모자랍니다.",
                                 "{space}은(는) {seats}석이라 {company}에 필요한 {desks}석에 "
                                 "모자랍니다.", seats).format(
            space=label, seats=seats, company=req.company, desks=req.desks))
    if not fits(Need(None, None, req.area_m2), space.kind, space.capacity, space.area_m2):
        raise UserError(_("{space}은(는) {area:g}㎡라 {company}에 필요한 {wanted:g}㎡보다 "
                          "좁습니다.").format(space=label, area=space.area_m2 or 0,
                                             company=req.company, wanted=req.area_m2))


def _request_in(s: Session, request_id: str) -> tuple[SpaceRequest, RequestView]:
    r = _waiting(s, request_id)
    return r, request_view(r, s.get(Company, r.company_id).name)


def check_placement(ctx: Context, request_id: str, space_id: str, day: date) -> Placement:
    """Whether the space can take the request from its wanted day (or ``day``, the plan's
    day, when that is later): refused with the reason when the space is shared, of
    another kind, too small, or taken on that first day."""
    with ctx.db.reading() as s:
        _row, req = _request_in(s, request_id)
        space = _assignable(s, space_id)
        _refuse_unfitting(req, space)
        starts_on = max(req.wanted_from or day, day)
        _refuse_overlap(s, space, starts_on, starts_on)
        later = find_clash(_related_stays(s, space), starts_on, None)
        until = later.starts_on - timedelta(days=1) if later else None
        return Placement(req, space_view(space), starts_on, until)


def place_request(ctx: Context, request_id: str, space_id: str, starts_on: date,
                  ends_on: date | None = None, status: str = "confirmed") -> str:
    """Assign the requesting company the space and mark the request placed; returns the
    assignment's id. Nothing is written when the space cannot take it."""
    check_status(status)
    with ctx.db.transaction() as s:
        row, req = _request_in(s, request_id)
        space = _assignable(s, space_id)
        _refuse_unfitting(req, space)
        assignment_id = _new(s, ctx, space, req.company_id, starts_on, ends_on, status, None)
        apply_changes(s, row, {"status": "placed"}, ctx.staff_id)
        return assignment_id
