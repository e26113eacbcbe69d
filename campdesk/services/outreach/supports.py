"""The partner agencies, their programmes, the supports companies received, and the
duplicate-support check the agencies' monthly council is for."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from campdesk.domain.choices import CATEGORY
from campdesk.domain.dates import parse_date
from campdesk.domain.errors import ValidationError
from campdesk.domain.ids import natural_id
from campdesk.domain.outreach import SUPPORT_KIND, parse_amount
from campdesk.domain.support_overlap import SupportEntry, find_overlaps, names_alike
from campdesk.domain.validation import normalise_company_name, parse_business_no
from campdesk.i18n import _, current_language, ngettext
from campdesk.services.context import Context
from campdesk.services.fields import clean_input, with_limits
from campdesk.services.outreach.common import raise_if, require
from campdesk.services.records import get_or_raise
from campdesk.store.audit import apply_changes
from campdesk.store.models import Agency, Company, Programme, ProgrammeSupport

# The five agencies that meet monthly (name, short name as offices write it, English name):
# stored as they are, names of real bodies (data, not texts to translate).
KNOWN_AGENCIES = [
    ("광주테크노파크 인공지능종합지원센터", "광주TP AI센터", "Gwangju Technopark AI Support Center"),  # i18n: data
    ("인공지능산업융합사업단", "AI융합사업단", "AI Industry Convergence Agency"),  # i18n: data
    ("광주정보문화산업진흥원", "광주정보문화진흥원", "Gwangju Information & Culture Industry Promotion Agency"),  # i18n: data
    ("광주창조경제혁신센터", "광주창경센터", "Gwangju Center for Creative Economy & Innovation"),  # i18n: data
    ("광주경제고용진흥원", "광주경제고용진흥원", "Gwangju Economy & Employment Promotion Agency"),  # i18n: data
]
# Other ways offices write them.
_AGENCY_ALIASES = {
    "광주테크노파크": 0, "광주tp": 0, "tp": 0, "인공지능종합지원센터": 0, "ai종합지원센터": 0,  # i18n: data
    "aica": 1, "인공지능산업융합사업단": 1, "사업단": 1,  # i18n: data
    "정보문화산업진흥원": 2, "gicon": 2, "광주정보문화산업진흥원": 2,  # i18n: data
    "창조경제혁신센터": 3, "광주창조경제혁신센터": 3, "ccei": 3,  # i18n: data
    "경제고용진흥원": 4, "광주경제고용진흥원": 4,  # i18n: data
}
FUNDING_CATEGORY = "funding"  # consultations of this category are checked for duplicates


@dataclass(frozen=True)
class AgencyRow:
    id: str
    name: str
    short_name: str | None


@dataclass(frozen=True)
class SupportRow:
    id: str
    agency_id: str | None
    agency: str
    programme_id: str
    programme: str
    kind: str
    company_id: str | None
    company: str          # the register's name, else as the agency wrote it
    business_no: str | None
    starts_on: date | None
    ends_on: date | None
    amount_krw: int | None
    notes: str | None

    @property
    def matched(self) -> bool:
        return self.company_id is not None


@dataclass(frozen=True)
class Overlap:
    company: str
    company_id: str | None
    kind: str
    first: SupportRow
    second: SupportRow

    @property
    def agencies(self) -> str:
        return f"{self.first.agency} / {self.second.agency}"

    @property
    def programmes(self) -> str:
        return f"{self.first.programme} / {self.second.programme}"

    @property
    def overlap_from(self) -> date:
        return max(self.first.starts_on, self.second.starts_on)


def _fold(text: str) -> str:
    return normalise_company_name(text).replace("광역시", "")  # i18n: data


def ensure_agencies(ctx: Context) -> None:
    """The five agencies, each with an id from its name: two PCs adding them make one row."""
    with ctx.db.transaction() as s:
        ensure_agencies_in(s, ctx)


def ensure_agencies_in(s, ctx: Context) -> None:
    """:func:`ensure_agencies` inside the caller's transaction."""
    have = [_fold(n) for n in s.scalars(select(Agency.name))]
    for name, short, en in KNOWN_AGENCIES:
        known = _fold(name)
        # "광주테크노파크" typed before is the same agency as its centre's full name.
        if any(h and (h in known or known in h) for h in have):
            continue
        aid = natural_id("agency", name)
        if s.get(Agency, aid) is None:
            s.add(Agency(id=aid, name=name, short_name=short, name_en=en, updated_by=ctx.staff_id))
    s.flush()


