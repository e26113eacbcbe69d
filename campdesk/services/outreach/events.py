"""The knowledge concert and other events: the year's concert dates, events with speaker and
theme, who to invite and the message for the open chat, registrations and attendance."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from campdesk.domain.choices import EVENT_KIND
from campdesk.domain.dates import format_date, parse_date, today_seoul
from campdesk.domain.errors import ValidationError
from campdesk.domain.events import ConcertDate, concert_plan
from campdesk.domain.ids import natural_id
from campdesk.domain.validation import parse_phone
from campdesk.i18n import N_, _, in_language
from campdesk.services.context import Context
from campdesk.services.fields import clean_input, with_limits
from campdesk.services.outreach.common import active_companies, primary_contacts, raise_if, require
from campdesk.services.records import get_or_raise
from campdesk.store.audit import apply_changes
from campdesk.store.models import Company, Event, EventAttendance

EVENT_FIELDS = ("kind", "title", "held_on", "venue", "description", "speaker", "theme",
                "starts_at", "moved_from")
# Stored (the place's name) and used in the invitation to the companies, which is Korean.
CONCERT_VENUE = "AI창업캠프 1층 세미나실"  # i18n: data
WEEKDAYS = "월화수목금토일"  # i18n: data


@dataclass(frozen=True)
class EventRow:
    id: str
    kind: str
    title: str
    held_on: date
    moved_from: date | None
    venue: str | None
    speaker: str | None
    theme: str | None
    starts_at: str | None
    registered: int   # companies or people registered in advance
    attended: int     # of them (and walk-ins) who came
    attendees: int    # people who came


@dataclass(frozen=True)
class AttendanceRow:
    id: str
    company_id: str | None
    company_name: str | None
    person_name: str | None
    organisation: str | None
    phone: str | None
    attendees: int
    registered: bool
    registered_on: date | None
    attended: bool

    @property
    def who(self) -> str:
        return self.company_name or self.organisation or self.person_name or "-"


@dataclass(frozen=True)
class Invitee:
    company_id: str
    name: str
    relationship: str
    contact: str | None
    phone: str | None
    registered: bool


def concert_dates(year: int) -> list[ConcertDate]:
    """The year's twelve concert dates: the fourth Thursday, moved off holidays and eves."""
    return [concert_plan(year, month) for month in range(1, 13)]


def _check(values: dict[str, Any], creating: bool) -> None:
    values.update(clean_input(values))
    errors: list[ValidationError] = []
    if creating or "title" in values:
        require(values, "title", _("행사 이름"), errors)
    if "kind" in values:
        choice = EVENT_KIND.parse(values.get("kind") or "concert")
        if choice is None:
            errors.append(ValidationError("kind", _("알 수 없는 행사 종류입니다: {kind}").format(
                kind=values["kind"])))
        else:
            values["kind"] = choice.code
    for field in ("held_on", "moved_from"):
        if field in values:
            try:
                values[field] = parse_date(values[field], field)
            except ValidationError as exc:
                errors.append(exc)
    if creating and not values.get("held_on"):
        errors.append(ValidationError("held_on", _("행사 날짜를 입력해 주세요.")))
    if values.get("starts_at"):
        text = str(values["starts_at"]).strip().replace("시", ":").rstrip(":")  # i18n: data
        hh, _sep, mm = text.partition(":")
        try:
            h, m_ = int(hh), int(mm or 0)
            if not (0 <= h < 24 and 0 <= m_ < 60):
                raise ValueError
            values["starts_at"] = f"{h:02d}:{m_:02d}"
        except ValueError:
            errors.append(ValidationError("starts_at", _("시작 시각은 19:00처럼 입력해 주세요 (입력: {value}).")
                                          .format(value=text)))
    raise_if(with_limits("events", values, errors))


def save_event(ctx: Context, raw: dict[str, Any], event_id: str | None = None) -> str:
    """Create an event, or change one (each change in its edit history)."""
    values = {k: v for k, v in raw.items() if k in EVENT_FIELDS}
    _check(values, creating=event_id is None)
    with ctx.db.transaction() as s:
        if event_id is None:
            values.setdefault("kind", "concert")
            event = Event(**values, updated_by=ctx.staff_id)
            s.add(event)
            s.flush()
            return event.id
        event = get_or_raise(s, Event, event_id)
        if "held_on" in values and event.kind == "concert" and values["held_on"] != event.held_on \
                and "moved_from" not in values and event.moved_from is None:
            values["moved_from"] = event.held_on  # a concert moved by hand keeps where it was
        apply_changes(s, event, values, ctx.staff_id)
        return event.id


