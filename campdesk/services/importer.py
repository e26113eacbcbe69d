"""Import the company register from a spreadsheet; importing again updates, never duplicates."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from campdesk.domain.company_rules import COMPANY_FIELDS
from campdesk.domain.ids import new_id
from campdesk.services.companies import clean
from campdesk.services.context import Context
from campdesk.services.staging import Staged
from campdesk.services.tabular import ImportReport, Progress, Table
from campdesk.store.audit import apply_changes
from campdesk.store.models import Company

EXTRA_HEADERS: dict[str, list[str]] = {
    "name": ["회사명", "업체명", "상호", "상호명", "기업 이름", "법인명", "company", "name"],  # i18n: data
    "name_en": ["영문 기업명", "영문상호", "english name", "name (en)"],  # i18n: data
    "relationship": ["구분", "기업구분", "유형", "관계", "type", "status"],  # i18n: data
    "business_no": ["사업자번호", "사업자 등록번호", "사업자등록 번호", "사업자no", "brn",  # i18n: data
                    "business no", "business number", "business registration number"],
    "corporate_no": ["법인번호", "법인 등록번호", "corporate no"],  # i18n: data
    "representative": ["대표", "대표자명", "대표이사", "대표자 성명", "ceo", "representative"],  # i18n: data
    "phone": ["연락처", "전화", "대표전화", "대표번호", "tel", "telephone", "phone number"],  # i18n: data
    "email": ["메일", "e-mail", "이메일주소", "email"],  # i18n: data
    "address": ["소재지", "사업장 주소", "사업장주소", "본사 주소", "address"],  # i18n: data
    "website": ["웹사이트", "홈페이지 주소", "url", "website", "homepage"],  # i18n: data
    "gwangju_presence": ["광주소재", "광주 소재 여부", "소재 형태", "gwangju"],  # i18n: data
    "mou_date": ["MOU체결일", "협약일", "MOU 일자", "mou date"],  # i18n: data
    "ai_fields": ["분야", "AI분야", "기술분야", "주력분야", "ai field", "fields"],  # i18n: data
    "employees": ["직원수", "종업원수", "임직원 수", "임직원수", "인원", "employees", "headcount"],  # i18n: data
    "founded_on": ["설립일자", "창립일", "설립연월일", "founded", "founding date"],  # i18n: data
    "notes": ["비고", "메모", "특이사항", "notes", "remarks"],  # i18n: data
}


def header_synonyms() -> dict[str, list[str]]:
    return {code: [ko, en, *EXTRA_HEADERS.get(code, [])] for code, (ko, en) in COMPANY_FIELDS.items()}


FLUSH_EVERY = 1000  # rows written and let go together: memory stays flat on large files


def import_companies(ctx: Context, path: str | Path, progress: Progress | None = None
                     ) -> ImportReport:
    """Keep every valid row, explain every bad one; match existing companies by business
    number, then by normalised name, and update them instead of adding duplicates.

    The file is read and checked first, without SQLite's write lock (the app keeps saving
    meanwhile), then written in one short transaction: a file that turns out unreadable
    half-way, or a cancelled import (``progress`` raises
    :class:`~campdesk.services.tabular.Cancelled`), changes nothing.
    """
    report = ImportReport()
    with Table(Path(path), header_synonyms(), ("name",), report, progress) as table, \
            Staged() as staged:
        in_file = set(table.columns.values())
        for row in table:
            report.total += 1
            values, errors = clean(row.values, creating=True)
            if errors:
                for e in errors:
                    report.reject_error(row.number, row.columns.get(e.field), e, "companies")
                continue
            staged.append(values)
        _write(ctx, staged, in_file, report)
    return report


def _write(ctx: Context, staged: Staged, in_file: set[str], report: ImportReport) -> None:
    """The checked rows into the database, in one transaction."""
    with ctx.db.transaction() as s:
        by_no: dict[str, str] = {}    # business number → company id
        by_name: dict[str, str] = {}  # normalised name → company id
        for cid, no, norm in s.execute(select(Company.id, Company.business_no, Company.name_norm)
                                       .where(Company.merged_into.is_(None))
                                       .order_by(Company.created_at, Company.id)):
            if no:
                by_no.setdefault(no, cid)
            by_name.setdefault(norm, cid)
        batch: dict[str, Company] = {}  # companies added or changed since the last flush

        def existing(values: dict) -> str | None:
            return (by_no.get(values["business_no"]) if values.get("business_no") else None) \
                or by_name.get(values["name_norm"])

        for chunk in staged.chunks():
            # the companies these rows update, read in one query rather than one a row
            wanted = {cid for values in chunk if (cid := existing(values)) and cid not in batch}
            loaded = {c.id: c for c in s.scalars(select(Company).where(Company.id.in_(wanted)))} \
                if wanted else {}
            for values in chunk:
                existing_id = existing(values)  # a row above, in this chunk, may have added it
                if existing_id is None:
                    company = Company(**values, id=new_id(), updated_by=ctx.staff_id)
                    s.add(company)
                    report.created += 1
                else:
                    company = batch.get(existing_id) or loaded.get(existing_id) \
                        or s.get(Company, existing_id)
                    # Blank cells do not erase what staff already recorded.
                    changes = {k: v for k, v in values.items()
                               if v not in (None, "") and k in in_file}
                    if "name" in changes:
                        changes["name_norm"] = values["name_norm"]
                    if apply_changes(s, company, changes, ctx.staff_id):
                        report.updated += 1
                    else:
                        report.unchanged += 1
                batch[company.id] = company
                if company.business_no:
                    by_no[company.business_no] = company.id
                by_name[company.name_norm] = company.id
            if len(batch) >= FLUSH_EVERY:  # between chunks: no company of a chunk let go early
                s.flush()
                s.expunge_all()
                batch.clear()
