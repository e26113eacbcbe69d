"""The needs-attention list as staff read it: each flag with the records it is about, told
apart (the whole name; a company's business number; the company a record belongs to); and,
for a record open in a form, the values saved here that another PC's edit replaced."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from campdesk.services.context import Context
from campdesk.store.models import TABLES, Company, Space
from campdesk.store.sync_models import SyncConflict, SyncState
from campdesk.sync import attention

OTHER_TABLE = {"duplicate": "companies", "double_booking": "space_assignments"}


@dataclass(frozen=True)
class Record:
    """``name`` is empty for a record this PC does not have and whose values are unknown."""
    table: str
    row_id: str
    name: str
    business_no: str | None = None
    company: str | None = None  # the company a contact, a consultation… belongs to


@dataclass(frozen=True)
class Entry:
    item: attention.AttentionItem
    record: Record
    other: Record | None = None


def open_entries(ctx: Context) -> list[Entry]:
    """The open flags, newest first, each with its record (and the other one of a pair)."""
    items = attention.open_items(ctx.db)
    with ctx.db.reading() as s:
        return [Entry(i, _record(s, i.table, i.row_id, i),
                      _record(s, OTHER_TABLE.get(i.kind, "companies"), i.other_id)
                      if i.other_id else None) for i in items]


def _values(session, table: str, row_id: str, item: attention.AttentionItem | None
            ) -> dict[str, Any]:
    model = TABLES.get(table)
    obj = session.get(model, row_id) if model is not None else None
    if obj is not None:
        return {c.name: getattr(obj, c.key, None) for c in model.__table__.columns}
    value = item.loser_value if item is not None else None  # a deleted row as it was
    if isinstance(value, dict) and item.kind == "rejected":
        value = value.get("patch")  # a refused change: its fields
    return value if isinstance(value, dict) else {}


def _record(session, table: str, row_id: str, item: attention.AttentionItem | None = None
            ) -> Record:
    values = _values(session, table, row_id, item)

    def company_name(company_id: Any) -> str | None:
        company = session.get(Company, company_id) if company_id else None
        return company.name if company is not None else None

    company = company_name(values.get("company_id"))
    if table == "space_assignments" and values:  # who, which space, from when to when
        space = session.get(Space, values.get("space_id")) if values.get("space_id") else None
        span = " ~ ".join(str(values.get(k) or "") for k in ("starts_on", "ends_on")).strip(" ~")
        name = " · ".join(p for p in (company, space.name if space else None, span) if p)
        company = None
    else:
        name = next((str(values[f]) for f in attention.LABEL_FIELDS if values.get(f)), "")
    business_no = values.get("business_no") if table == "companies" else None
    return Record(table, row_id, name, business_no or None, company)


@dataclass(frozen=True)
class LostValue:
    """A value saved on this PC that another PC's later edit replaced."""
    conflict_id: str
    field: str
    kept: Any  # the value that stayed (now in the record)
    lost: Any  # this PC's value


def lost_here(ctx: Context, table: str, row_id: str) -> list[LostValue]:
    """Open value conflicts of one record in which this PC's value lost, oldest first."""
    with ctx.db.reading() as s:
        site = s.scalar(select(SyncState.site_id))
        if not site:
            return []
        rows = s.scalars(select(SyncConflict).where(
            SyncConflict.kind == "value", SyncConflict.tbl == table,
            SyncConflict.row_id == row_id, SyncConflict.loser_site == site,
            SyncConflict.resolved_at.is_(None), SyncConflict.archived.is_(False))
            .order_by(SyncConflict.created_at, SyncConflict.id)).all()
        return [LostValue(r.id, r.field or "", _json(r.winner_value), _json(r.loser_value))
                for r in rows]


def _json(text: str | None) -> Any:
    return None if text is None else json.loads(text)
