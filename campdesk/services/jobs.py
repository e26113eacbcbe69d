"""Job matching: job seekers (with their consent to share), openings posted by tenant
companies, and matches 소개 → 면접 → 채용 / 불발.

A job seeker who has not consented to share their data is never shown to a company: they are
left out of every suggestion for an opening and cannot be introduced (matched) to one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from campdesk.domain.choices import MATCH_STATUS, OPENING_STATUS, SEEKER_STATUS
from campdesk.domain.dates import parse_date, today_seoul
from campdesk.domain.errors import ValidationError
from campdesk.domain.mentor_rules import parse_flag, split_keywords
from campdesk.domain.validation import parse_email, parse_phone
from campdesk.i18n import _, current_language
from campdesk.services.context import Context
from campdesk.services.errors import FormErrors, UserError
from campdesk.services.fields import clean_input, with_limits
from campdesk.services.records import get_or_raise
from campdesk.store.audit import apply_changes
from campdesk.store.models import Company, JobMatch, JobOpening, JobSeeker


@dataclass(frozen=True)
class SeekerRow:
    id: str
    name: str
    phone: str | None
    email: str | None
    skills: str | None
    desired_role: str | None
    status: str
    consent: bool
    consent_on: date | None


@dataclass(frozen=True)
class OpeningRow:
    id: str
    company_id: str
    company: str
    role: str
    skills: str | None
    headcount: int
    deadline: date | None
    status: str
    matches: int


@dataclass(frozen=True)
class MatchRow:
    id: str
    company_id: str
    company: str
    job_seeker_id: str
    seeker: str
    opening_id: str | None
    position: str | None
    status: str
    matched_on: date | None
    interview_on: date | None
    decided_on: date | None


@dataclass(frozen=True)
class Candidate:
    """A consenting job seeker for an opening (or an opening for a seeker), and why."""

    id: str
    name: str
    score: float
    reason: str


def _text(v: Any) -> str | None:
    if v is None:
        return None
    t = str(v).strip()
    return t or None


def _collect(checks) -> tuple[dict, list[ValidationError]]:
    values, errors = {}, []
    for key, fn in checks:
        try:
            values[key] = fn()
        except ValidationError as exc:
            exc.field = key
            errors.append(exc)
    return values, errors


def _choice(vocab, value, field_name, label):
    """``label``: the field's name as shown (already translated)."""
    c = vocab.parse(str(value))
    if c is None:
        lang = current_language()
        raise ValidationError(field_name, _("{label} '{value}'을(를) 알 수 없습니다: {known}").format(
            label=label, value=value, known=", ".join(x.label(lang) for x in vocab)))
    return c.code


# --- job seekers --------------------------------------------------------------------------

def _seeker_values(raw: dict[str, Any]) -> dict[str, Any]:
    raw = clean_input(raw)

    def name():
        n = _text(raw.get("name"))
        if not n:
            raise ValidationError("name", _("이름을 입력해 주세요."))
        return n

    values, errors = _collect([
        ("name", name), ("phone", lambda: parse_phone(raw.get("phone"))),
        ("email", lambda: parse_email(raw.get("email"))),
        ("skills", lambda: ", ".join(split_keywords(raw.get("skills"))) or None),
        ("desired_role", lambda: _text(raw.get("desired_role"))),
        ("notes", lambda: _text(raw.get("notes"))),
        ("status", lambda: _choice(SEEKER_STATUS, raw.get("status") or "seeking", "status", _("상태"))),
        ("consent", lambda: bool(parse_flag(raw.get("consent"), "consent", _("정보 제공 동의"), "Consent"))),
        ("consent_on", lambda: parse_date(raw.get("consent_on"), "consent_on")),
    ])
    if values.get("consent") and not values.get("consent_on"):
        values["consent_on"] = today_seoul()
    if "consent" in values and not values["consent"]:
        values["consent_on"] = None
    errors = with_limits("job_seekers", values, errors)
    if errors:
        raise FormErrors(errors)
    return values


