"""The "needs attention" list and its resolutions, Qt-free.

Every resolution is an ordinary local edit (captured, synced), so it reaches the other PCs
like any change, and marks the flag resolved there too.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select, update
from sqlalchemy.dialects import sqlite

from campdesk.domain.dates import SEOUL
from campdesk.i18n import _
from campdesk.store.audit import apply_changes
from campdesk.store.base import Base, utcnow
from campdesk.store.db import Database
from campdesk.store.models import TABLES, Company, SpaceAssignment
from campdesk.store.sync_models import SyncConflict
from campdesk.sync import codec

_SQLITE = sqlite.dialect()
LABEL_FIELDS = ("name", "title", "question", "person_name", "topic", "position")


@dataclass(frozen=True)
class AttentionItem:
    id: str
    kind: str
    table: str
    row_id: str
    row_label: str
    field: str | None
    other_id: str | None
    other_label: str
    loser_value: Any
    winner_value: Any
    detail: str | None
    created_at: Any
    advice: str | None = None  # what to fix, refused or unstorable (the language it was read in)
    loser_from: str = ""  # who made the value that lost, on which PC, when
    winner_from: str = ""  # the same for the value that stayed


def _label(session, table: str, row_id: str | None) -> str:
    model = TABLES.get(table)
    if model is None or row_id is None:
        return row_id or ""
    obj = session.get(model, row_id)
    if obj is None:
        return f"({row_id[:8]}…)"
    for field in LABEL_FIELDS:
        value = getattr(obj, field, None)
        if value:
            return str(value)[:60]
    return row_id[:8]


def _json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def open_items(db: Database) -> list[AttentionItem]:
    """Unresolved flags, newest first."""
    with db.reading() as s:
        rows = s.scalars(select(SyncConflict)
                         .where(SyncConflict.resolved_at.is_(None), SyncConflict.archived.is_(False))
                         .order_by(SyncConflict.created_at.desc(), SyncConflict.id)).all()
        other_table = {"duplicate": "companies", "double_booking": "space_assignments"}
        return [AttentionItem(
            r.id, r.kind, r.tbl, r.row_id, _label(s, r.tbl, r.row_id), r.field, r.other_id,
            _label(s, other_table.get(r.kind, "companies"), r.other_id),
            _json(r.loser_value), _json(r.winner_value), r.detail, r.created_at,
            _advice(s, r), _provenance(s, r.loser_by, r.loser_pc, r.loser_at),
            _provenance(s, r.winner_by, r.winner_pc, r.winner_at)) for r in rows]


def _provenance(session, staff_id: str | None, pc: str | None, at) -> str:
    """"김민서 · DESK-2 · 2026. 12. 3. 14:05" (the parts that are known)."""
    from campdesk.store.models import Staff

    person = session.get(Staff, staff_id) if staff_id else None
    when = None
    if at is not None:
        local = at.astimezone(SEOUL)
        when = f"{local.year}. {local.month}. {local.day}. {local:%H:%M}"
    return " · ".join(p for p in (person.name if person else None, pc, when) if p)


def _advice(session, flag: SyncConflict) -> str | None:
    """What to do about a change the hub refused, or a hub row this PC cannot store."""
    if flag.kind == "unstorable":
        return unstorable_advice(flag.detail or "")
    if flag.kind != "rejected":
        return None
    model = TABLES.get(flag.tbl)
    obj = session.get(model, flag.row_id) if model is not None else None
    if obj is None:
        reason = flag.detail or "?"
        return _("허브가 받지 않은 이유: {reason}").format(reason=reason)
    from campdesk.store.limits import row_problems

    values = {c.name: getattr(obj, attr.key) for attr in inspect(model).column_attrs
              for c in attr.columns}
    problems = row_problems(flag.tbl, values)
    if problems:
        return _("고칠 것: {problems}").format(problems=" ".join(str(p) for p in problems))
    return _("이 PC에서 고친 값으로 다음 동기화 때 다시 보냅니다.")


_NOT_NULL = re.compile(r"NOT NULL constraint failed: (\w+)\.(\w+)")


def unstorable_advice(reason: str) -> str:
    missing = _NOT_NULL.search(reason)
    if missing:
        from campdesk.store.limits import field_name

        return _("허브의 이 기록에 '{field}' 값이 없어 이 PC에 저장할 수 없습니다. 허브 관리자가 "
                 "값을 채우면 다음 동기화 때 들어옵니다.").format(
            field=field_name(missing.group(1), missing.group(2)))
    return _("이 PC에 저장할 수 없는 허브 기록입니다 ({reason}). 허브 관리자에게 알려 주세요.").format(
        reason=reason)


def count_open(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL AND NOT archived").scalar()


def _resolve(session, conflict: SyncConflict, how: str, by: str | None) -> None:
    conflict.resolved_at = utcnow()
    conflict.resolved_by = by
    conflict.resolution = how


def _conflict(session, conflict_id: str) -> SyncConflict:
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise LookupError(conflict_id)
    return conflict


def _local_value(table: str, field: str, value: Any) -> Any:
    """A hub JSON value as the ORM wants it (a date, an aware datetime, a bool)."""
    stored = codec.to_local(table, field, value)
    if stored is None:
        return None
    column = Base.metadata.tables[table].c[field]
    processor = column.type.dialect_impl(_SQLITE).result_processor(_SQLITE, None)
    return processor(stored) if processor else stored


def restore_value(db: Database, conflict_id: str, by: str | None) -> None:
    """Put the value that lost back in place (a new edit that wins from now on)."""
    with db.transaction() as s:
        c = _conflict(s, conflict_id)
        obj = s.get(TABLES[c.tbl], c.row_id)
        if obj is None:
            raise LookupError(c.row_id)
        apply_changes(s, obj, {c.field: _local_value(c.tbl, c.field, _json(c.loser_value))}, by)
        _resolve(s, c, "restored", by)


def recreate_deleted(db: Database, conflict_id: str, by: str | None) -> str:
    """Bring back a row deleted while it was edited, as a new record with a new id."""
    with db.transaction() as s:
        c = _conflict(s, conflict_id)
        model = TABLES[c.tbl]
        data = {k: _local_value(c.tbl, k, v) for k, v in (_json(c.loser_value) or {}).items()
                if k in model.__table__.c and k != "id"}
        obj = model(**data)
        s.add(obj)
        s.flush()
        _resolve(s, c, "recreated", by)
        return obj.id


def dismiss(db: Database, conflict_id: str, by: str | None, how: str = "kept") -> None:
    with db.transaction() as s:
        _resolve(s, _conflict(s, conflict_id), how, by)


def merge_companies(db: Database, keep_id: str, lose_id: str, by: str | None) -> int:
    """Merge a duplicate into the company that stays: children re-pointed, the duplicate
    archived with ``merged_into``; returns how many records were re-pointed."""
    moved = 0
    with db.transaction() as s:
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                if fk.column.table.name == "companies" and table.name in TABLES:
                    col = table.c[fk.parent.name]
                    moved += s.execute(update(table).where(col == lose_id)
                                       .values({col: keep_id, "updated_by": by})).rowcount
        loser = s.get(Company, lose_id)
        apply_changes(s, loser, {"merged_into": keep_id, "archived": True}, by)
        for c in s.scalars(select(SyncConflict).where(
                SyncConflict.kind == "duplicate", SyncConflict.resolved_at.is_(None),
                (SyncConflict.row_id == lose_id) | (SyncConflict.other_id == lose_id))):
            _resolve(s, c, "merged", by)
    return moved


def unlink_orphan(db: Database, conflict_id: str, by: str | None) -> None:
    """A record points at one deleted elsewhere: clear the link, or archive the record when
    the link is required (a contact without its company)."""
    with db.transaction() as s:
        c = _conflict(s, conflict_id)
        obj = s.get(TABLES[c.tbl], c.row_id)
        if obj is not None:
            column = obj.__table__.c[c.field]
            apply_changes(s, obj, {c.field: None} if column.nullable else {"archived": True}, by)
        _resolve(s, c, "unlinked", by)


def keep_assignment(db: Database, conflict_id: str, keep_id: str, by: str | None) -> None:
    """Choose who keeps a double-booked space: the other assignment is archived."""
    with db.transaction() as s:
        c = _conflict(s, conflict_id)
        other_id = c.other_id if keep_id == c.row_id else c.row_id
        other = s.get(SpaceAssignment, other_id)
        apply_changes(s, other, {"archived": True}, by)
        s.flush()  # the hub must see the other one go before this one is confirmed
        apply_changes(s, s.get(SpaceAssignment, keep_id), {"status": "confirmed"}, by)
        _resolve(s, c, "chosen", by)
