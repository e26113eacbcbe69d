"""Import the mentor pool from a spreadsheet; importing again updates, never duplicates.

A mentor is matched by e-mail, then by phone, then by name. Several fields may share one cell
(``기술개발, 재무·투자``), written as offices write them (``비즈니스모델``, ``창업 경영``, ``투자``).
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from campdesk.domain.mentor_rules import MENTOR_FIELDS
from campdesk.services.context import Context
from campdesk.services.staging import read_first
from campdesk.services.mentors import clean
from campdesk.services.tabular import ImportReport, Progress, Table, error_text, field_name
from campdesk.store.audit import apply_changes
from campdesk.store.models import Mentor

EXTRA_HEADERS: dict[str, list[str]] = {
    "name": ["성명", "멘토명", "멘토 이름", "멘토", "이름(성명)", "name", "mentor"],  # i18n: data
    "fields": ["분야", "멘토링분야", "멘토 분야", "자문분야", "자문 분야", "지원분야", "지원 분야",  # i18n: data
               "활동분야", "활동 분야", "구분", "field", "fields"],  # i18n: data
    "organisation": ["소속기관", "소속 기관", "기관", "기관명", "회사", "회사명", "직장", "소속(직위)",  # i18n: data
                     "organization", "organisation", "company"],
    "phone": ["연락처", "휴대폰", "핸드폰", "휴대전화", "전화", "휴대폰번호", "연락처(휴대폰)",  # i18n: data
              "mobile", "tel", "phone"],
    "email": ["메일", "e-mail", "이메일주소", "이메일 주소", "email"],  # i18n: data
    "expertise": ["전문분야", "세부분야", "세부 분야", "주요경력", "주요 경력", "경력", "전문성",  # i18n: data
                  "expertise"],
    "keywords": ["주요 키워드", "전문 키워드", "키워드(쉼표 구분)", "태그", "keywords", "tags"],  # i18n: data
    "availability": ["가능시간", "활동 가능 시간", "멘토링 가능 시간", "가능 요일", "가능일정",  # i18n: data
                     "availability"],
    "region": ["지역", "거주지", "활동지역", "활동 지역", "region"],  # i18n: data
    "active": ["활동여부", "활동 여부", "활동상태", "활동 상태", "참여여부", "참여 여부", "active"],  # i18n: data
    "notes": ["비고", "메모", "특이사항", "notes", "remarks"],  # i18n: data
}


def header_synonyms() -> dict[str, list[str]]:
    return {code: [ko, en, *EXTRA_HEADERS.get(code, [])] for code, (ko, en) in MENTOR_FIELDS.items()}


def _name_key(name: str | None) -> str:
    return "".join((name or "").split()).casefold()


def _phone_key(phone: str | None) -> str:
    return "".join(ch for ch in (phone or "").split("내선")[0] if ch.isdigit())  # i18n: data


def _differs(a: str | None, b: str | None) -> bool:
    return bool(a and b and a != b)


def _match(values: dict, by_email: dict, by_phone: dict, by_name: dict) -> Mentor | None:
    """The mentor a row is about: same e-mail, else same phone, else same name; a phone or
    name match whose e-mail (or phone) says another person is no match (two 김민수)."""
    email = (values.get("email") or "").casefold() or None
    phone = _phone_key(values.get("phone")) or None
    if email and email in by_email:
        return by_email[email]
    m = by_phone.get(phone) if phone else None
    if m is not None and not _differs(email, (m.email or "").casefold() or None):
        return m
    m = by_name.get(_name_key(values.get("name")))
    if m is not None and not _differs(email, (m.email or "").casefold() or None) \
            and not _differs(phone, _phone_key(m.phone) or None):
        return m
    return None


def import_mentors(ctx: Context, path: str | Path, progress: Progress | None = None) -> ImportReport:
    """Keep every valid row, explain every bad one, in one transaction, opened once the
    whole file is read (the app keeps saving meanwhile)."""
    report = ImportReport()
    with Table(Path(path), header_synonyms(), ("name",), report, progress) as table, \
            read_first(table) as rows, ctx.db.transaction() as s:
        by_email: dict[str, Mentor] = {}
        by_phone: dict[str, Mentor] = {}
        by_name: dict[str, Mentor] = {}

        def remember(m: Mentor) -> None:
            if m.email:
                by_email[m.email.casefold()] = m
            if _phone_key(m.phone):
                by_phone[_phone_key(m.phone)] = m
            by_name.setdefault(_name_key(m.name), m)

        for m in s.scalars(select(Mentor).where(Mentor.archived.is_(False))
                           .order_by(Mentor.created_at, Mentor.id)):
            remember(m)
        for row in rows:
            report.total += 1
            present = {k: v for k, v in row.values.items() if k in MENTOR_FIELDS}
            # A known mentor's row may leave cells blank; a new one needs a name and a field.
            values, errors = clean({**present, "name": present.get("name")}, creating=False)
            existing = None
            if not errors:
                existing = _match(values, by_email, by_phone, by_name)
                if existing is None:
                    values, errors = clean(present, creating=True)
            if errors:
                for e in errors:
                    column = row.columns.get(e.field) \
                        or field_name(MENTOR_FIELDS.get(e.field), e.field)
                    report.reject(row.number, column, error_text(e))
                continue
            if existing is None:
                mentor = Mentor(**values, updated_by=ctx.staff_id)
                s.add(mentor)
                s.flush()
                report.created += 1
            else:
                mentor = existing
                # Blank cells do not erase what staff already recorded.
                changes = {k: v for k, v in values.items()
                           if v not in (None, "") and (k in present or k == "field")}
                if apply_changes(s, mentor, changes, ctx.staff_id):
                    report.updated += 1
                else:
                    report.unchanged += 1
            remember(mentor)
    return report
