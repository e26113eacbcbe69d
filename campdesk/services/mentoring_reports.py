"""What the mentoring documents show, gathered in one read: the 멘토링 일지 of a session and a
mentor's monthly activity statement (sessions and hours, for paying honoraria)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from campdesk.domain.mentor_rules import fields_label
from campdesk.i18n import _, current_language
from campdesk.services.context import Context
from campdesk.services.errors import NotFound
from campdesk.services.period import Month
from campdesk.store.models import Company, Mentor, Mentoring, MentoringProgramme, MentoringSession


@dataclass(frozen=True)
class MentoringLog:
    session_id: str
    number: int                 # the session's number in its pairing (1회차, 2회차 …)
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
    company: str
    representative: str | None
    company_phone: str | None
    mentor: str
    mentor_org: str | None
    mentor_fields: str
    programme: str | None
    pairing_topic: str | None
    hours_allocated: float | None
    hours_to_date: float        # this session included


@dataclass(frozen=True)
class ActivityLine:
    held_on: date
    start_time: str | None
    company: str
    hours: float
    mode: str
    topic: str | None


@dataclass
class MentorActivity:
    mentor_id: str
    mentor: str
    organisation: str | None
    fields: str
    phone: str | None
    email: str | None
    month: Month
    lines: list[ActivityLine] = field(default_factory=list)

    @property
    def sessions(self) -> int:
        return len(self.lines)

    @property
    def hours(self) -> float:
        return round(sum(line.hours for line in self.lines), 2)

    def by_company(self) -> list[tuple[str, int, float]]:
        acc: dict[str, list] = {}
        for line in self.lines:
            a = acc.setdefault(line.company, [0, 0.0])
            a[0] += 1
            a[1] += line.hours
        return [(c, n, round(h, 2)) for c, (n, h) in sorted(acc.items())]


def _mentor_of_session():
    return func.coalesce(MentoringSession.mentor_id, Mentoring.mentor_id)


def mentoring_log(ctx: Context, session_id: str) -> MentoringLog:
    ms = MentoringSession
    with ctx.db.reading() as s:
        session = s.get(ms, session_id)
        if session is None or session.archived:
            raise NotFound(_("멘토링 회차를 찾을 수 없습니다."))
        pairing = s.get(Mentoring, session.mentoring_id)
        company = s.get(Company, pairing.company_id)
        mentor = s.get(Mentor, session.mentor_id or pairing.mentor_id)
        programme = s.get(MentoringProgramme, pairing.programme_id) if pairing.programme_id else None
        earlier = s.execute(select(ms.id, ms.held_on, ms.start_time, ms.duration_min)
                            .where(ms.mentoring_id == pairing.id, ms.archived.is_(False))).all()
        key = (session.held_on, session.start_time or "", session.id)
        before = [r for r in earlier if (r[1], r[2] or "", r[0]) <= key]
        return MentoringLog(
            session.id, len(before), session.held_on, session.start_time,
            round((session.duration_min or 0) / 60, 2), session.mode, session.place, session.topic,
            session.content, session.next_step, session.difficulty, session.advice,
            company.name, company.representative, company.phone,
            mentor.name, mentor.organisation, fields_label(mentor.fields or mentor.field, current_language()),
            programme.name if programme else None, pairing.topic, pairing.hours_allocated,
            round(sum(r[3] or 0 for r in before) / 60, 2))


def mentor_activity(ctx: Context, month: Month, mentor_id: str | None = None) -> list[MentorActivity]:
    """Each mentor with a session in the month (or the one asked for, even without any)."""
    ms = MentoringSession
    who = _mentor_of_session()
    stmt = (select(who, ms.held_on, ms.start_time, Company.name, ms.duration_min, ms.mode, ms.topic)
            .join(Mentoring, Mentoring.id == ms.mentoring_id)
            .join(Company, Company.id == Mentoring.company_id)
            .where(ms.archived.is_(False), Mentoring.archived.is_(False),
                   ms.held_on >= month.first, ms.held_on <= month.last)
            .order_by(ms.held_on, ms.start_time, Company.name))
    if mentor_id:
        stmt = stmt.where(who == mentor_id)
    with ctx.db.reading() as s:
        if mentor_id and s.get(Mentor, mentor_id) is None:
            raise NotFound(_("멘토를 찾을 수 없습니다."))
        rows = s.execute(stmt).all()
        ids = {mentor_id} if mentor_id else {r[0] for r in rows}
        mentors = {m.id: m for m in s.scalars(select(Mentor).where(Mentor.id.in_(ids)))} if ids else {}
    out: dict[str, MentorActivity] = {}
    for mid in ids:
        m = mentors[mid]
        out[mid] = MentorActivity(mid, m.name, m.organisation, fields_label(m.fields or m.field, current_language()),
                                  m.phone, m.email, month)
    for mid, held, start, company, minutes, mode, topic in rows:
        out[mid].lines.append(ActivityLine(held, start, company, round((minutes or 0) / 60, 2), mode, topic))
    return sorted(out.values(), key=lambda a: a.mentor)
