"""Public calls (공모사업): what a call asks for, the companies it fits, who was told, when
and by which channel, and the message to paste into the open chat."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from campdesk.domain.choices import AI_FIELDS, RELATIONSHIP
from campdesk.domain.dates import SEOUL, parse_date, today_seoul
from campdesk.domain.errors import ValidationError
from campdesk.domain.outreach import LOCATION, NOTICE_CHANNEL, STAGE, stage_of
from campdesk.i18n import _
from campdesk.services.context import Context
from campdesk.services.fields import clean_input, with_limits
from campdesk.services.outreach.common import raise_if, require
from campdesk.services.records import get_or_raise
from campdesk.store.audit import apply_changes
from campdesk.store.base import utcnow
from campdesk.store.models import Agency, Company, PublicCall, PublicCallNotice, Staff

CALL_FIELDS = ("title", "agency_id", "organiser", "announced_on", "deadline", "url", "notes",
               "fields", "eligible_relationships", "eligible_stages", "eligible_location")
_LISTS = {"fields": AI_FIELDS, "eligible_relationships": RELATIONSHIP, "eligible_stages": STAGE}
WEEKDAYS = "월화수목금토일"  # i18n: data


@dataclass(frozen=True)
class CallRow:
    id: str
    title: str
    organiser: str          # the agency's name, else the organiser as typed
    agency_id: str | None
    announced_on: date | None
    deadline: date | None
    url: str | None
    fields: str | None
    eligible_relationships: str | None
    eligible_stages: str | None
    eligible_location: str | None
    notes: str | None
    told: int               # companies told

    def days_left(self, today: date) -> int | None:
        return (self.deadline - today).days if self.deadline else None


@dataclass(frozen=True)
class Candidate:
    company_id: str
    name: str
    relationship: str
    stage: str
    fields: str
    told: str | None        # "2026-11-03 오픈채팅" when already told


@dataclass(frozen=True)
class NoticeRow:
    id: str
    company_id: str
    company: str
    channel: str
    told_at: datetime
    staff: str | None


def _codes(vocab, value) -> str | None:
    if value in (None, ""):
        return None
    parts = value if isinstance(value, (list, tuple, set)) else str(value).split(",")
    codes = []
    for p in parts:
        choice = vocab.parse(str(p).strip())
        if choice is None and str(p).strip():
            raise ValueError(str(p).strip())
        if choice and choice.code not in codes:
            codes.append(choice.code)
    return ",".join(codes) or None


def _check(values: dict[str, Any], creating: bool) -> None:
    values.update(clean_input(values))
    errors: list[ValidationError] = []
    if creating or "title" in values:
        require(values, "title", _("공모사업 이름"), errors)
    for field in ("announced_on", "deadline"):
        if field in values:
            try:
                values[field] = parse_date(values[field], field)
            except ValidationError as exc:
                errors.append(exc)
    for field, vocab in _LISTS.items():
        if field in values:
            try:
                values[field] = _codes(vocab, values[field])
            except ValueError as exc:
                errors.append(ValidationError(field, _("알 수 없는 값입니다: {value}").format(value=exc)))
    if values.get("eligible_location"):
        choice = LOCATION.parse(values["eligible_location"])
        if choice is None:
            errors.append(ValidationError("eligible_location", _("알 수 없는 소재지 조건입니다: {value}")
                                          .format(value=values["eligible_location"])))
        else:
            values["eligible_location"] = choice.code
    elif "eligible_location" in values:
        values["eligible_location"] = None
    raise_if(with_limits("public_calls", values, errors))


def save_call(ctx: Context, raw: dict[str, Any], call_id: str | None = None) -> str:
    values = {k: v for k, v in raw.items() if k in CALL_FIELDS}
    _check(values, creating=call_id is None)
    with ctx.db.transaction() as s:
        if values.get("agency_id"):
            get_or_raise(s, Agency, values["agency_id"])
        if call_id is None:
            call = PublicCall(**values, updated_by=ctx.staff_id)
            s.add(call)
            s.flush()
            return call.id
        apply_changes(s, get_or_raise(s, PublicCall, call_id), values, ctx.staff_id)
        return call_id


def _told_count():
    return (select(func.count(func.distinct(PublicCallNotice.company_id)))
            .where(PublicCallNotice.call_id == PublicCall.id, PublicCallNotice.archived.is_(False))
            .correlate(PublicCall).scalar_subquery())


def _call_query():
    c = PublicCall
    agency = select(func.coalesce(Agency.short_name, Agency.name)).where(Agency.id == c.agency_id) \
        .correlate(c).scalar_subquery()
    return select(c.id, c.title, func.coalesce(agency, c.organiser, "-"), c.agency_id, c.announced_on,
                  c.deadline, c.url, c.fields, c.eligible_relationships, c.eligible_stages,
                  c.eligible_location, c.notes, _told_count()).where(c.archived.is_(False))


def list_calls(ctx: Context, open_only: bool = False, today: date | None = None) -> list[CallRow]:
    """Calls, the nearest deadline first; with ``open_only`` those not past their deadline."""
    today = today or today_seoul()
    stmt = _call_query()
    if open_only:
        stmt = stmt.where((PublicCall.deadline.is_(None)) | (PublicCall.deadline >= today))
    stmt = stmt.order_by(PublicCall.deadline.is_(None), PublicCall.deadline.desc()
                         if not open_only else PublicCall.deadline)
    with ctx.db.reading() as s:
        return [CallRow(*r) for r in s.execute(stmt)]


def get_call(ctx: Context, call_id: str) -> CallRow:
    with ctx.db.reading() as s:
        row = s.execute(_call_query().where(PublicCall.id == call_id)).first()
        if row is None:
            get_or_raise(s, PublicCall, call_id)
        return CallRow(*row)


def deadlines_this_week(ctx: Context, today: date | None = None) -> list[CallRow]:
    """Calls whose deadline falls in the coming week (today and the next six days)."""
    today = today or today_seoul()
    stmt = _call_query().where(PublicCall.deadline >= today,
                               PublicCall.deadline <= today + timedelta(days=6)) \
        .order_by(PublicCall.deadline, PublicCall.title)
    with ctx.db.reading() as s:
        return [CallRow(*r) for r in s.execute(stmt)]


def fits(call: CallRow, relationship: str, stage: str, presence: str, ai_fields: str) -> bool:
    """Whether a company meets the call's conditions (an empty condition is met by all)."""
    if call.eligible_relationships and relationship not in call.eligible_relationships.split(","):
        return False
    if call.eligible_stages and stage not in call.eligible_stages.split(","):
        return False
    if call.eligible_location == "gwangju" and presence not in ("head_office", "branch"):
        return False
    if call.eligible_location == "head_office" and presence != "head_office":
        return False
    if call.fields:
        wanted = set(call.fields.split(","))
        if not wanted & set(filter(None, (ai_fields or "").split(","))):
            return False
    return True