def schedule_concerts(ctx: Context, year: int) -> list[str]:
    """Add the year's concerts not in the calendar yet (one per month); returns their ids.

    A concert's id comes from its month, so two PCs scheduling the same year make one row."""
    made = []
    with ctx.db.transaction() as s:
        for plan in concert_dates(year):
            first = plan.regular.replace(day=1)
            last = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            there = s.scalar(select(func.count()).select_from(Event).where(
                Event.kind == "concert", Event.held_on >= first, Event.held_on < last,
                Event.archived.is_(False)))
            eid = natural_id("concert", first.isoformat())
            if there or s.get(Event, eid) is not None:
                continue
            # Stored: Korean whatever the language of the window.
            title = in_language("ko", N_("{month}월 지식콘서트")).format(month=plan.regular.month)
            moved = in_language("ko", N_("정기일({day}) {reason}로 옮김")).format(
                day=format_date(plan.regular, "ko"), reason=plan.reason_in("ko"))
            s.add(Event(id=eid, kind="concert", title=title,
                        held_on=plan.day, venue=CONCERT_VENUE, starts_at="16:00",
                        moved_from=plan.regular if plan.moved else None,
                        description=moved if plan.moved else None,
                        updated_by=ctx.staff_id))
            made.append(eid)
    return made


def _counts():
    a = EventAttendance
    live = a.archived.is_(False)
    registered = select(func.count()).where(a.event_id == Event.id, live, a.registered.is_(True)) \
        .correlate(Event).scalar_subquery()
    attended = select(func.count()).where(a.event_id == Event.id, live, a.attended.is_(True)) \
        .correlate(Event).scalar_subquery()
    people = select(func.coalesce(func.sum(a.attendees), 0)) \
        .where(a.event_id == Event.id, live, a.attended.is_(True)).correlate(Event).scalar_subquery()
    return registered, attended, people


def list_events(ctx: Context, year: int | None = None, kind: str | None = None) -> list[EventRow]:
    e = Event
    stmt = select(e.id, e.kind, e.title, e.held_on, e.moved_from, e.venue, e.speaker, e.theme,
                  e.starts_at, *_counts()).where(e.archived.is_(False))
    if year:
        stmt = stmt.where(e.held_on >= date(year, 1, 1), e.held_on <= date(year, 12, 31))
    if kind:
        stmt = stmt.where(e.kind == kind)
    with ctx.db.reading() as s:
        return [EventRow(*r) for r in s.execute(stmt.order_by(e.held_on, e.title))]


def get_event(ctx: Context, event_id: str) -> EventRow:
    e = Event
    stmt = select(e.id, e.kind, e.title, e.held_on, e.moved_from, e.venue, e.speaker, e.theme,
                  e.starts_at, *_counts()).where(e.id == event_id)
    with ctx.db.reading() as s:
        row = s.execute(stmt).first()
        if row is None:
            get_or_raise(s, Event, event_id)
        return EventRow(*row)


def invitees(ctx: Context, event_id: str) -> list[Invitee]:
    """Who to invite: the camp's tenants and MOU companies, with a contact and whether
    they registered already."""
    with ctx.db.reading() as s:
        get_or_raise(s, Event, event_id)
        rows = s.execute(select(Company.id, Company.name, Company.relationship)
                         .where(Company.id.in_(active_companies(("tenant", "mou")).with_only_columns(Company.id)))
                         .order_by(Company.relationship.desc(), Company.name)).all()
        contacts = primary_contacts(s, [r[0] for r in rows])
        registered = set(s.scalars(select(EventAttendance.company_id).where(
            EventAttendance.event_id == event_id, EventAttendance.archived.is_(False),
            EventAttendance.company_id.is_not(None))))
    return [Invitee(cid, name, rel, *(contacts.get(cid) or (None, None)), cid in registered)
            for cid, name, rel in rows]


