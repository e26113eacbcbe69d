"""Who gets which space from when to when: assign, move in, move out, move; history kept.

Each action is one transaction. A new or changed range is refused when it shares a day with
another live assignment of the same space, of the room it sits in, or of a desk inside it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from campdesk.domain.dates import format_date
from campdesk.domain.errors import ValidationError
from campdesk.domain.occupancy import Stay, double_bookings, find_clash
from campdesk.i18n import N_, _, in_language
from campdesk.services.context import Context
from campdesk.services.errors import FormErrors, NotFound, UserError
from campdesk.services.spaces.inventory import _get as get_space_row
from campdesk.services.spaces.inventory import space_label
from campdesk.store.audit import apply_changes
from campdesk.store.models import Company, Space, SpaceAssignment

ASSIGNABLE_STATUSES = ("reserved", "confirmed")


@dataclass(frozen=True)
class AssignmentView:
    id: str
    space_id: str
    space_label: str  # "3F 301호"
    company_id: str
    company: str
    starts_on: date
    ends_on: date | None
    status: str
    notes: str | None

    def stay(self) -> Stay:
        return Stay(self.space_id, self.company, self.starts_on, self.ends_on, self.status, self.id)


def _query():
    return (select(SpaceAssignment.id, SpaceAssignment.space_id, Space.floor, Space.name,
                   SpaceAssignment.company_id, Company.name, SpaceAssignment.starts_on,
                   SpaceAssignment.ends_on, SpaceAssignment.status, SpaceAssignment.notes)
            .join(Space, Space.id == SpaceAssignment.space_id)
            .join(Company, Company.id == SpaceAssignment.company_id)
            .where(SpaceAssignment.archived.is_(False)))


def _views(s: Session, stmt) -> list[AssignmentView]:
    return [AssignmentView(r[0], r[1], space_label(r[2], r[3]), *r[4:]) for r in s.execute(stmt)]


def load_assignments(s: Session, floor: int | None = None) -> list[AssignmentView]:
    stmt = _query()
    if floor is not None:
        stmt = stmt.where(Space.floor == floor)
    return _views(s, stmt)


def list_assignments(ctx: Context, space_id: str | None = None, company_id: str | None = None
                     ) -> list[AssignmentView]:
    """Assignments, newest start first; all of them, or one space's or one company's."""
    stmt = _query().order_by(SpaceAssignment.starts_on.desc(), Space.floor, Space.name)
    if space_id:
        stmt = stmt.where(SpaceAssignment.space_id == space_id)
    if company_id:
        stmt = stmt.where(SpaceAssignment.company_id == company_id)
    with ctx.db.reading() as s:
        return _views(s, stmt)


def double_booked(ctx: Context) -> list[AssignmentView]:
    """Assignments that share days with another of the same space, or are marked
    ``conflict`` by sync: each needs re-allocation (move one, or cancel one)."""
    rows = list_assignments(ctx)
    by_id = {a.id: a for a in rows}
    ids = {st.id for pair in double_bookings(a.stay() for a in rows) for st in pair}
    ids |= {a.id for a in rows if a.status == "conflict"}
    return sorted((by_id[i] for i in ids), key=lambda a: (a.space_label, a.starts_on))


def _related_stays(s: Session, space: Space) -> list[Stay]:
    """Live assignments of the space, of its room and of the desks inside it."""
    ids = select(Space.id).where(Space.parent_id == space.id)
    related = [space.id] + ([space.parent_id] if space.parent_id else [])
    stmt = _query().where(or_(SpaceAssignment.space_id.in_(related),
                              SpaceAssignment.space_id.in_(ids)))
    return [v.stay() for v in _views(s, stmt)]


def _refuse_overlap(s: Session, space: Space, starts_on: date, ends_on: date | None,
                    ignore: tuple[str, ...] = ()) -> None:
    clash = find_clash(_related_stays(s, space), starts_on, ends_on, ignore)
    if clash is None:
        return
    until = format_date(clash.ends_on) if clash.ends_on else _("종료일 미정")
    where = s.get(Space, clash.space_id)
    raise UserError(_("{space}은(는) {company}에 {start}부터 {until}까지 배정되어 있어 기간이 "
                      "겹칩니다. 다른 공간이나 날짜를 선택해 주세요.").format(
        space=space_label(where.floor, where.name), company=clash.company,
        start=format_date(clash.starts_on), until=until))


def _check_range(starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise FormErrors([ValidationError("ends_on", _("종료일은 시작일보다 빠를 수 없습니다."))])


def _assignable(s: Session, space_id: str) -> Space:
    space = get_space_row(s, space_id)
    if space.kind == "meeting":
        raise UserError(_("회의실은 공용 공간이라 기업에 배정할 수 없습니다."))
    return space


def _get(s: Session, assignment_id: str) -> SpaceAssignment:
    a = s.get(SpaceAssignment, assignment_id)
    if a is None or a.archived:
        raise NotFound(_("배정 내역을 찾을 수 없습니다."))
    return a


def _new(s: Session, ctx: Context, space: Space, company_id: str, starts_on: date,
         ends_on: date | None, status: str, notes: str | None) -> str:
    if s.get(Company, company_id) is None:
        raise NotFound(_("기업을 찾을 수 없습니다."))
    _check_range(starts_on, ends_on)
    _refuse_overlap(s, space, starts_on, ends_on)
    a = SpaceAssignment(space_id=space.id, company_id=company_id, starts_on=starts_on,
                        ends_on=ends_on, status=status, notes=notes, updated_by=ctx.staff_id)
    s.add(a)
    s.flush()
    return a.id


def assign(ctx: Context, space_id: str, company_id: str, starts_on: date,
           ends_on: date | None = None, status: str = "confirmed", notes: str | None = None
           ) -> str:
    """Give a company a space from a date (optionally to a date); returns the assignment id."""
    check_status(status)
    with ctx.db.transaction() as s:
        return _new(s, ctx, _assignable(s, space_id), company_id, starts_on, ends_on, status,
                    notes)


def check_status(status: str) -> None:
    if status not in ASSIGNABLE_STATUSES:
        raise UserError(_("배정 상태는 예약 또는 확정이어야 합니다."))


def move_in(ctx: Context, assignment_id: str, on: date | None = None) -> None:
    """A reserved space becomes the company's: confirmed, from ``on`` if given."""
    with ctx.db.transaction() as s:
        a = _get(s, assignment_id)
        starts_on = on or a.starts_on
        _check_range(starts_on, a.ends_on)
        _refuse_overlap(s, s.get(Space, a.space_id), starts_on, a.ends_on, (a.id,))
        apply_changes(s, a, {"status": "confirmed", "starts_on": starts_on}, ctx.staff_id)


