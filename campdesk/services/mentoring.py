"""Use cases of the mentoring programme: programmes, pairings, sessions, hours and warnings.

A pairing (``mentorings``) joins one company to one mentor in a programme, with the hours
allocated to it. Sessions are logged against the pairing and remember which mentor held them,
so hours stay with the right mentor when a pairing changes mentor (the change is recorded:
previous mentor, date, reason, and in the edit history). A pairing ends as 수료 (done) or
중단 (dropped, with a reason).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from campdesk.domain.choices import ENDED_MENTORING, SESSION_MODE
from campdesk.domain.dates import parse_date, today_seoul
from campdesk.domain.errors import ValidationError
from campdesk.i18n import _, ngettext
from campdesk.services.context import Context
from campdesk.services.errors import FormErrors, UserError
from campdesk.services.fields import clean_input, with_limits
from campdesk.services.records import get_or_raise
from campdesk.store.audit import apply_changes
from campdesk.store.models import (
    Company, Mentor, Mentoring, MentoringProgramme, MentoringSession,
)

QUIET_DAYS = 21  # a running pairing with no session for three weeks is flagged
MAX_SESSION_HOURS = 12


# --- views --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProgrammeRow:
    id: str
    name: str
    starts_on: date
    ends_on: date | None
    status: str
    pairings: int


@dataclass
class PairingRow:
    id: str
    programme_id: str | None
    company_id: str
    company: str
    mentor_id: str
    mentor: str
    topic: str | None
    hours_allocated: float | None
    hours_used: float
    sessions: int
    last_session: date | None
    status: str
    starts_on: date | None
    end_reason: str | None
    previous_mentor: str | None
    warnings: list[str] = field(default_factory=list)

    @property
    def hours_left(self) -> float | None:
        return None if self.hours_allocated is None else round(self.hours_allocated - self.hours_used, 2)


@dataclass(frozen=True)
class SessionRow:
    id: str
    mentoring_id: str
    held_on: date
    start_time: str | None
    hours: float
    mode: str
    place: str | None
    topic: str | None
    content: str | None
    next_step: str | None
    difficulty: str | None
    advice: str | None
    mentor_id: str | None
    mentor: str | None


@dataclass(frozen=True)
class HoursLine:
    """Hours used against hours allocated, for one company or one mentor in a programme."""

    id: str
    name: str
    allocated: float
    used: float
    pairings: int
    over: bool


# --- validation ---------------------------------------------------------------------------

_TIME = re.compile(r"^\s*(\d{1,2})\s*[:시.]\s*(\d{2})?\s*분?\s*$")  # i18n: data


def parse_hours(value: Any, field_name: str, label: str, allow_none: bool = False,
                maximum: float | None = None) -> float | None:
    """Hours as typed ("1.5", "2시간", "3h"); ``label`` names the field as shown (translated)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if allow_none:
            return None
        raise ValidationError(field_name, _("{label}을(를) 입력해 주세요.").format(label=label))
    text = str(value).strip().replace("시간", "").replace("h", "").strip()  # i18n: data
    try:
        hours = float(text)
    except ValueError:
        raise ValidationError(field_name, _("{label}은(는) 숫자로 입력해 주세요 (입력: {value}).")
                              .format(label=label, value=value)) from None
    if not hours > 0 or hours != hours or hours == float("inf"):
        raise ValidationError(field_name, _("{label}은(는) 0보다 커야 합니다 (입력: {value}).")
                              .format(label=label, value=value))
    if maximum is not None and hours > maximum:
        raise ValidationError(field_name, _("{label}은(는) {maximum:g}시간 이하로 입력해 주세요 (입력: {value}).")
                              .format(label=label, maximum=maximum, value=value))
    return round(hours, 2)