def create_seeker(ctx: Context, raw: dict[str, Any]) -> str:
    values = _seeker_values(raw)
    with ctx.db.transaction() as s:
        seeker = JobSeeker(**values, updated_by=ctx.staff_id)
        s.add(seeker)
        s.flush()
        return seeker.id


def update_seeker(ctx: Context, seeker_id: str, raw: dict[str, Any]) -> list[str]:
    values = _seeker_values(raw)
    with ctx.db.transaction() as s:
        return apply_changes(s, get_or_raise(s, JobSeeker, seeker_id), values, ctx.staff_id)


def set_consent(ctx: Context, seeker_id: str, consent: bool, on: Any = None) -> None:
    """Record consent (with its date) or its withdrawal."""
    day = (parse_date(on, "consent_on") if on else today_seoul()) if consent else None
    with ctx.db.transaction() as s:
        apply_changes(s, get_or_raise(s, JobSeeker, seeker_id),
                      {"consent": consent, "consent_on": day}, ctx.staff_id)


def list_seekers(ctx: Context, consenting_only: bool = False) -> list[SeekerRow]:
    stmt = (select(JobSeeker.id, JobSeeker.name, JobSeeker.phone, JobSeeker.email, JobSeeker.skills,
                   JobSeeker.desired_role, JobSeeker.status, JobSeeker.consent, JobSeeker.consent_on)
            .where(JobSeeker.archived.is_(False)).order_by(JobSeeker.name))
    if consenting_only:
        stmt = stmt.where(JobSeeker.consent.is_(True))
    with ctx.db.reading() as s:
        return [SeekerRow(*r) for r in s.execute(stmt)]


# --- openings -----------------------------------------------------------------------------

def _opening_values(raw: dict[str, Any]) -> dict[str, Any]:
    raw = clean_input(raw)

    def role():
        r = _text(raw.get("role"))
        if not r:
            raise ValidationError("role", _("모집 직무를 입력해 주세요."))
        return r

    def headcount():
        v = raw.get("headcount")
        if v in (None, ""):
            return 1
        try:
            n = int(str(v).replace("명", "").strip())  # i18n: data
        except ValueError:
            n = 0
        if n < 1 or n > 1000:
            raise ValidationError("headcount", _("모집 인원은 1 이상의 숫자로 입력해 주세요 (입력: {value}).")
                                  .format(value=v))
        return n

    values, errors = _collect([
        ("role", role), ("skills", lambda: ", ".join(split_keywords(raw.get("skills"))) or None),
        ("headcount", headcount), ("deadline", lambda: parse_date(raw.get("deadline"), "deadline")),
        ("status", lambda: _choice(OPENING_STATUS, raw.get("status") or "open", "status", _("상태"))),
        ("notes", lambda: _text(raw.get("notes"))),
    ])
    errors = with_limits("job_openings", values, errors)
    if errors:
        raise FormErrors(errors)
    return values


def post_opening(ctx: Context, company_id: str, raw: dict[str, Any]) -> str:
    """An opening posted by a company (a camp tenant, usually)."""
    if not company_id:
        try:
            _opening_values(raw)
            errors = []
        except FormErrors as exc:
            errors = exc.errors
        raise FormErrors([ValidationError("company_id", _("기업을 골라 주세요.")), *errors])
    values = _opening_values(raw)
    with ctx.db.transaction() as s:
        get_or_raise(s, Company, company_id)
        o = JobOpening(company_id=company_id, **values, updated_by=ctx.staff_id)
        s.add(o)
        s.flush()
        return o.id


def update_opening(ctx: Context, opening_id: str, raw: dict[str, Any]) -> list[str]:
    values = _opening_values(raw)
    with ctx.db.transaction() as s:
        return apply_changes(s, get_or_raise(s, JobOpening, opening_id), values, ctx.staff_id)


