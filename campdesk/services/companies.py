"""Use cases of the company register: create, edit, archive, find, contacts, duplicates."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select

from campdesk.domain.choices import OPEN_OUTCOMES
from campdesk.domain.company_rules import COMPANY_FIELDS, clean_company
from campdesk.domain.errors import ValidationError
from campdesk.domain.hangul import search_pattern
from campdesk.domain.similarity import similar_names
from campdesk.i18n import _
from campdesk.domain.validation import (
    normalise_company_name, parse_business_no, parse_email, parse_phone, require_text,
)
from campdesk.services.context import Context
from campdesk.services.errors import FormErrors, NotFound
from campdesk.services.fields import clean_input, max_length, with_limits
from campdesk.services.records import edit_record, get_or_raise
from campdesk.store.audit import apply_changes
from campdesk.store.models import Company, Consultation, Contact


@dataclass(frozen=True)
class CompanyRow:
    """One line of the register: what the table and search need, nothing more."""

    id: str
    name: str
    name_en: str | None
    relationship: str
    business_no: str | None
    representative: str | None
    phone: str | None
    ai_fields: str
    open_follow_ups: int
    archived: bool

    @property
    def search_text(self) -> str:
        return " ".join(filter(None, (self.name, self.name_en, self.business_no,
                                      self.representative, self.phone)))


@dataclass(frozen=True)
class ContactView:
    id: str
    name: str
    title: str | None
    phone: str | None
    email: str | None
    is_primary: bool


@dataclass
class CompanyDetail:
    id: str
    values: dict[str, Any]
    contacts: list[ContactView] = field(default_factory=list)
    archived: bool = False
    merged_into: str | None = None


def _row_query():
    open_count = (select(func.count(Consultation.id))
                  .where(Consultation.company_id == Company.id,
                         Consultation.outcome.in_(OPEN_OUTCOMES),
                         Consultation.closed_at.is_(None), Consultation.archived.is_(False))
                  .correlate(Company).scalar_subquery())
    return select(Company.id, Company.name, Company.name_en, Company.relationship,
                  Company.business_no, Company.representative, Company.phone,
                  Company.ai_fields, open_count, Company.archived)


def list_companies(ctx: Context, include_archived: bool = False) -> list[CompanyRow]:
    """The whole register, sorted by name (2,000 rows load in a few milliseconds)."""
    stmt = _row_query().where(Company.merged_into.is_(None)).order_by(Company.name)
    if not include_archived:
        stmt = stmt.where(Company.archived.is_(False))
    with ctx.db.reading() as s:
        return [CompanyRow(*r) for r in s.execute(stmt)]


def get_row(ctx: Context, company_id: str) -> CompanyRow:
    with ctx.db.reading() as s:
        r = s.execute(_row_query().where(Company.id == company_id)).first()
    if r is None:
        raise NotFound(_("기업을 찾을 수 없습니다."))
    return CompanyRow(*r)


@dataclass(frozen=True)
class CompanyMatch:
    """A company found by a search, and the field that matched: ``"name"`` when its name
    did, else the first other field that did (``value`` is that field's text), or None
    when only the fields together did."""

    row: CompanyRow
    field: str | None
    value: str | None = None


# After the name, in this order: the field a match on its own is shown as.
MATCH_FIELDS = ("name_en", "representative", "business_no", "phone")


def rank_rows(rows: list[CompanyRow], query: str) -> list[CompanyMatch]:
    """Search as you type, best first: names that start with the query, then names that
    hold it, then the other fields (``MATCH_FIELDS``); the rows' order within each.
    A row matches when ``search_text`` does (the companies page's filter)."""
    pattern = search_pattern(query)
    if pattern is None:
        return [CompanyMatch(r, None) for r in rows]
    ranked: list[tuple[int, CompanyMatch]] = []
    for r in rows:
        if not pattern.search(r.search_text):
            continue
        if pattern.match(r.name):
            ranked.append((0, CompanyMatch(r, "name", r.name)))
        elif pattern.search(r.name):
            ranked.append((1, CompanyMatch(r, "name", r.name)))
        else:
            for rank, name in enumerate(MATCH_FIELDS, start=2):
                value = getattr(r, name)
                if value and pattern.search(value):
                    ranked.append((rank, CompanyMatch(r, name, value)))
                    break
            else:
                ranked.append((2 + len(MATCH_FIELDS), CompanyMatch(r, None)))
    ranked.sort(key=lambda pair: pair[0])  # stable: the rows' own order within a rank
    return [m for _, m in ranked]


def filter_rows(rows: list[CompanyRow], query: str) -> list[CompanyRow]:
    """Search as you type: name, English name, business no, representative, phone; 초성
    too; names that start with the query first (``rank_rows``)."""
    if search_pattern(query) is None:
        return rows
    return [m.row for m in rank_rows(rows, query)]


def search_companies(ctx: Context, query: str, limit: int = 20) -> list[CompanyRow]:
    return filter_rows(list_companies(ctx), query)[:limit]


def _detail(s, company: Company) -> CompanyDetail:
    values = {f: getattr(company, f) for f in COMPANY_FIELDS}
    contacts = [ContactView(c.id, c.name, c.title, c.phone, c.email, c.is_primary)
                for c in s.scalars(select(Contact).where(Contact.company_id == company.id,
                                                         Contact.archived.is_(False))
                                   .order_by(Contact.is_primary.desc(), Contact.name))]
    return CompanyDetail(company.id, values, contacts, company.archived, company.merged_into)


def get_company(ctx: Context, company_id: str) -> CompanyDetail:
    with ctx.db.reading() as s:
        return _detail(s, get_or_raise(s, Company, company_id))


def find_duplicates(ctx: Context, name: str | None = None, business_no: str | None = None,
                    exclude_id: str | None = None) -> list[CompanyRow]:
    """Existing companies with the same business number or the same normalised name, then
    those whose name is probably the same one typed differently (see domain.similarity)."""
    exact = _exact_duplicates(ctx, name, business_no, exclude_id)
    norm = normalise_company_name(name)
    if not norm:
        return exact
    seen = {r.id for r in exact} | {exclude_id}
    with ctx.db.reading() as s:
        names = s.execute(select(Company.id, Company.name_norm).where(
            Company.merged_into.is_(None), Company.archived.is_(False))).all()
        alike = [i for i in similar_names(norm, names) if i not in seen]
        if not alike:
            return exact
        rows = {r[0]: CompanyRow(*r) for r in s.execute(_row_query().where(Company.id.in_(alike)))}
    return exact + [rows[i] for i in alike if i in rows]


def _exact_duplicates(ctx: Context, name: str | None, business_no: str | None,
                      exclude_id: str | None) -> list[CompanyRow]:
    conditions = []
    if business_no:
        try:
            canonical = parse_business_no(business_no)
        except ValidationError:
            canonical = None
        if canonical:
            conditions.append(Company.business_no == canonical)
    norm = normalise_company_name(name)
    if norm:
        conditions.append(Company.name_norm == norm)
    if not conditions:
        return []
    stmt = _row_query().where(or_(*conditions), Company.merged_into.is_(None))
    if exclude_id:
        stmt = stmt.where(Company.id != exclude_id)
    with ctx.db.reading() as s:
        return [CompanyRow(*r) for r in s.execute(stmt)]


def clean(raw: dict[str, Any], creating: bool) -> tuple[dict[str, Any], list[ValidationError]]:
    """Canonical values and every problem: the company rules, then what the hub can store
    (text cleaned of control characters first)."""
    values, errors = clean_company(clean_input(raw), creating)
    if values.get("name_norm"):  # casefolding may lengthen a name ("ß" → "ss")
        values["name_norm"] = values["name_norm"][:max_length("companies", "name_norm")]
    return values, with_limits("companies", values, errors)


def create_company(ctx: Context, raw: dict[str, Any]) -> str:
    """Validate and save a new company; returns its id. Raises FormErrors naming fields."""
    values, errors = clean(raw, creating=True)
    if errors:
        raise FormErrors(errors)
    with ctx.db.transaction() as s:
        company = Company(**values, updated_by=ctx.staff_id)
        s.add(company)
        s.flush()
        return company.id


def update_company(ctx: Context, company_id: str, raw: dict[str, Any]) -> list[str]:
    """Save edited fields (with history); returns the names of fields that changed."""
    values, errors = clean(raw, creating=False)
    if errors:
        raise FormErrors(errors)
    return edit_record(ctx, Company, company_id, values)


def set_archived(ctx: Context, company_id: str, archived: bool = True) -> None:
    edit_record(ctx, Company, company_id, {"archived": archived})


def _contact_values(name: str | None, title: str | None, phone: str | None,
                    email: str | None) -> dict[str, Any]:
    """A contact's fields checked and normalised; every wrong field reported at once."""
    raw = clean_input({"name": name, "title": title, "phone": phone, "email": email})
    errors, values = [], {"title": (raw["title"] or "").strip() or None}
    for key, fn in (("name", lambda: require_text(raw["name"], "name", _("이름"), "name")),
                    ("phone", lambda: parse_phone(raw["phone"])),
                    ("email", lambda: parse_email(raw["email"]))):
        try:
            values[key] = fn()
        except ValidationError as exc:
            errors.append(exc)
    errors = with_limits("contacts", values, errors)
    if errors:
        raise FormErrors(errors)
    return values


def add_contact(ctx: Context, company_id: str, name: str, title: str | None = None,
                phone: str | None = None, email: str | None = None,
                is_primary: bool = False) -> str:
    values = _contact_values(name, title, phone, email)
    with ctx.db.transaction() as s:
        get_or_raise(s, Company, company_id)
        contact = Contact(company_id=company_id, is_primary=is_primary,
                          updated_by=ctx.staff_id, **values)
        s.add(contact)
        s.flush()
        return contact.id


def update_contact(ctx: Context, contact_id: str, name: str, title: str | None = None,
                   phone: str | None = None, email: str | None = None) -> list[str]:
    """Correct a contact; each changed field goes into the history. Returns the fields."""
    return edit_record(ctx, Contact, contact_id, _contact_values(name, title, phone, email))


def make_primary_contact(ctx: Context, contact_id: str) -> None:
    """The company's main contact (★) becomes this one, and only this one."""
    with ctx.db.transaction() as s:
        contact = get_or_raise(s, Contact, contact_id)
        others = s.scalars(select(Contact).where(Contact.company_id == contact.company_id,
                                                 Contact.is_primary.is_(True),
                                                 Contact.id != contact.id))
        for other in others:
            apply_changes(s, other, {"is_primary": False}, ctx.staff_id)
        apply_changes(s, contact, {"is_primary": True}, ctx.staff_id)


def archive_contact(ctx: Context, contact_id: str) -> None:
    edit_record(ctx, Contact, contact_id, {"archived": True})


def count_by_relationship(ctx: Context) -> dict[str, int]:
    stmt = (select(Company.relationship, func.count()).where(Company.archived.is_(False),
            Company.merged_into.is_(None)).group_by(Company.relationship))
    with ctx.db.reading() as s:
        return dict(s.execute(stmt).all())


def check_new(ctx: Context, raw: dict[str, Any]) -> list[CompanyRow]:
    """Before creating: raise FormErrors for bad fields, else return likely duplicates
    (same business number or normalised name) so the user can open the existing one."""
    values, errors = clean(raw, creating=True)
    if errors:
        raise FormErrors(errors)
    return find_duplicates(ctx, values.get("name"), values.get("business_no"))