def parse_time(value: Any) -> str | None:
    if value is None or not str(value).strip():
        return None
    m = _TIME.match(str(value))
    if m:
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        if h < 24 and mi < 60:
            return f"{h:02d}:{mi:02d}"
    raise ValidationError("start_time", _("시작 시각은 14:00처럼 입력해 주세요 (입력: {value}).")
                          .format(value=value))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _require_date(value: Any, field_name: str, label: str) -> date:
    d = parse_date(value, field_name) if not isinstance(value, date) else value
    if d is None:
        raise ValidationError(field_name, _("{label}을(를) 입력해 주세요.").format(label=label))
    return d


def _collect(checks: list[tuple[str, Any]]) -> tuple[dict[str, Any], list[ValidationError]]:
    values, errors = {}, []
    for key, fn in checks:
        try:
            values[key] = fn()
        except ValidationError as exc:
            exc.field = exc.field or key
            errors.append(exc)
    return values, errors


def _not_active(name: str) -> ValidationError:
    return ValidationError("mentor_id", _("{name} 멘토는 활동 중이 아닙니다.").format(name=name))


# --- programmes ---------------------------------------------------------------------------

def _programme_values(raw: dict[str, Any]) -> dict[str, Any]:
    raw = clean_input(raw)
    values, errors = _collect([
        ("name", lambda: _text(raw.get("name")) or _raise("name", _("프로그램명을 입력해 주세요."))),
        ("starts_on", lambda: _require_date(raw.get("starts_on"), "starts_on", _("시작일"))),
        ("ends_on", lambda: parse_date(raw.get("ends_on"), "ends_on")),
        ("notes", lambda: _text(raw.get("notes"))),
    ])
    if values.get("ends_on") and values.get("starts_on") and values["ends_on"] < values["starts_on"]:
        errors.append(ValidationError("ends_on", _("종료일이 시작일보다 빠릅니다.")))
    errors = with_limits("mentoring_programmes", values, errors)
    if errors:
        raise FormErrors(errors)
    return values


def _raise(field_name: str, text: str):
    raise ValidationError(field_name, text)


def create_programme(ctx: Context, raw: dict[str, Any]) -> str:
    """A new programme (name, start date, optional end date); it runs from its start."""
    values = _programme_values(raw)
    status = "active" if values["starts_on"] <= today_seoul() else "planned"
    with ctx.db.transaction() as s:
        p = MentoringProgramme(**values, status=status, updated_by=ctx.staff_id)
        s.add(p)
        s.flush()
        return p.id


def update_programme(ctx: Context, programme_id: str, raw: dict[str, Any]) -> list[str]:
    values = _programme_values(raw)
    with ctx.db.transaction() as s:
        return apply_changes(s, get_or_raise(s, MentoringProgramme, programme_id), values, ctx.staff_id)


def list_programmes(ctx: Context) -> list[ProgrammeRow]:
    count = (select(func.count(Mentoring.id)).where(Mentoring.programme_id == MentoringProgramme.id,
                                                    Mentoring.archived.is_(False))
             .correlate(MentoringProgramme).scalar_subquery())
    stmt = (select(MentoringProgramme.id, MentoringProgramme.name, MentoringProgramme.starts_on,
                   MentoringProgramme.ends_on, MentoringProgramme.status, count)
            .where(MentoringProgramme.archived.is_(False))
            .order_by(MentoringProgramme.starts_on.desc(), MentoringProgramme.name))
    with ctx.db.reading() as s:
        return [ProgrammeRow(*r) for r in s.execute(stmt)]


def close_programme(ctx: Context, programme_id: str, on: date | None = None) -> int:
    """Close a programme: pairings still running end as 수료 on that day. Returns how many."""
    on = on or today_seoul()
    n = 0
    with ctx.db.transaction() as s:
        programme = get_or_raise(s, MentoringProgramme, programme_id)
        for m in s.scalars(select(Mentoring).where(Mentoring.programme_id == programme_id,
                                                   Mentoring.archived.is_(False),
                                                   Mentoring.status.not_in(ENDED_MENTORING))):
            apply_changes(s, m, {"status": "done", "ends_on": m.ends_on or on}, ctx.staff_id)
            n += 1
        apply_changes(s, programme, {"status": "closed", "ends_on": programme.ends_on or on}, ctx.staff_id)
    return n


