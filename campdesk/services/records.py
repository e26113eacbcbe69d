"""The two moves every use case makes: fetch a record by id, or edit it with history."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from campdesk.i18n import N_, _

from campdesk.services.context import Context
from campdesk.services.errors import NotFound
from campdesk.store.audit import apply_changes

_NOT_FOUND = {
    "companies": N_("기업을 찾을 수 없습니다."),
    "contacts": N_("담당자를 찾을 수 없습니다."),
    "consultations": N_("상담 기록을 찾을 수 없습니다."),
    "staff": N_("직원을 찾을 수 없습니다."),
}


def get_or_raise(session: Session, model: type, row_id: str | None):
    obj = session.get(model, row_id) if row_id else None
    if obj is None:
        raise NotFound(_(_NOT_FOUND.get(model.__tablename__) or N_("기록을 찾을 수 없습니다.")))
    return obj


def edit_record(ctx: Context, model: type, row_id: str, changes: dict[str, Any]) -> list[str]:
    """Apply field changes in one transaction, logging each; returns the changed fields."""
    with ctx.db.transaction() as s:
        return apply_changes(s, get_or_raise(s, model, row_id), changes, ctx.staff_id)