def invitation_text(ctx: Context, event_id: str) -> str:
    """The message to paste into the companies' open chat: Korean whatever the language of
    the window (it goes to the companies)."""
    ev = get_event(ctx, event_id)
    when = f"{ev.held_on.month}월 {ev.held_on.day}일({WEEKDAYS[ev.held_on.weekday()]})"  # i18n: data
    if ev.starts_at:
        when += f" {ev.starts_at}"
    lines = [f"[AI창업캠프] {ev.title} 안내", "",  # i18n: data
             "안녕하세요, AI창업캠프입니다.",  # i18n: data
             f"이번 달 {EVENT_KIND.label(ev.kind, 'ko')}에 입주기업·MOU 기업 여러분을 초대합니다.", "",  # i18n: data
             f"■ 일시: {when}"]  # i18n: data
    if ev.moved_from:
        lines.append(f"  (정기일 {ev.moved_from.month}월 {ev.moved_from.day}일에서 옮겼습니다)")  # i18n: data
    lines.append(f"■ 장소: {ev.venue or CONCERT_VENUE}")  # i18n: data
    if ev.theme:
        lines.append(f"■ 주제: {ev.theme}")  # i18n: data
    if ev.speaker:
        lines.append(f"■ 연사: {ev.speaker}")  # i18n: data
    lines += ["", "참석을 원하시면 기업명, 참석자 성함, 연락처, 인원을 이 채팅방에 남겨 주세요.",  # i18n: data
              "감사합니다."]  # i18n: data
    return "\n".join(lines)


def _attendance_check(values: dict[str, Any]) -> None:
    values.update(clean_input(values))
    errors: list[ValidationError] = []
    if not values.get("company_id") and not str(values.get("person_name") or "").strip():
        errors.append(ValidationError("company_id", _("기업을 고르거나 참석자 이름을 입력해 주세요.")))
    if values.get("phone"):
        try:
            values["phone"] = parse_phone(values["phone"], "phone")
        except ValidationError as exc:
            errors.append(exc)
    if values.get("attendees") not in (None, ""):
        try:
            n = int(values["attendees"])
            if n < 1:
                raise ValueError
            values["attendees"] = n
        except (TypeError, ValueError):
            errors.append(ValidationError("attendees", _("인원은 1 이상의 숫자로 입력해 주세요.")))
    else:
        values.pop("attendees", None)  # unchanged; a new row counts one
    raise_if(with_limits("event_attendance", values, errors))


def _record(ctx: Context, event_id: str, raw: dict[str, Any], registering: bool) -> str:
    values = {k: raw.get(k) for k in ("company_id", "person_name", "organisation", "phone", "attendees")
              if k in raw}
    _attendance_check(values)
    with ctx.db.transaction() as s:
        get_or_raise(s, Event, event_id)
        if values.get("company_id"):
            get_or_raise(s, Company, values["company_id"])
        key = values.get("company_id") or (values.get("person_name") or "").strip()
        row_id = natural_id(event_id, key)
        row = s.get(EventAttendance, row_id)
        if registering:
            changes = {**values, "registered": True, "registered_on": today_seoul()}
            if row is None:
                changes["attended"] = False
        else:
            changes = {**values, "attended": True}
        if row is None:
            row = EventAttendance(id=row_id, event_id=event_id, updated_by=ctx.staff_id,
                                  **{"registered": False, **changes})
            s.add(row)
        else:
            if row.archived:
                changes["archived"] = False
            apply_changes(s, row, {k: v for k, v in changes.items() if v is not None}, ctx.staff_id)
        return row_id


def register(ctx: Context, event_id: str, raw: dict[str, Any]) -> str:
    """A company (or a person) registered for the event: not there yet."""
    return _record(ctx, event_id, raw, registering=True)


def check_in(ctx: Context, event_id: str, raw: dict[str, Any]) -> str:
    """Someone came: registered in advance or a walk-in."""
    return _record(ctx, event_id, raw, registering=False)


def set_attended(ctx: Context, attendance_id: str, attended: bool) -> None:
    with ctx.db.transaction() as s:
        apply_changes(s, get_or_raise(s, EventAttendance, attendance_id),
                      {"attended": bool(attended)}, ctx.staff_id)


def remove_attendance(ctx: Context, attendance_id: str) -> None:
    """A registration withdrawn: archived, so the hub hears of it and history stays."""
    with ctx.db.transaction() as s:
        apply_changes(s, get_or_raise(s, EventAttendance, attendance_id), {"archived": True},
                      ctx.staff_id)


def attendance(ctx: Context, event_id: str) -> list[AttendanceRow]:
    a = EventAttendance
    name = select(Company.name).where(Company.id == a.company_id).correlate(a).scalar_subquery()
    stmt = (select(a.id, a.company_id, name, a.person_name, a.organisation, a.phone, a.attendees,
                   a.registered, a.registered_on, a.attended)
            .where(a.event_id == event_id, a.archived.is_(False)))
    with ctx.db.reading() as s:
        get_or_raise(s, Event, event_id)
        rows = [AttendanceRow(*r) for r in s.execute(stmt)]
    return sorted(rows, key=lambda r: (r.who, r.person_name or ""))