def candidates(ctx: Context, call_id: str, today: date | None = None) -> list[Candidate]:
    """The companies the call fits (and any told about it anyway), those not told yet first."""
    today = today or today_seoul()
    call = get_call(ctx, call_id)
    with ctx.db.reading() as s:
        told: dict[str, list[str]] = {}  # company → "2026-11-03 오픈채팅", first time first
        for cid, channel, at in s.execute(
                select(PublicCallNotice.company_id, PublicCallNotice.channel, PublicCallNotice.told_at)
                .where(PublicCallNotice.call_id == call_id, PublicCallNotice.archived.is_(False))
                .order_by(PublicCallNotice.told_at)):
            told.setdefault(cid, []).append(f"{at.astimezone(SEOUL):%Y-%m-%d} {NOTICE_CHANNEL.label(channel)}")
        rows = s.execute(select(Company.id, Company.name, Company.relationship, Company.founded_on,
                                Company.gwangju_presence, Company.ai_fields)
                         .where(Company.archived.is_(False), Company.merged_into.is_(None),
                                Company.relationship != "inquirer").order_by(Company.name)).all()
    out = []
    for cid, name, rel, founded, presence, fields in rows:
        stage = stage_of(founded, today)
        if fits(call, rel, stage, presence, fields) or cid in told:  # told: shown even if not fitting
            out.append(Candidate(cid, name, rel, stage, fields, ", ".join(told[cid]) if cid in told else None))
    return sorted(out, key=lambda c: (c.told is not None, c.name))