# --- pairings -----------------------------------------------------------------------------

def pair(ctx: Context, programme_id: str | None, company_id: str, mentor_id: str,
         hours_allocated: Any, topic: str | None = None, starts_on: Any = None) -> str:
    """Pair a company with a mentor in a programme, with the hours allocated."""
    values, errors = _collect([
        ("hours_allocated", lambda: parse_hours(hours_allocated, "hours_allocated", _("배정 시간"),
                                                maximum=200)),
        ("topic", lambda: _text(topic)),
        ("starts_on", lambda: parse_date(starts_on, "starts_on") if starts_on else None),
    ])
    if not company_id:
        errors.append(ValidationError("company_id", _("기업을 골라 주세요.")))
    if not mentor_id:
        errors.append(ValidationError("mentor_id", _("멘토를 골라 주세요.")))
    errors = with_limits("mentorings", values, errors)
    if errors:
        raise FormErrors(errors)
    with ctx.db.transaction() as s:
        get_or_raise(s, Company, company_id)
        mentor = get_or_raise(s, Mentor, mentor_id)
        if not mentor.active or mentor.archived:
            raise FormErrors([_not_active(mentor.name)])
        starts = values["starts_on"]
        ends = None
        if programme_id:
            programme = get_or_raise(s, MentoringProgramme, programme_id)
            if programme.status == "closed":
                raise UserError(_("종료된 프로그램에는 기업을 배정할 수 없습니다."))
            same = s.scalar(select(func.count(Mentoring.id)).where(
                Mentoring.programme_id == programme_id, Mentoring.company_id == company_id,
                Mentoring.archived.is_(False), Mentoring.status.not_in(ENDED_MENTORING)))
            if same:
                raise FormErrors([ValidationError(
                    "company_id", _("이 기업은 이미 이 프로그램에서 멘토링 중입니다. "
                                    "멘토를 바꾸려면 '멘토 변경'을 쓰세요."))])
            starts = starts or programme.starts_on
            ends = programme.ends_on
        m = Mentoring(company_id=company_id, mentor_id=mentor_id, programme_id=programme_id,
                      topic=values["topic"], hours_allocated=values["hours_allocated"],
                      starts_on=starts or today_seoul(), ends_on=ends,
                      status="planned", updated_by=ctx.staff_id)
        s.add(m)
        s.flush()
        return m.id


def change_mentor(ctx: Context, mentoring_id: str, new_mentor_id: str, reason: str | None,
                  on: Any = None) -> None:
    """Another mentor takes the pairing over; the previous one, the day and the reason are kept
    (sessions already held stay with who held them)."""
    reason = _text(reason)
    if not reason:
        raise FormErrors([ValidationError("mentor_change_reason", _("멘토를 바꾸는 사유를 입력해 주세요."))])
    day = parse_date(on, "mentor_changed_on") if on else today_seoul()
    with ctx.db.transaction() as s:
        m = get_or_raise(s, Mentoring, mentoring_id)
        new = get_or_raise(s, Mentor, new_mentor_id)
        if m.status in ENDED_MENTORING:
            raise UserError(_("끝난 멘토링은 멘토를 바꿀 수 없습니다."))
        if new.id == m.mentor_id:
            raise FormErrors([ValidationError("mentor_id", _("지금과 같은 멘토입니다."))])
        if not new.active:
            raise FormErrors([_not_active(new.name)])
        apply_changes(s, m, {"previous_mentor_id": m.mentor_id, "mentor_id": new.id,
                             "mentor_changed_on": day, "mentor_change_reason": reason}, ctx.staff_id)


