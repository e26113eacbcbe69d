"""Small helpers the outreach use cases share."""
from __future__ import annotations

from sqlalchemy import select

from campdesk.domain.errors import ValidationError
from campdesk.i18n import _
from campdesk.services.errors import FormErrors
from campdesk.store.models import Company, Contact


def active_companies(relationships: tuple[str, ...] | None = None):
    """A select of (id, name) of companies in the register (not archived, not merged)."""
    stmt = select(Company.id, Company.name).where(Company.archived.is_(False),
                                                  Company.merged_into.is_(None))
    if relationships:
        stmt = stmt.where(Company.relationship.in_(relationships))
    return stmt.order_by(Company.name)


def primary_contacts(s, company_ids: list[str]) -> dict[str, tuple[str, str | None]]:
    """company id → (contact name, phone) of its primary (else first) contact."""
    out: dict[str, tuple[str, str | None]] = {}
    if not company_ids:
        return out
    rows = s.execute(select(Contact.company_id, Contact.name, Contact.phone, Contact.is_primary)
                     .where(Contact.company_id.in_(company_ids), Contact.archived.is_(False))
                     .order_by(Contact.is_primary.desc(), Contact.created_at))
    for cid, name, phone, _primary in rows:
        out.setdefault(cid, (name, phone))
    return out


def require(values: dict, field: str, label: str, errors: list[ValidationError]) -> None:
    """``label`` is the field's name as shown (already translated)."""
    if not str(values.get(field) or "").strip():
        errors.append(ValidationError(field, _("{label}을(를) 입력해 주세요.").format(label=label)))


def raise_if(errors: list[ValidationError]) -> None:
    if errors:
        raise FormErrors(errors)
