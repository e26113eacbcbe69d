"""Import the space inventory from a spreadsheet; importing again updates, never duplicates.

A space is known by its floor and name. A desk names its room in the "inside room" column;
rooms are read before desks, so the order of the rows does not matter.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from campdesk.services.context import Context
from campdesk.services.spaces.inventory import SPACE_FIELDS, clean_space
from campdesk.i18n import _
from campdesk.services.tabular import ImportReport, Progress, Row, Table, error_text, field_name
from campdesk.store.audit import apply_changes
from campdesk.store.models import Space

EXTRA_HEADERS: dict[str, list[str]] = {
    "floor": ["층수", "위치(층)", "floor no"],  # i18n: data
    "name": ["호실", "호수", "공간", "공간 이름", "실명", "좌석번호", "room", "space", "name"],  # i18n: data
    "kind": ["구분", "공간유형", "공간 유형", "종류", "type", "kind"],  # i18n: data
    "parent": ["소속 공간", "상위공간", "소속", "위치", "room name", "parent", "in room"],  # i18n: data
    "capacity": ["좌석", "좌석수", "수용인원", "정원", "인원", "seats", "capacity"],  # i18n: data
    "area_m2": ["면적", "면적㎡", "면적(m2)", "면적 m2", "전용면적", "area", "area m2", "sqm"],  # i18n: data
    "notes": ["비고", "특이사항", "remarks", "notes"],  # i18n: data
}


def header_synonyms() -> dict[str, list[str]]:
    return {code: [ko, en, *EXTRA_HEADERS.get(code, [])] for code, (ko, en) in SPACE_FIELDS.items()}


def _column(row: Row, field: str) -> str:
    return row.columns.get(field) or field_name(SPACE_FIELDS.get(field), field)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _parent_name(row: Row) -> str:
    return str(row.values.get("parent") or "").strip()


def import_spaces(ctx: Context, path: str | Path, progress: Progress | None = None
                  ) -> ImportReport:
    """Keep every valid row, explain every bad one, in one transaction."""
    report = ImportReport()
    with Table(Path(path), header_synonyms(), ("floor", "name"), report, progress) as table:
        rows = list(table)  # a camp has hundreds of spaces, not millions
    rows.sort(key=lambda r: bool(_parent_name(r)))  # rooms first
    with ctx.db.transaction() as s:
        known = {(sp.floor, sp.name): sp
                 for sp in s.scalars(select(Space).where(Space.archived.is_(False)))}
        for row in rows:
            report.total += 1
            _import_row(s, ctx, row, known, report)
    return report


def _import_row(s: Session, ctx: Context, row: Row, known: dict, report: ImportReport) -> None:
    values, errors = clean_space(row.values)
    for e in errors:
        report.reject(row.number, _column(row, e.field), error_text(e))
    if errors:
        return
    if _blank(row.values.get("kind")) and _parent_name(row):
        values["kind"] = "desk"
    parent_id = None
    if _parent_name(row):
        parent = known.get((values["floor"], _parent_name(row)))
        if parent is None or parent.parent_id is not None:
            report.reject(row.number, _column(row, "parent"),
                          _("{floor}층에 '{room}' 방이 없습니다. 방을 먼저 등록하거나 같은 파일에 넣어 "
                            "주세요.").format(floor=values["floor"], room=_parent_name(row)))
            return
        parent_id = parent.id
    existing = known.get((values["floor"], values["name"]))
    if existing is None:
        space = Space(**values, parent_id=parent_id, updated_by=ctx.staff_id)
        s.add(space)
        s.flush()
        known[(space.floor, space.name)] = space
        report.created += 1
        return
    # Blank cells do not erase what staff already recorded.
    changes = {k: v for k, v in values.items() if k in row.values and not _blank(row.values[k])}
    if parent_id and parent_id != existing.id:
        changes["parent_id"] = parent_id
    if apply_changes(s, existing, changes, ctx.staff_id):
        report.updated += 1
    else:
        report.unchanged += 1