def end_pairing(ctx: Context, mentoring_id: str, state: str, reason: str | None = None,
                on: Any = None) -> None:
    """End a pairing as 수료 ("done") or 중단 ("dropped", which needs a reason)."""
    if state not in ENDED_MENTORING:
        raise UserError(_("종료 상태는 수료 또는 중단입니다."))
    reason = _text(reason)
    if state == "dropped" and not reason:
        raise FormErrors([ValidationError("end_reason", _("중단 사유를 입력해 주세요."))])
    day = parse_date(on, "ends_on") if on else today_seoul()
    with ctx.db.transaction() as s:
        m = get_or_raise(s, Mentoring, mentoring_id)
        apply_changes(s, m, {"status": state, "ends_on": day, "end_reason": reason}, ctx.staff_id)


def update_pairing(ctx: Context, mentoring_id: str, hours_allocated: Any = None,
                   topic: str | None = None) -> list[str]:
    values, errors = _collect([
        ("hours_allocated", lambda: parse_hours(hours_allocated, "hours_allocated", _("배정 시간"),
                                                maximum=200)),
        ("topic", lambda: _text(topic)),
    ])
    if errors:
        raise FormErrors(errors)
    with ctx.db.transaction() as s:
        return apply_changes(s, get_or_raise(s, Mentoring, mentoring_id), values, ctx.staff_id)


# --- sessions -----------------------------------------------------------------------------

def _session_values(raw: dict[str, Any]) -> dict[str, Any]:
    raw = clean_input(raw)

    def minutes():
        if raw.get("duration_min") not in (None, "") and raw.get("hours") in (None, ""):
            h = parse_hours(int(raw["duration_min"]) / 60, "hours", _("시간"), maximum=MAX_SESSION_HOURS)
        else:
            h = parse_hours(raw.get("hours"), "hours", _("멘토링 시간"), maximum=MAX_SESSION_HOURS)
        return round(h * 60)

    def mode():
        choice = SESSION_MODE.parse(str(raw.get("mode") or "offline"))
        if choice is None:
            raise ValidationError("mode", _("방식은 대면 또는 온라인입니다."))
        return choice.code

    values, errors = _collect([
        ("held_on", lambda: _require_date(raw.get("held_on"), "held_on", _("일자"))),
        ("start_time", lambda: parse_time(raw.get("start_time"))),
        ("duration_min", minutes),
        ("mode", mode),
        *[(k, (lambda k=k: _text(raw.get(k))))
          for k in ("place", "topic", "content", "next_step", "difficulty", "advice")],
    ])
    for e in errors:
        if e.field == "duration_min":
            e.field = "hours"
    if values.get("held_on") and values["held_on"] > today_seoul() + timedelta(days=1):
        errors.append(ValidationError("held_on", _("아직 오지 않은 날짜입니다. 멘토링을 한 날짜를 입력해 주세요.")))
    errors = with_limits("mentoring_sessions", values, errors)
    if errors:
        raise FormErrors(errors)
    return values


def record_session(ctx: Context, mentoring_id: str, raw: dict[str, Any]) -> str:
    """Log a session of a pairing (date, hours, place or online, topic, content, next step);
    the pairing's current mentor held it. The first session starts the pairing."""
    values = _session_values(raw)
    with ctx.db.transaction() as s:
        m = get_or_raise(s, Mentoring, mentoring_id)
        if m.status in ENDED_MENTORING:
            raise UserError(_("끝난 멘토링에는 회차를 기록할 수 없습니다."))
        session = MentoringSession(mentoring_id=m.id, mentor_id=m.mentor_id, **values,
                                   updated_by=ctx.staff_id)
        s.add(session)
        if m.status == "planned":
            apply_changes(s, m, {"status": "active"}, ctx.staff_id)
        s.flush()
        return session.id


def update_session(ctx: Context, session_id: str, raw: dict[str, Any]) -> list[str]:
    values = _session_values(raw)
    with ctx.db.transaction() as s:
        return apply_changes(s, get_or_raise(s, MentoringSession, session_id), values, ctx.staff_id)


