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
from campdesk.services.context import Context
from campdesk.services.errors import FormErrors, NotFound, UserError
from campdesk.services.fields import clean_input, with_limits
from campdesk.store.audit import apply_changes
from campdesk.store.models import Space, SpaceAssignment

# Field code → (Korean label, English label), in form and import order.
SPACE_FIELDS: dict[str, tuple[str, str]] = {
    "floor": ("층", "Floor"),
    "name": ("공간명", "Space name"),
    "kind": ("유형", "Kind"),
    "parent": ("상위 공간", "Inside room"),
    "capacity": ("좌석 수", "Desks"),
    "area_m2": ("면적(㎡)", "Area (m²)"),
    "notes": ("메모", "Notes"),
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
    return name if name.startswith((f"{floor}F", f"{floor}층")) else f"{floor}F {name}"


def view_of(space: Space) -> SpaceView:
    plan = (space.plan_x, space.plan_y, space.plan_w, space.plan_h)
    return SpaceView(space.id, space.floor, space.name, space.kind, space.parent_id,
                     space.capacity, space.area_m2, space.notes,
                     None if None in plan else plan)


def _number(value: Any, field: str, ko: str, en: str, integer: bool) -> float | int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).replace(",", "").replace("㎡", "").replace("m2", "").replace("석", "")
    text = text.replace("층", "").replace("F", "").replace("f", "").strip()
    try:
        number = float(text)
    except ValueError:
        number = -1.0
    if not math.isfinite(number) or number < 0 or (integer and not number.is_integer()):
        kind_ko, kind_en = ("0 이상의 정수", "a whole number, 0 or more") if integer \
            else ("0 이상의 숫자", "a number, 0 or more")
        raise ValidationError(field, f"{ko}은(는) {kind_ko}로 입력해 주세요 (입력: {value}).",
                              f"{en} must be {kind_en} (got: {value}).")
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
    take("name", lambda v: require_text(v, "name", "공간명", "space name"))
    take("kind", lambda v: _kind(v))
    take("capacity", lambda v: _number(v, "capacity", "좌석 수", "Desks", True))
    take("area_m2", lambda v: _number(v, "area_m2", "면적", "Area", False))
    values["notes"] = (str(raw.get("notes") or "").strip() or None)
    return values, with_limits("spaces", values, errors)


def _required_floor(value: Any) -> int:
    floor = _number(value, "floor", "층", "Floor", True)
    if floor is None:
        raise ValidationError("floor", "층을 입력해 주세요.", "Please enter the floor.")
    return int(floor)


def _kind(value: Any) -> str:
    if value is None or not str(value).strip():
        return "office"
    choice = SPACE_KIND.parse(str(value))
    if choice is None:
        raise ValidationError("kind", f"'{value}'은(는) 알 수 없는 유형입니다. 다음 중 하나: "
                              + ", ".join(c.ko for c in SPACE_KIND),
                              f"Unknown kind '{value}'. Use one of: "
                              + ", ".join(c.en for c in SPACE_KIND))
    return choice.code


def _get(s: Session, space_id: str) -> Space:
    space = s.get(Space, space_id)
    if space is None or space.archived:
        raise NotFound("공간을 찾을 수 없습니다.", "Space not found.")
    return space


def _check_parent(s: Session, parent_id: str | None, floor: int, own_id: str | None) -> None:
    if parent_id is None:
        return
    parent = _get(s, parent_id)
    if parent.id == own_id or parent.parent_id is not None or parent.floor != floor:
        raise FormErrors([ValidationError(
            "parent", "상위 공간은 같은 층의 방이어야 합니다 (좌석 안에 좌석을 둘 수 없습니다).",
            "The parent must be a room on the same floor (not a desk).")])


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
            raise UserError("입주 중이거나 예약된 공간은 삭제할 수 없습니다. 먼저 퇴실·이동·취소해 주세요.",
                            "A space someone sits in or has booked cannot be removed. "
                            "Move them out, move them or cancel first.")
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
                raise FormErrors([ValidationError("plan", "크기는 0보다 커야 합니다.",
                                                  "Width and height must be above zero.")])
            changes = dict(zip(LAYOUT_FIELDS, (x, y, w, h)))
            if apply_changes(s, _get(s, space_id), changes, ctx.staff_id):
                moved += 1
    return moved