def tell(ctx: Context, call_id: str, company_ids: list[str], channel: str,
         notes: str | None = None) -> int:
    """Note that these companies were told about the call now, by ``channel``."""
    choice = NOTICE_CHANNEL.parse(channel or "")
    if choice is None:
        raise_if([ValidationError("channel", _("알림 경로(오픈채팅, 전화, 이메일)를 골라 주세요."))])
    if not company_ids:
        raise_if([ValidationError("company_id", _("알린 기업을 하나 이상 골라 주세요."))])
    now = utcnow()
    with ctx.db.transaction() as s:
        call = get_or_raise(s, PublicCall, call_id)
        for cid in company_ids:
            get_or_raise(s, Company, cid)
            s.add(PublicCallNotice(call_id=call_id, company_id=cid, channel=choice.code, told_at=now,
                                   staff_id=ctx.staff_id, notes=notes, updated_by=ctx.staff_id))
        if choice.code == "open_chat" and call.shared_on is None:
            apply_changes(s, call, {"shared_on": today_seoul()}, ctx.staff_id)
    return len(company_ids)


def notices(ctx: Context, call_id: str) -> list[NoticeRow]:
    n = PublicCallNotice
    stmt = (select(n.id, n.company_id, Company.name, n.channel, n.told_at, Staff.name)
            .join(Company, Company.id == n.company_id).outerjoin(Staff, Staff.id == n.staff_id)
            .where(n.call_id == call_id, n.archived.is_(False)).order_by(n.told_at.desc()))
    with ctx.db.reading() as s:
        return [NoticeRow(*r) for r in s.execute(stmt)]


def company_calls(ctx: Context, company_id: str) -> list[tuple[str, str, datetime]]:
    """(call title, channel, when) of the calls a company was told about, newest first."""
    n = PublicCallNotice
    with ctx.db.reading() as s:
        return [tuple(r) for r in s.execute(
            select(PublicCall.title, n.channel, n.told_at).join(PublicCall, PublicCall.id == n.call_id)
            .where(n.company_id == company_id, n.archived.is_(False)).order_by(n.told_at.desc()))]


def _labels(vocab, codes: str | None) -> str:
    # Korean whatever the UI language: the message goes to the companies.
    return ", ".join(vocab.label(c, "ko") for c in codes.split(",")) if codes else ""


def message_text(ctx: Context, call_id: str) -> str:
    """The message to paste into the open chat (or an e-mail): Korean whatever the language
    of the window (it goes to the companies)."""
    c = get_call(ctx, call_id)
    lines = [f"[공모사업 안내] {c.title}", "", f"■ 주관: {c.organiser}"]  # i18n: data
    if c.deadline:
        lines.append(f"■ 마감: {c.deadline.year}년 {c.deadline.month}월 {c.deadline.day}일"  # i18n: data
                     f"({WEEKDAYS[c.deadline.weekday()]})")
    conditions = [x for x in (_labels(RELATIONSHIP, c.eligible_relationships),
                              _labels(STAGE, c.eligible_stages),
                              LOCATION.label(c.eligible_location, "ko") if c.eligible_location else "")
                  if x]
    if conditions:
        lines.append(f"■ 신청 자격: {' · '.join(conditions)}")  # i18n: data
    if c.fields:
        lines.append(f"■ 분야: {_labels(AI_FIELDS, c.fields)}")  # i18n: data
    if c.url:
        lines.append(f"■ 공고: {c.url}")  # i18n: data
    lines += ["", "신청을 검토하시는 기업은 AI창업캠프 현장 직원에게 말씀해 주시면 준비를 도와드립니다."]  # i18n: data
    return "\n".join(lines)