def agencies_in(s) -> list[AgencyRow]:
    return [AgencyRow(*r) for r in s.execute(
        select(Agency.id, Agency.name, Agency.short_name).where(Agency.archived.is_(False))
        .order_by(Agency.created_at, Agency.name))]


def list_agencies(ctx: Context) -> list[AgencyRow]:
    with ctx.db.reading() as s:
        return agencies_in(s)


def find_agency(agencies: list[AgencyRow], text: str) -> AgencyRow | None:
    """An agency by its name, short name or a usual other name ("광주TP", "창경센터")."""
    key = _fold(text)
    if not key:
        return None
    for a in agencies:
        if key in (_fold(a.name), _fold(a.short_name or "")):
            return a
    known = _AGENCY_ALIASES.get(key)
    if known is None:
        known = next((i for i, (name, short, _en) in enumerate(KNOWN_AGENCIES)
                      if key in _fold(name) and len(key) >= 4), None)
    if known is not None:
        name = KNOWN_AGENCIES[known][0]
        return next((a for a in agencies if _fold(a.name) == _fold(name)), None)
    return next((a for a in agencies if len(key) >= 4 and key in _fold(a.name)), None)


def programme_id_for(agency_id: str, name: str, year: int | None) -> str:
    return natural_id("programme", agency_id, normalise_company_name(name), year or "")


def ensure_programme(s, ctx: Context, agency_id: str, name: str, kind: str | None,
                     year: int | None) -> str:
    """The agency's programme of that name (and year), made when new."""
    pid = programme_id_for(agency_id, name, year)
    norm = normalise_company_name(name)
    for existing_id, existing_name, existing_year in s.execute(
            select(Programme.id, Programme.name, Programme.year).where(Programme.agency_id == agency_id)):
        if normalise_company_name(existing_name) == norm and (existing_year or None) == (year or None):
            return existing_id
    if s.get(Programme, pid) is None:
        s.add(Programme(id=pid, agency_id=agency_id, name=name, year=year, kind=kind,
                        updated_by=ctx.staff_id))
        s.flush()
    return pid


SUPPORT_FIELDS = ("agency_id", "programme", "kind", "company_id", "company_name", "business_no",
                  "starts_on", "ends_on", "amount_krw", "notes")


def clean_support(raw: dict[str, Any]) -> tuple[dict[str, Any], list[ValidationError]]:
    """Check a support as typed or as a row of an agency's list."""
    values = clean_input({k: v for k, v in raw.items() if k in SUPPORT_FIELDS})
    errors: list[ValidationError] = []
    require(values, "programme", _("사업명"), errors)
    if not values.get("company_id"):
        require(values, "company_name", _("기업명"), errors)
    if values.get("kind") not in (None, ""):
        choice = SUPPORT_KIND.parse(str(values["kind"]))
        if choice is None:
            labels = ", ".join(c.label(current_language()) for c in SUPPORT_KIND)
            errors.append(ValidationError("kind", _("지원 유형을 알 수 없습니다: {value} ({known} 중 하나)")
                                          .format(value=values["kind"], known=labels)))
        else:
            values["kind"] = choice.code
    else:
        values["kind"] = None
    try:
        values["business_no"] = parse_business_no(values.get("business_no"))
    except ValidationError as exc:
        errors.append(exc)
        values["business_no"] = None
    for field in ("starts_on", "ends_on"):
        try:
            values[field] = parse_date(values.get(field), field)
        except ValidationError as exc:
            errors.append(exc)
            values[field] = None
    if values.get("starts_on") and values.get("ends_on") and values["ends_on"] < values["starts_on"]:
        errors.append(ValidationError("ends_on", _("종료일이 시작일보다 앞섭니다.")))
    try:
        values["amount_krw"] = parse_amount(values.get("amount_krw"))
    except ValueError:
        errors.append(ValidationError("amount_krw", _("지원 금액은 50,000,000처럼 숫자로 입력해 주세요 "
                                                      "(입력: {value}).").format(value=values.get("amount_krw"))))
    errors = with_limits("programme_supports",
                         {k: v for k, v in values.items() if k not in ("programme", "agency_id")}, errors)
    return values, errors


