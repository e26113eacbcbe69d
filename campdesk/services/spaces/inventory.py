"""The camp's inventory: floors, rooms, desks and office units, and their floor-plan layout."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from campdesk.domain.choices import SPACE_KIND
from campdesk.domain.dates import today_seoul
from campdesk.domain.errors import ValidationError
from campdesk.domain.validation import require_text
from campdesk.i18n import N_, _, current_language
from campdesk.services.context import Context
from campdesk.services.errors import FormErrors, NotFound, UserError
from campdesk.services.fields import clean_input, with_limits
from campdesk.store.audit import apply_changes
from campdesk.store.models import Space, SpaceAssignment

# Field code → (Korean header, English header) of a spreadsheet, in form and import order:
# the words looked for in imported files, whatever the UI language.
SPACE_FIELDS: dict[str, tuple[str, str]] = {
    "floor": ("층", "Floor"),  # i18n: data
    "name": ("공간명", "Space name"),  # i18n: data
    "kind": ("유형", "Kind"),  # i18n: data
    "parent": ("상위 공간", "Inside room"),  # i18n: data
    "capacity": ("좌석 수", "Desks"),  # i18n: data
    "area_m2": ("면적(㎡)", "Area (m²)"),  # i18n: data
    "notes": ("메모", "Notes"),  # i18n: data
}
LAYOUT_FIELDS = ("plan_x", "plan_y", "plan_w", "plan_h")


@dataclass(frozen=True)
class SpaceView:
    id: str
    floor: int
    name: str
    kind: str
    parent_id: str | None
    capacity: int | None
    area_m2: float | None
    notes: str | None
    plan: tuple[float, float, float, float] | None  # x, y, w, h in metres; None = not placed

    @property
    def label(self) -> str:
        return space_label(self.floor, self.name)

    @property
    def short_name(self) -> str:
        """A desk's name without its room prefix (``3F-D01`` → ``D01``), for tight spaces."""
        return (self.name.rpartition("-")[2] or self.name) if self.parent_id else self.name


def space_label(floor: int, name: str) -> str:
    """``3F 301호``; a name that already says its floor (``3F-D01``, ``3층 회의실``) stays as is."""
    said = (f"{floor}F", f"{floor}층")  # i18n: data
    return name if name.startswith(said) else f"{floor}F {name}"


def view_of(space: Space) -> SpaceView:
    plan = (space.plan_x, space.plan_y, space.plan_w, space.plan_h)
    return SpaceView(space.id, space.floor, space.name, space.kind, space.parent_id,
                     space.capacity, space.area_m2, space.notes,
                     None if None in plan else plan)


