"""Field-level edits with a visible history: who changed what, when."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from campdesk.domain.ids import new_id
from campdesk.store.base import utcnow
from campdesk.store.models import AuditEntry


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def apply_changes(session: Session, obj, changes: dict[str, Any], by: str | None) -> list[str]:
    """Set the changed fields on obj, log each one, and return their names."""
    changed = []
    now = utcnow()
    for field, new in changes.items():
        old = getattr(obj, field)
        if old == new:
            continue
        setattr(obj, field, new)
        changed.append(field)
        session.add(AuditEntry(
            id=new_id(), table_name=obj.__tablename__, row_id=obj.id, field=field,
            old_value=_text(old), new_value=_text(new), changed_at=now, changed_by=by,
        ))
    if changed:
        obj.updated_by = by
    return changed


def history(session: Session, table: str, row_id: str) -> list[AuditEntry]:
    stmt = (select(AuditEntry)
            .where(AuditEntry.table_name == table, AuditEntry.row_id == row_id)
            .order_by(AuditEntry.changed_at, AuditEntry.id))
    return list(session.scalars(stmt))