def delete_session(ctx: Context, session_id: str) -> None:
    with ctx.db.transaction() as s:
        apply_changes(s, get_or_raise(s, MentoringSession, session_id), {"archived": True}, ctx.staff_id)


def _session_query():
    ms = MentoringSession
    return (select(ms.id, ms.mentoring_id, ms.held_on, ms.start_time, ms.duration_min, ms.mode,
                   ms.place, ms.topic, ms.content, ms.next_step, ms.difficulty, ms.advice,
                   func.coalesce(ms.mentor_id, Mentoring.mentor_id), Mentor.name)
            .join(Mentoring, Mentoring.id == ms.mentoring_id)
            .join(Mentor, Mentor.id == func.coalesce(ms.mentor_id, Mentoring.mentor_id))
            .where(ms.archived.is_(False)))


def _session_row(r) -> SessionRow:
    return SessionRow(r[0], r[1], r[2], r[3], round((r[4] or 0) / 60, 2), r[5], *r[6:])


def list_sessions(ctx: Context, mentoring_id: str) -> list[SessionRow]:
    stmt = _session_query().where(MentoringSession.mentoring_id == mentoring_id).order_by(
        MentoringSession.held_on, MentoringSession.start_time, MentoringSession.id)
    with ctx.db.reading() as s:
        return [_session_row(r) for r in s.execute(stmt)]


def get_session(ctx: Context, session_id: str) -> SessionRow:
    with ctx.db.reading() as s:
        get_or_raise(s, MentoringSession, session_id)
        r = s.execute(_session_query().where(MentoringSession.id == session_id)).first()
    return _session_row(r)


# --- hours and warnings -------------------------------------------------------------------

def list_pairings(ctx: Context, programme_id: str | None = None, company_id: str | None = None,
                  today: date | None = None) -> list[PairingRow]:
    """Pairings with hours used against allocated and what needs a look: over the hours
    allocated, or running with no session for three weeks."""
    today = today or today_seoul()
    ms = MentoringSession
    used = (select(ms.mentoring_id, func.coalesce(func.sum(ms.duration_min), 0), func.count(ms.id),
                   func.max(ms.held_on))
            .where(ms.archived.is_(False)).group_by(ms.mentoring_id))
    previous = select(Mentor.id, Mentor.name)
    stmt = (select(Mentoring.id, Mentoring.programme_id, Mentoring.company_id, Company.name,
                   Mentoring.mentor_id, Mentor.name, Mentoring.topic, Mentoring.hours_allocated,
                   Mentoring.status, Mentoring.starts_on, Mentoring.end_reason,
                   Mentoring.previous_mentor_id)
            .join(Company, Company.id == Mentoring.company_id)
            .join(Mentor, Mentor.id == Mentoring.mentor_id)
            .where(Mentoring.archived.is_(False))
            .order_by(Company.name))
    if programme_id:
        stmt = stmt.where(Mentoring.programme_id == programme_id)
    if company_id:
        stmt = stmt.where(Mentoring.company_id == company_id)
    out = []
    with ctx.db.reading() as s:
        rows = s.execute(stmt).all()
        ids = [r[0] for r in rows]
        usage = {}
        for start in range(0, len(ids), 500):
            usage.update({r[0]: r[1:] for r in s.execute(used.where(ms.mentoring_id.in_(ids[start:start + 500])))})
        names = dict(s.execute(previous).all()) if any(r[11] for r in rows) else {}
    for r in rows:
        minutes, n, last = usage.get(r[0], (0, 0, None))
        row = PairingRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], round(minutes / 60, 2), n,
                         last, r[8], r[9], r[10], names.get(r[11]))
        row.warnings = pairing_warnings(row, today)
        out.append(row)
    return out