def support_id_for(programme_id: str, company_key: str, starts_on: date | None) -> str:
    """A support's id from what it is: importing the same list again updates, never adds."""
    return natural_id("support", programme_id, company_key, starts_on or "")


def match_company(s, business_no: str | None, name: str | None) -> str | None:
    """The register's company: by business number, then by normalised name."""
    live = (Company.archived.is_(False), Company.merged_into.is_(None))
    if business_no:
        cid = s.scalar(select(Company.id).where(Company.business_no == business_no, *live)
                       .order_by(Company.created_at).limit(1))
        if cid:
            return cid
    norm = normalise_company_name(name)
    if norm:
        return s.scalar(select(Company.id).where(Company.name_norm == norm, *live)
                        .order_by(Company.created_at).limit(1))
    return None


def save_support(ctx: Context, raw: dict[str, Any], support_id: str | None = None) -> str:
    """Record (or change) a support typed in: agency, programme (made when new), kind,
    company (or its name and business number as written), dates and amount."""
    values, errors = clean_support(raw)
    if not values.get("agency_id"):
        errors.append(ValidationError("agency_id", _("기관을 선택해 주세요.")))
    raise_if(errors)
    with ctx.db.transaction() as s:
        get_or_raise(s, Agency, values["agency_id"])
        if values.get("company_id"):
            company = get_or_raise(s, Company, values["company_id"])
            values["company_name"] = values.get("company_name") or company.name
        else:
            values["company_id"] = match_company(s, values.get("business_no"), values.get("company_name"))
        year = values["starts_on"].year if values.get("starts_on") else None
        pid = ensure_programme(s, ctx, values["agency_id"], values["programme"], values["kind"], year)
        fields = {"company_id": values["company_id"], "programme_id": pid, "kind": values["kind"],
                  "starts_on": values["starts_on"], "ends_on": values["ends_on"],
                  "granted_on": values["starts_on"], "amount_krw": values["amount_krw"],
                  "business_no": values["business_no"], "company_name": values.get("company_name"),
                  "notes": values.get("notes")}
        if support_id:
            apply_changes(s, get_or_raise(s, ProgrammeSupport, support_id), fields, ctx.staff_id)
            return support_id
        key = values["business_no"] or values["company_id"] or normalise_company_name(values["company_name"])
        sid = support_id_for(pid, key, values["starts_on"])
        existing = s.get(ProgrammeSupport, sid)
        if existing is not None:
            apply_changes(s, existing, {**fields, "archived": False}, ctx.staff_id)
        else:
            s.add(ProgrammeSupport(id=sid, updated_by=ctx.staff_id, **fields))
        return sid


def archive_support(ctx: Context, support_id: str) -> None:
    with ctx.db.transaction() as s:
        apply_changes(s, get_or_raise(s, ProgrammeSupport, support_id), {"archived": True}, ctx.staff_id)