def _number(value: Any, field: str, label: str, integer: bool) -> float | int | None:
    """A count or size as typed or imported ("6석", "30㎡", "3층"); ``label`` names the field."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).replace(",", "").replace("㎡", "").replace("m2", "")
    text = text.replace("석", "").replace("층", "")  # i18n: data
    text = text.replace("F", "").replace("f", "").strip()
    try:
        number = float(text)
    except ValueError:
        number = -1.0
    if not math.isfinite(number) or number < 0 or (integer and not number.is_integer()):
        text = _("{label}은(는) 0 이상의 정수로 입력해 주세요 (입력: {value}).") if integer \
            else _("{label}은(는) 0 이상의 숫자로 입력해 주세요 (입력: {value}).")
        raise ValidationError(field, text.format(label=label, value=value))
    return int(number) if integer else number


def clean_space(raw: dict[str, Any]) -> tuple[dict[str, Any], list[ValidationError]]:
    """Raw form or spreadsheet values → canonical Space fields, and what is wrong (the hub's
    limits too)."""
    raw = clean_input(raw)
    values: dict[str, Any] = {}
    errors: list[ValidationError] = []

    def take(field, fn):
        try:
            values[field] = fn(raw.get(field))
        except ValidationError as exc:
            errors.append(exc)

    take("floor", lambda v: _required_floor(v))
    take("name", lambda v: require_text(v, "name", N_("공간명"), "space name"))
    take("kind", lambda v: _kind(v))
    take("capacity", lambda v: _number(v, "capacity", _("좌석 수"), True))
    take("area_m2", lambda v: _number(v, "area_m2", _("면적"), False))
    values["notes"] = (str(raw.get("notes") or "").strip() or None)
    return values, with_limits("spaces", values, errors)


def _required_floor(value: Any) -> int:
    floor = _number(value, "floor", _("층"), True)
    if floor is None:
        raise ValidationError("floor", _("층을 입력해 주세요."))
    return int(floor)


def _kind(value: Any) -> str:
    if value is None or not str(value).strip():
        return "office"
    choice = SPACE_KIND.parse(str(value))
    if choice is None:
        kinds = ", ".join(SPACE_KIND.label(c.code, current_language()) for c in SPACE_KIND)
        raise ValidationError("kind", _("'{value}'은(는) 알 수 없는 유형입니다. 다음 중 하나: "
                                        "{kinds}").format(value=value, kinds=kinds))
    return choice.code


def _get(s: Session, space_id: str) -> Space:
    space = s.get(Space, space_id)
    if space is None or space.archived:
        raise NotFound(_("공간을 찾을 수 없습니다."))
    return space


def _check_parent(s: Session, parent_id: str | None, floor: int, own_id: str | None) -> None:
    if parent_id is None:
        return
    parent = _get(s, parent_id)
    if parent.id == own_id or parent.parent_id is not None or parent.floor != floor:
        raise FormErrors([ValidationError(
            "parent", _("상위 공간은 같은 층의 방이어야 합니다 (좌석 안에 좌석을 둘 수 없습니다)."))])


def create_space(ctx: Context, raw: dict[str, Any], parent_id: str | None = None) -> str:
    values, errors = clean_space(raw)
    if errors:
        raise FormErrors(errors)
    with ctx.db.transaction() as s:
        _check_parent(s, parent_id, values["floor"], None)
        space = Space(**values, parent_id=parent_id, updated_by=ctx.staff_id)
        s.add(space)
        s.flush()
        return space.id


def update_space(ctx: Context, space_id: str, raw: dict[str, Any]) -> list[str]:
    """Save edited fields (with history); returns the names of the fields that changed."""
    values, errors = clean_space(raw)
    if errors:
        raise FormErrors(errors)
    with ctx.db.transaction() as s:
        space = _get(s, space_id)
        _check_parent(s, space.parent_id, values["floor"], space.id)
        return apply_changes(s, space, values, ctx.staff_id)


def archive_space(ctx: Context, space_id: str, today: date | None = None) -> None:
    """Take a space (and the desks inside it) out of the inventory; its history stays.
    Refused while someone sits there or has booked it."""
    today = today or today_seoul()
    with ctx.db.transaction() as s:
        space = _get(s, space_id)
        children = list(s.scalars(select(Space).where(Space.parent_id == space_id)))
        live = s.scalar(select(SpaceAssignment.id).where(
            SpaceAssignment.space_id.in_([space.id, *(c.id for c in children)]),
            SpaceAssignment.archived.is_(False),
            or_(SpaceAssignment.ends_on.is_(None), SpaceAssignment.ends_on >= today)).limit(1))
        if live:
            raise UserError(_("입주 중이거나 예약된 공간은 삭제할 수 없습니다. "
                              "먼저 퇴실·이동·취소해 주세요."))
        for child in children:
            apply_changes(s, child, {"archived": True}, ctx.staff_id)
        apply_changes(s, space, {"archived": True}, ctx.staff_id)


def active_spaces(s: Session, floor: int | None = None) -> list[Space]:
    stmt = select(Space).where(Space.archived.is_(False)).order_by(Space.floor, Space.name)
    if floor is not None:
        stmt = stmt.where(Space.floor == floor)
    return list(s.scalars(stmt))


def list_spaces(ctx: Context, floor: int | None = None) -> list[SpaceView]:
    with ctx.db.reading() as s:
        return [view_of(sp) for sp in active_spaces(s, floor)]


def get_space(ctx: Context, space_id: str) -> SpaceView:
    with ctx.db.reading() as s:
        return view_of(_get(s, space_id))


def floors(ctx: Context) -> list[int]:
    with ctx.db.reading() as s:
        return list(s.scalars(select(Space.floor).where(Space.archived.is_(False))
                              .distinct().order_by(Space.floor)))


def save_layout(ctx: Context, layout: dict[str, tuple[float, float, float, float]]) -> int:
    """Store dragged and resized positions (metres, rounded to 5 cm); returns how many moved."""
    moved = 0
    with ctx.db.transaction() as s:
        for space_id, rect in layout.items():
            x, y, w, h = (round(v * 20) / 20 for v in rect)
            if w <= 0 or h <= 0:
                raise FormErrors([ValidationError("plan", _("크기는 0보다 커야 합니다."))])
            changes = dict(zip(LAYOUT_FIELDS, (x, y, w, h)))
            if apply_changes(s, _get(s, space_id), changes, ctx.staff_id):
                moved += 1
    return moved
