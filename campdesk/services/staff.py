"""The people who use CampDesk or receive escalations."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from campdesk.domain.choices import STAFF_ROLE
from campdesk.domain.errors import ValidationError
from campdesk.domain.validation import require_text
from campdesk.i18n import _
from campdesk.services.context import Context
from campdesk.services.errors import FormErrors
from campdesk.services.fields import clean_text, with_limits
from campdesk.services.records import edit_record
from campdesk.store.models import Staff


@dataclass(frozen=True)
class StaffView:
    id: str
    name: str
    role: str
    organisation: str | None


def list_staff(ctx: Context, role: str | None = None) -> list[StaffView]:
    stmt = select(Staff.id, Staff.name, Staff.role, Staff.organisation) \
        .where(Staff.archived.is_(False)).order_by(Staff.name)
    if role:
        stmt = stmt.where(Staff.role == role)
    with ctx.db.reading() as s:
        return [StaffView(*r) for r in s.execute(stmt)]


def add_staff(ctx: Context, name: str, role: str = "onsite", organisation: str | None = None) -> str:
    try:
        name = require_text(clean_text(name or ""), "name", _("이름"), "name")
    except ValidationError as exc:
        raise FormErrors([exc]) from None
    organisation = clean_text(organisation) if organisation else organisation
    errors = with_limits("staff", {"name": name, "organisation": organisation}, [])
    if errors:
        raise FormErrors(errors)
    if role not in STAFF_ROLE:
        raise FormErrors([ValidationError("role", _("알 수 없는 역할입니다."))])
    with ctx.db.transaction() as s:
        person = Staff(name=name, role=role, organisation=organisation, updated_by=ctx.staff_id)
        s.add(person)
        s.flush()
        return person.id


def rename_staff(ctx: Context, staff_id: str, name: str) -> None:
    edit_record(ctx, Staff, staff_id, {"name": name.strip()})


def archive_staff(ctx: Context, staff_id: str) -> None:
    edit_record(ctx, Staff, staff_id, {"archived": True})