def _support_rows(s, company_id: str | None = None) -> list[SupportRow]:
    p, a, c, ps = Programme, Agency, Company, ProgrammeSupport
    stmt = (select(ps.id, p.agency_id, a.name, a.short_name, p.id, p.name, ps.kind, p.kind,
                   ps.company_id, c.name, ps.company_name, ps.business_no, c.business_no,
                   ps.starts_on, ps.granted_on, ps.ends_on, ps.amount_krw, ps.notes)
            .join(p, p.id == ps.programme_id)
            .outerjoin(a, a.id == p.agency_id)
            .outerjoin(c, c.id == ps.company_id)
            .where(ps.archived.is_(False)))
    if company_id:
        stmt = stmt.where(ps.company_id == company_id)
    out = []
    for (sid, aid, agency, short, pid, programme, kind, pkind, cid, cname, written, no, cno,
         starts, granted, ends, amount, notes) in s.execute(stmt):
        out.append(SupportRow(sid, aid, short or agency or "-", pid, programme, kind or pkind or "other",
                              cid, cname or written or "-", no or cno, starts or granted, ends,
                              amount, notes))
    return sorted(out, key=lambda r: (r.starts_on or date.min, r.agency, r.company), reverse=True)


def list_supports(ctx: Context, company_id: str | None = None) -> list[SupportRow]:
    """Supports, newest first; those of one company when given."""
    with ctx.db.reading() as s:
        return _support_rows(s, company_id)


def _entry(r: SupportRow, norms: dict[str, str]) -> SupportEntry:
    return SupportEntry(r.id, r.agency_id, r.kind, r.starts_on, r.ends_on, r.company_id,
                        (r.business_no or "").replace("-", "") or None,
                        norms.get(r.company_id or "") or normalise_company_name(r.company))


def overlaps(ctx: Context, company_id: str | None = None) -> list[Overlap]:
    """Every duplicate support (same kind, two agencies, overlapping dates, one company);
    those involving one registered company when given."""
    with ctx.db.reading() as s:
        rows = _support_rows(s)
        norms = dict(s.execute(select(Company.id, Company.name_norm)).all())
    by_id = {r.id: r for r in rows}
    found = []
    for a, b in find_overlaps([_entry(r, norms) for r in rows]):
        first, second = sorted((by_id[a.id], by_id[b.id]), key=lambda r: (r.starts_on, r.agency))
        cid = first.company_id or second.company_id
        if company_id and cid != company_id and not _same_named(company_id, first, second, norms):
            continue
        name = first.company if first.company_id else second.company
        found.append(Overlap(name, cid, first.kind, first, second))
    return sorted(found, key=lambda o: (o.company, o.overlap_from))


def _same_named(company_id: str, a: SupportRow, b: SupportRow, norms: dict[str, str]) -> bool:
    norm = norms.get(company_id, "")
    return any(names_alike(norm, normalise_company_name(r.company)) for r in (a, b) if not r.company_id)


def company_warning(ctx: Context, company_id: str) -> str | None:
    """The line the company page and the consultation dialog show, or None."""
    found = overlaps(ctx, company_id)
    if not found:
        return None
    lang = current_language()
    parts = [f"{SUPPORT_KIND.label(o.kind, lang)}: {o.agencies} ({o.first.starts_on:%Y.%m}~)" for o in found[:3]]
    text = _("중복 지원 주의 — 같은 유형의 지원을 두 기관에서 겹치는 기간에 받았습니다: {supports}").format(
        supports="; ".join(parts))
    if len(found) > 3:
        n = len(found) - 3
        text += ngettext(" 외 {n}건", " 외 {n}건", n).format(n=n)
    return text


def funding_warning(ctx: Context, company_id: str | None, category: str | None) -> str | None:
    """The duplicate-support warning when a funding consultation is logged for the company."""
    if not company_id or CATEGORY.parse(category or "") is None \
            or CATEGORY.parse(category).code != FUNDING_CATEGORY:
        return None
    return company_warning(ctx, company_id)