def list_openings(ctx: Context, open_only: bool = False) -> list[OpeningRow]:
    count = (select(func.count(JobMatch.id)).where(JobMatch.opening_id == JobOpening.id,
                                                   JobMatch.archived.is_(False))
             .correlate(JobOpening).scalar_subquery())
    stmt = (select(JobOpening.id, JobOpening.company_id, Company.name, JobOpening.role, JobOpening.skills,
                   JobOpening.headcount, JobOpening.deadline, JobOpening.status, count)
            .join(Company, Company.id == JobOpening.company_id)
            .where(JobOpening.archived.is_(False))
            .order_by(JobOpening.deadline.desc().nulls_last(), Company.name))
    if open_only:
        stmt = stmt.where(JobOpening.status == "open")
    with ctx.db.reading() as s:
        return [OpeningRow(*r) for r in s.execute(stmt)]


# --- matching -----------------------------------------------------------------------------

_SPLIT = re.compile(r"[\s,;/·()\[\]]+")


def _terms(text: str | None) -> set[str]:
    return {t.casefold() for t in _SPLIT.split(text or "") if len(t) >= 2}


def _skill_overlap(a: str | None, b: str | None) -> list[str]:
    """Skills written on both sides: whole skills first, then shared words (both ways)."""
    left, right = split_keywords(a), split_keywords(b)
    right_folded = {r.casefold() for r in right}
    shared = [s for s in left if s.casefold() in right_folded]
    words = _terms(a) & _terms(b)
    for w in sorted(words):
        if not any(w in s.casefold() for s in shared):
            shared.append(w)
    return shared


def _why(shared: list[str], role_hit: bool) -> str:
    parts = []
    if shared:
        parts.append(_("{skills} — 기술 일치").format(skills=" · ".join(shared[:4])))
    if role_hit:
        parts.append(_("희망 직무 일치"))
    return ", ".join(parts)


def candidates_for_opening(ctx: Context, opening_id: str, top: int = 10) -> list[Candidate]:
    """Consenting job seekers still looking, best fit first, with the reason; a seeker without
    consent is never among them."""
    with ctx.db.reading() as s:
        o = get_or_raise(s, JobOpening, opening_id)
        role, skills = o.role, o.skills
        already = set(s.scalars(select(JobMatch.job_seeker_id).where(JobMatch.opening_id == opening_id,
                                                                     JobMatch.archived.is_(False))))
    out = []
    for seeker in list_seekers(ctx, consenting_only=True):
        if seeker.status != "seeking" or seeker.id in already:
            continue
        shared = _skill_overlap(skills, seeker.skills)
        role_hit = bool(_terms(role) & _terms(seeker.desired_role))
        score = len(shared) + (1.5 if role_hit else 0)
        if score > 0:
            out.append(Candidate(seeker.id, seeker.name, score, _why(shared, role_hit)))
    out.sort(key=lambda c: (-c.score, c.name))
    return out[:top]


def openings_for_seeker(ctx: Context, seeker_id: str, top: int = 10) -> list[Candidate]:
    """Open positions that fit a job seeker, best first (for the staff, not for companies)."""
    with ctx.db.reading() as s:
        seeker = get_or_raise(s, JobSeeker, seeker_id)
        skills, wanted = seeker.skills, seeker.desired_role
    out = []
    for o in list_openings(ctx, open_only=True):
        shared = _skill_overlap(o.skills, skills)
        role_hit = bool(_terms(o.role) & _terms(wanted))
        score = len(shared) + (1.5 if role_hit else 0)
        if score > 0:
            out.append(Candidate(o.id, f"{o.company} · {o.role}", score, _why(shared, role_hit)))
    out.sort(key=lambda c: (-c.score, c.name))
    return out[:top]