def move_out(ctx: Context, assignment_id: str, last_day: date) -> None:
    """Record the move-out: ``last_day`` is the company's last day in the space."""
    with ctx.db.transaction() as s:
        a = _get(s, assignment_id)
        _refuse_if_reserved(a, _("입주 전 예약은 퇴실 대신 '배정 취소'로 처리해 주세요."))
        _check_range(a.starts_on, last_day)
        apply_changes(s, a, {"ends_on": last_day, "status": "ended"}, ctx.staff_id)


def _refuse_if_reserved(a: SpaceAssignment, text: str) -> None:
    if a.status == "reserved":
        raise UserError(text)


def move(ctx: Context, assignment_id: str, to_space_id: str, on: date) -> str:
    """Move a tenant on day ``on``: the old assignment ends the day before, the new one
    starts that day, keeping the contract's end date. Returns the new assignment's id."""
    with ctx.db.transaction() as s:
        a = _get(s, assignment_id)
        _refuse_if_reserved(a, _("입주 전 예약은 이동 대신 '재배정'으로 공간을 바꿔 주세요."))
        if on <= a.starts_on or (a.ends_on is not None and on > a.ends_on):
            raise UserError(_("이동일은 {0} 이후, 계약 종료일 이전이어야 합니다.").format(
                format_date(a.starts_on + timedelta(days=1))))
        target = _assignable(s, to_space_id)
        if target.id == a.space_id:
            raise UserError(_("같은 공간으로는 이동할 수 없습니다."))
        old_space = s.get(Space, a.space_id)
        contract_end = a.ends_on
        apply_changes(s, a, {"ends_on": on - timedelta(days=1), "status": "ended"}, ctx.staff_id)
        s.flush()
        return _new(s, ctx, target, a.company_id, on, contract_end, "confirmed",
                    # a stored note: Korean whatever the UI language
                    in_language("ko", N_("{0}에서 이동")).format(
                        space_label(old_space.floor, old_space.name)))


def reallocate(ctx: Context, assignment_id: str, to_space_id: str) -> None:
    """Resolve a double booking: the whole assignment goes to another space, as if it had
    been booked there (the space change is kept in the history), and is confirmed."""
    with ctx.db.transaction() as s:
        a = _get(s, assignment_id)
        target = _assignable(s, to_space_id)
        _refuse_overlap(s, target, a.starts_on, a.ends_on, (a.id,))
        status = "confirmed" if a.status == "conflict" else a.status
        apply_changes(s, a, {"space_id": target.id, "status": status}, ctx.staff_id)


def change_dates(ctx: Context, assignment_id: str, starts_on: date, ends_on: date | None
                 ) -> list[str]:
    """Correct an assignment's dates (extend a contract, say), with the same overlap check."""
    with ctx.db.transaction() as s:
        a = _get(s, assignment_id)
        _check_range(starts_on, ends_on)
        _refuse_overlap(s, s.get(Space, a.space_id), starts_on, ends_on, (a.id,))
        return apply_changes(s, a, {"starts_on": starts_on, "ends_on": ends_on}, ctx.staff_id)


def cancel(ctx: Context, assignment_id: str) -> None:
    """Withdraw an assignment made by mistake (kept in the history as archived)."""
    with ctx.db.transaction() as s:
        apply_changes(s, _get(s, assignment_id), {"archived": True}, ctx.staff_id)