def pairing_warnings(row: PairingRow, today: date) -> list[str]:
    warnings = []
    if row.hours_allocated is not None and row.hours_used > row.hours_allocated:
        warnings.append(_("배정 시간 초과 ({used:g}/{allocated:g}시간)").format(
            used=row.hours_used, allocated=row.hours_allocated))
    if row.status not in ENDED_MENTORING:
        since = row.last_session or row.starts_on
        if since and since <= today and (today - since).days >= QUIET_DAYS:
            days, when = (today - since).days, f"{since:%m/%d}"
            warnings.append(
                ngettext("{days}일째 멘토링 없음 (마지막 멘토링 {date})",
                         "{days}일째 멘토링 없음 (마지막 멘토링 {date})", days).format(days=days, date=when)
                if row.last_session else
                ngettext("{days}일째 멘토링 없음 (시작 {date})", "{days}일째 멘토링 없음 (시작 {date})",
                         days).format(days=days, date=when))
    return warnings


def _hours(pairings: list[PairingRow], key, name) -> list[HoursLine]:
    acc: dict[str, list] = {}
    for p in pairings:
        if p.status == "dropped" and not p.hours_used:
            continue
        a = acc.setdefault(key(p), [name(p), 0.0, 0.0, 0])
        a[1] += p.hours_allocated or 0
        a[2] += p.hours_used
        a[3] += 1
    return sorted((HoursLine(k, v[0], round(v[1], 2), round(v[2], 2), v[3], v[2] > v[1] > 0)
                   for k, v in acc.items()), key=lambda h: h.name)


def hours_by_company(ctx: Context, programme_id: str) -> list[HoursLine]:
    return _hours(list_pairings(ctx, programme_id), lambda p: p.company_id, lambda p: p.company)


def hours_by_mentor(ctx: Context, programme_id: str) -> list[HoursLine]:
    """Hours per mentor: allocated by their current pairings, used by the sessions they held
    (a session held before a mentor change stays with its mentor)."""
    pairings = list_pairings(ctx, programme_id)
    lines = {h.id: h for h in _hours(pairings, lambda p: p.mentor_id, lambda p: p.mentor)}
    ms = MentoringSession
    with ctx.db.reading() as s:
        held = s.execute(
            select(func.coalesce(ms.mentor_id, Mentoring.mentor_id), Mentor.name,
                   func.coalesce(func.sum(ms.duration_min), 0))
            .join(Mentoring, Mentoring.id == ms.mentoring_id)
            .join(Mentor, Mentor.id == func.coalesce(ms.mentor_id, Mentoring.mentor_id))
            .where(Mentoring.programme_id == programme_id, ms.archived.is_(False),
                   Mentoring.archived.is_(False))
            .group_by(func.coalesce(ms.mentor_id, Mentoring.mentor_id), Mentor.name)).all()
    out = {k: HoursLine(k, h.name, h.allocated, 0.0, h.pairings, False) for k, h in lines.items()}
    for mid, name, minutes in held:
        h = out.get(mid) or HoursLine(mid, name, 0.0, 0.0, 0, False)
        used = round(minutes / 60, 2)
        out[mid] = HoursLine(mid, h.name, h.allocated, used, h.pairings, used > h.allocated > 0)
    return sorted(out.values(), key=lambda h: h.name)


def mentor_load(ctx: Context, programme_id: str | None = None) -> dict[str, float]:
    """Hours each mentor gave in a programme (the latest running one when none is named)."""
    ms = MentoringSession
    with ctx.db.reading() as s:
        if programme_id is None:
            programme_id = s.scalar(select(MentoringProgramme.id)
                                    .where(MentoringProgramme.archived.is_(False))
                                    .order_by(MentoringProgramme.starts_on.desc()).limit(1))
        if programme_id is None:
            return {}
        rows = s.execute(
            select(func.coalesce(ms.mentor_id, Mentoring.mentor_id), func.sum(ms.duration_min))
            .join(Mentoring, Mentoring.id == ms.mentoring_id)
            .where(Mentoring.programme_id == programme_id, ms.archived.is_(False))
            .group_by(func.coalesce(ms.mentor_id, Mentoring.mentor_id))).all()
    return {mid: (minutes or 0) / 60 for mid, minutes in rows}