def introduce(ctx: Context, seeker_id: str, opening_id: str | None = None,
              company_id: str | None = None, on: Any = None, position: str | None = None) -> str:
    """Introduce (소개) a job seeker to a company, for an opening or not. Refused when the
    seeker has not consented to share their data."""
    day = parse_date(on, "matched_on") if on else today_seoul()
    with ctx.db.transaction() as s:
        seeker = get_or_raise(s, JobSeeker, seeker_id)
        if not seeker.consent:
            raise UserError(_("{name} 님은 기업에 정보를 제공하는 데 동의하지 않았습니다. "
                              "동의를 받은 뒤 소개해 주세요.").format(name=seeker.name))
        if opening_id:
            opening = get_or_raise(s, JobOpening, opening_id)
            company_id = opening.company_id
            position = position or opening.role
        if not company_id:
            raise FormErrors([ValidationError("company_id", _("기업을 골라 주세요."))])
        get_or_raise(s, Company, company_id)
        match = JobMatch(company_id=company_id, job_seeker_id=seeker_id, opening_id=opening_id,
                         position=position, matched_on=day, status="proposed", updated_by=ctx.staff_id)
        s.add(match)
        s.flush()
        return match.id


_NEXT = {"proposed": {"interview", "declined", "hired"}, "interview": {"hired", "declined"},
         "hired": set(), "declined": set()}


def advance(ctx: Context, match_id: str, status: str, on: Any = None) -> None:
    """Move a match on: 소개 → 면접 → 채용 / 불발, with the day."""
    code = _choice(MATCH_STATUS, status, "status", _("상태"))
    day = parse_date(on, "decided_on") if on else today_seoul()
    with ctx.db.transaction() as s:
        match = get_or_raise(s, JobMatch, match_id)
        if code not in _NEXT.get(match.status, set()):
            lang = current_language()
            raise UserError(_("'{old}'에서 '{new}'(으)로 바꿀 수 없습니다.").format(
                old=MATCH_STATUS.label(match.status, lang), new=MATCH_STATUS.label(code, lang)))
        changes: dict[str, Any] = {"status": code}
        if code == "interview":
            changes["interview_on"] = day
        else:
            changes["decided_on"] = day
        apply_changes(s, match, changes, ctx.staff_id)
        if code == "hired":
            seeker = s.get(JobSeeker, match.job_seeker_id)
            apply_changes(s, seeker, {"status": "hired"}, ctx.staff_id)


def list_matches(ctx: Context, company_id: str | None = None) -> list[MatchRow]:
    stmt = (select(JobMatch.id, JobMatch.company_id, Company.name, JobMatch.job_seeker_id, JobSeeker.name,
                   JobMatch.opening_id, JobMatch.position, JobMatch.status, JobMatch.matched_on,
                   JobMatch.interview_on, JobMatch.decided_on)
            .join(Company, Company.id == JobMatch.company_id)
            .join(JobSeeker, JobSeeker.id == JobMatch.job_seeker_id)
            .where(JobMatch.archived.is_(False))
            .order_by(JobMatch.matched_on.desc().nulls_last()))
    if company_id:
        # What a company may see: only seekers who consented.
        stmt = stmt.where(JobMatch.company_id == company_id, JobSeeker.consent.is_(True))
    with ctx.db.reading() as s:
        return [MatchRow(*r) for r in s.execute(stmt)]


@dataclass(frozen=True)
class JobFigures:
    introductions: int
    interviews: int
    hires: int
    declined: int


def figures(ctx_or_session, first: date, last: date) -> JobFigures:
    """Introductions, interviews and hires dated within [first, last]."""
    def count(s, column, extra=None):
        stmt = select(func.count(JobMatch.id)).where(JobMatch.archived.is_(False), column >= first,
                                                     column <= last)
        if extra is not None:
            stmt = stmt.where(extra)
        return s.scalar(stmt) or 0

    def run(s):
        return JobFigures(count(s, JobMatch.matched_on),
                          count(s, JobMatch.interview_on),
                          count(s, JobMatch.decided_on, JobMatch.status == "hired"),
                          count(s, JobMatch.decided_on, JobMatch.status == "declined"))
    if isinstance(ctx_or_session, Context):
        with ctx_or_session.db.reading() as s:
            return run(s)
    return run(ctx_or_session)
