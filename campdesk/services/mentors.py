"""Use cases of the mentor pool: list, search, create, edit (with history), profile."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select

from campdesk.domain.dates import today_seoul
from campdesk.domain.hangul import search_pattern
from campdesk.domain.mentor_rules import MENTOR_FIELDS, clean_mentor
from campdesk.services.context import Context
from campdesk.services.errors import FormErrors
from campdesk.services.fields import clean_input, with_limits
from campdesk.services.records import edit_record, get_or_raise
from campdesk.store.audit import history
from campdesk.store.models import Company, Mentor, Mentoring, MentoringSession


@dataclass(frozen=True)
class MentorRow:
    id: str
    name: str
    fields: str            # comma-separated MENTOR_FIELD codes
    organisation: str | None
    expertise: str | None
    keywords: str | None
    phone: str | None
    email: str | None
    active: bool
    hours_this_year: float

    @property
    def field_codes(self) -> list[str]:
        return [c for c in self.fields.split(",") if c]

    @property
    def search_text(self) -> str:
        return " ".join(filter(None, (self.name, self.organisation, self.expertise,
                                      self.keywords, self.phone, self.email)))


@dataclass
class MentorProfile:
    id: str
    values: dict[str, Any]
    hours_this_year: float
    sessions_this_year: int
    companies: list[tuple[str, str, str]] = field(default_factory=list)  # (id, name, status)
    history: list[tuple[Any, str, str | None, str | None]] = field(default_factory=list)


def _sessions_year(year: int):
    ms = MentoringSession
    return (select(func.coalesce(ms.mentor_id, Mentoring.mentor_id).label("mentor_id"),
                   func.coalesce(func.sum(ms.duration_min), 0).label("minutes"),
                   func.count(ms.id).label("n"))
            .join(Mentoring, Mentoring.id == ms.mentoring_id)
            .where(ms.archived.is_(False), ms.held_on >= date(year, 1, 1),
                   ms.held_on <= date(year, 12, 31))
            .group_by(func.coalesce(ms.mentor_id, Mentoring.mentor_id)))


def list_mentors(ctx: Context, include_archived: bool = False,
                 year: int | None = None) -> list[MentorRow]:
    """The whole pool sorted by name, with the hours each gave this year."""
    year = year or today_seoul().year
    with ctx.db.reading() as s:
        hours = {mid: minutes / 60 for mid, minutes, _n in s.execute(_sessions_year(year))}
        stmt = select(Mentor.id, Mentor.name, Mentor.fields, Mentor.organisation, Mentor.expertise,
                      Mentor.keywords, Mentor.phone, Mentor.email, Mentor.active).order_by(Mentor.name)
        if not include_archived:
            stmt = stmt.where(Mentor.archived.is_(False))
        return [MentorRow(*r, hours_this_year=round(hours.get(r[0], 0.0), 2)) for r in s.execute(stmt)]


def filter_mentors(rows: list[MentorRow], query: str = "", field_code: str | None = None,
                   active: bool | None = None) -> list[MentorRow]:
    """Search as you type (초성 too) over name, organisation, expertise, keywords, contact;
    then by field and by whether the mentor is active."""
    pattern = search_pattern(query or "")
    out = []
    for r in rows:
        if field_code and field_code not in r.field_codes:
            continue
        if active is not None and r.active != active:
            continue
        if pattern is not None and not pattern.search(r.search_text):
            continue
        out.append(r)
    return out


def clean(raw: dict[str, Any], creating: bool) -> tuple[dict[str, Any], list]:
    values, errors = clean_mentor(clean_input(raw), creating)
    return values, with_limits("mentors", values, errors)


def create_mentor(ctx: Context, raw: dict[str, Any]) -> str:
    values, errors = clean(raw, creating=True)
    if errors:
        raise FormErrors(errors)
    with ctx.db.transaction() as s:
        mentor = Mentor(**values, updated_by=ctx.staff_id)
        s.add(mentor)
        s.flush()
        return mentor.id


def update_mentor(ctx: Context, mentor_id: str, raw: dict[str, Any]) -> list[str]:
    """Save edited fields; each change goes into the mentor's history. Returns them."""
    values, errors = clean(raw, creating=False)
    if errors:
        raise FormErrors(errors)
    return edit_record(ctx, Mentor, mentor_id, values)


def set_active(ctx: Context, mentor_id: str, active: bool) -> None:
    edit_record(ctx, Mentor, mentor_id, {"active": active})


def set_archived(ctx: Context, mentor_id: str, archived: bool = True) -> None:
    edit_record(ctx, Mentor, mentor_id, {"archived": archived})


def get_profile(ctx: Context, mentor_id: str, year: int | None = None) -> MentorProfile:
    """Everything the profile shows: the fields, this year's hours and sessions, the companies
    mentored (newest first) and the edit history."""
    year = year or today_seoul().year
    with ctx.db.reading() as s:
        mentor = get_or_raise(s, Mentor, mentor_id)
        values = {f: getattr(mentor, f) for f in MENTOR_FIELDS}
        minutes, n = 0, 0
        for mid, mins, count in s.execute(_sessions_year(year)):
            if mid == mentor_id:
                minutes, n = mins, count
        companies = [(cid, name, status) for cid, name, status in s.execute(
            select(Company.id, Company.name, Mentoring.status)
            .join(Mentoring, Mentoring.company_id == Company.id)
            .where(Mentoring.mentor_id == mentor_id, Mentoring.archived.is_(False))
            .order_by(Mentoring.starts_on.desc().nulls_last(), Company.name))]
        entries = [(e.changed_at, e.field, e.old_value, e.new_value)
                   for e in history(s, "mentors", mentor_id)]
    return MentorProfile(mentor_id, values, round(minutes / 60, 2), n, companies, entries)
