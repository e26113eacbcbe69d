"""The monthly camp report for the council: every figure aggregated in SQL."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import distinct, func, or_, select
from sqlalchemy.orm import Session, aliased

from campdesk.domain.dates import to_seoul, today_seoul
from campdesk.i18n import N_, NP_
from campdesk.services.context import Context
from campdesk.services.jobs import figures as job_figures
from campdesk.services.reporting import keywords
from campdesk.services.reporting.lines import OCCUPYING
from campdesk.services.reporting.occupancy import average_of, occupancy_of
from campdesk.services.spaces.figures import read_snapshot
from campdesk.services.period import Month, seoul_day_utc
from campdesk.services.reporting.units import CASES, COMPANIES, HOURS, PEOPLE, TIMES
from campdesk.services.reporting.views import (
    CampMonth, RecordSpan, ComparisonRow, ConcertLine, ConsultationCounts, DormantCompany, EscalationLine,
    EscalationSummary, MouActivity, TenantMove, TermCount,
)
from campdesk.store.models import (
    Company, Consultation, Event, EventAttendance, JobMatch, Mentoring, MentoringSession,
    ProgrammeSupport, Space, SpaceAssignment, Staff,
)

C = Consultation
ACTIVE_MONTHS = 3
SEOUL_OFFSET = "+9 hours"  # Korea keeps no daylight saving time
_FAR = "9999-12-31"


def _live(col_archived):
    return col_archived.is_(False)


def _in_month(month: Month, last: date | None = None):
    """Consultations of the month, or of its first days up to ``last`` (inclusive)."""
    end = seoul_day_utc(last)[1] if last else month.end_utc
    return (C.occurred_at >= month.start_utc) & (C.occurred_at < end) & _live(C.archived)


def counts(s: Session, month: Month, last: date | None = None) -> ConsultationCounts:
    by_channel, by_category, by_outcome = {}, {}, {}
    stmt = (select(C.channel, C.category, C.outcome, func.count())
            .where(_in_month(month, last)).group_by(C.channel, C.category, C.outcome))
    total = 0
    for channel, category, outcome, n in s.execute(stmt):
        total += n
        by_channel[channel] = by_channel.get(channel, 0) + n
        by_category[category] = by_category.get(category, 0) + n
        by_outcome[outcome] = by_outcome.get(outcome, 0) + n
    return ConsultationCounts(month, total, by_channel, by_category, by_outcome)


def trend(s: Session, month: Month, months: int = 13) -> list[tuple[Month, int]]:
    first = month.minus(months - 1)
    key = func.strftime("%Y-%m", C.occurred_at, SEOUL_OFFSET)
    stmt = (select(key, func.count()).where(C.occurred_at >= first.start_utc,
                                            C.occurred_at < month.end_utc, _live(C.archived))
            .group_by(key))
    found = dict(s.execute(stmt).all())
    return [(m, found.get(m.key, 0)) for m in (first.minus(-i) for i in range(months))]


def escalations(s: Session, month: Month) -> EscalationSummary:
    consultant, company = aliased(Staff), aliased(Company)
    escalated_at = func.coalesce(C.escalated_at, C.occurred_at)
    days = func.julianday(C.closed_at) - func.julianday(escalated_at)
    who = func.coalesce(company.name, C.caller_org, C.caller_name, "-")
    stmt = (select(escalated_at, who, C.category, consultant.name, C.due_on, C.closed_at, days)
            .outerjoin(consultant, consultant.id == C.escalated_to_id)
            .outerjoin(company, company.id == C.company_id)
            .where(C.outcome == "escalated", _live(C.archived),
                   escalated_at >= month.start_utc, escalated_at < month.end_utc)
            .order_by(escalated_at))
    lines = []
    for at, who_, category, name, due_on, closed_at, n_days in s.execute(stmt):
        closed = closed_at is not None and closed_at < month.end_utc
        lines.append(EscalationLine(_seoul_day(at), who_, category, name, due_on,
                                    _seoul_day(closed_at) if closed else None,
                                    round(n_days, 1) if closed else None))
    backlog = s.scalar(select(func.count()).where(
        C.outcome == "escalated", _live(C.archived), escalated_at < month.end_utc,
        or_(C.closed_at.is_(None), C.closed_at >= month.end_utc)))
    return EscalationSummary(lines, backlog or 0)


def _seoul_day(moment) -> date:
    if isinstance(moment, str):  # an aggregate may come back as SQLite text
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return to_seoul(moment).date()


def record_span(s: Session, today: date) -> RecordSpan:
    """From the first record (a consultation, a mentoring session, a job introduction, an
    agency's support) to today: the months a report has data for."""
    first = s.scalar(select(func.min(C.occurred_at)).where(_live(C.archived)))
    days = [_seoul_day(first)] if first else []
    for column, archived in ((MentoringSession.held_on, MentoringSession.archived),
                             (JobMatch.matched_on, JobMatch.archived),
                             (func.coalesce(ProgrammeSupport.starts_on, ProgrammeSupport.granted_on),
                              ProgrammeSupport.archived)):
        day = s.scalar(select(func.min(column)).where(_live(archived)))
        if day:
            days.append(day if isinstance(day, date) else date.fromisoformat(str(day)[:10]))
    return RecordSpan(min(days) if days else None, today)


def tenant_moves(s: Session, month: Month, upto: date | None = None
                 ) -> tuple[list[TenantMove], list[TenantMove]]:
    """Companies whose first occupancy starts, or whose last one ends, in the month (or in
    its first days up to ``upto``)."""
    a = SpaceAssignment
    span = (select(a.company_id, func.min(a.starts_on).label("first"),
                   func.max(func.coalesce(a.ends_on, _FAR)).label("last"))
            .where(a.status.in_(OCCUPYING), _live(a.archived)).group_by(a.company_id).subquery())
    first_iso, last_iso = month.first.isoformat(), (upto or month.last).isoformat()

    def moves(column, pick) -> list[TenantMove]:
        stmt = (select(Company.name, column, func.group_concat(distinct(Space.name)))
                .join(span, span.c.company_id == Company.id)
                .join(a, (a.company_id == Company.id) & a.status.in_(OCCUPYING) & _live(a.archived))
                .join(Space, Space.id == a.space_id)
                .where(func.date(column) >= first_iso, func.date(column) <= last_iso, pick)
                .group_by(Company.id).order_by(column, Company.name))
        return [TenantMove(name, date.fromisoformat(str(on)[:10]), spaces or "")
                for name, on, spaces in s.execute(stmt)]

    new = moves(span.c.first, a.starts_on == span.c.first)
    leaving = moves(span.c.last, func.coalesce(a.ends_on, _FAR) == span.c.last)
    return new, leaving


def _mou_companies(month: Month):
    return (select(Company.id, Company.name)
            .where(_live(Company.archived), Company.merged_into.is_(None),
                   or_(Company.mou_date.is_not(None), Company.relationship == "mou"),
                   or_(Company.mou_date.is_(None), Company.mou_date <= month.last)))


def _active_ids(s: Session, since: Month, month: Month) -> set[str]:
    """Companies with a consultation, a mentoring session or an event in the window."""
    consulted = select(C.company_id).where(C.occurred_at >= since.start_utc,
                                           C.occurred_at < month.end_utc, _live(C.archived))
    mentored = (select(Mentoring.company_id)
                .join(MentoringSession, MentoringSession.mentoring_id == Mentoring.id)
                .where(MentoringSession.held_on >= since.first,
                       MentoringSession.held_on <= month.last))
    attended = (select(EventAttendance.company_id)
                .join(Event, Event.id == EventAttendance.event_id)
                .where(Event.held_on >= since.first, Event.held_on <= month.last,
                       EventAttendance.attended.is_(True)))
    return set(s.scalars(consulted.union(mentored, attended)))


def _last_contact(s: Session, company_ids: list[str], month: Month) -> dict[str, date]:
    """The latest consultation, mentoring session or event before the month's end."""
    if not company_ids:
        return {}
    found: dict[str, date] = {}
    queries = [
        select(C.company_id, func.max(C.occurred_at)).where(
            C.company_id.in_(company_ids), C.occurred_at < month.end_utc, _live(C.archived))
        .group_by(C.company_id),
        select(Mentoring.company_id, func.max(MentoringSession.held_on))
        .join(MentoringSession, MentoringSession.mentoring_id == Mentoring.id)
        .where(Mentoring.company_id.in_(company_ids), MentoringSession.held_on <= month.last)
        .group_by(Mentoring.company_id),
        select(EventAttendance.company_id, func.max(Event.held_on))
        .join(Event, Event.id == EventAttendance.event_id)
        .where(EventAttendance.company_id.in_(company_ids), Event.held_on <= month.last,
               EventAttendance.attended.is_(True))
        .group_by(EventAttendance.company_id),
    ]
    for stmt in queries:
        for company_id, last in s.execute(stmt):
            day = _seoul_day(last) if isinstance(last, (datetime, str)) else last
            if day and (company_id not in found or day > found[company_id]):
                found[company_id] = day
    return found


def mou_activity(s: Session, month: Month, details: bool = True) -> MouActivity:
    """MOU companies active (any contact in the last three months) versus dormant."""
    since = month.minus(ACTIVE_MONTHS - 1)
    companies = s.execute(_mou_companies(month)).all()
    active = _active_ids(s, since, month)
    dormant_rows = [(cid, name) for cid, name in companies if cid not in active]
    last = _last_contact(s, [cid for cid, _ in dormant_rows], month) if details else {}
    dormant = sorted((DormantCompany(name, last.get(cid)) for cid, name in dormant_rows),
                     key=lambda d: (d.last_contact or date.min, d.name))
    return MouActivity(since.first, len(companies), len(companies) - len(dormant), dormant)


def concerts(s: Session, first: date, last: date) -> list[ConcertLine]:
    at = EventAttendance
    stmt = (select(Event.held_on, Event.title, Event.venue,
                   func.count(distinct(at.company_id)), func.coalesce(func.sum(at.attendees), 0))
            .outerjoin(at, (at.event_id == Event.id) & _live(at.archived) & at.attended.is_(True))
            .where(Event.kind == "concert", _live(Event.archived),
                   Event.held_on >= first, Event.held_on <= last)
            .group_by(Event.id).order_by(Event.held_on))
    return [ConcertLine(*r) for r in s.execute(stmt)]


def concert_trend(s: Session, month: Month, months: int = 12) -> list[tuple[Month, int]]:
    first = month.minus(months - 1)
    found: dict[str, int] = {}
    for c in concerts(s, first.first, month.last):
        key = Month.of(c.held_on).key
        found[key] = found.get(key, 0) + c.attendees
    return [(m, found.get(m.key, 0)) for m in (first.minus(-i) for i in range(months))]


def difficulty_terms(s: Session, month: Month, limit: int = 10) -> tuple[list[TermCount], int]:
    texts = list(s.scalars(select(C.difficulty).where(
        _in_month(month), func.length(func.trim(func.coalesce(C.difficulty, ""))) > 0)))
    return [TermCount(t, n) for t, n in keywords.frequent_terms(texts, limit)], len(texts)


def mentoring_sessions(s: Session, month: Month, upto: date | None = None) -> int:
    ms = MentoringSession
    return s.scalar(select(func.count()).where(ms.held_on >= month.first,
                                               ms.held_on <= (upto or month.last),
                                               _live(ms.archived))) or 0


def mentoring_hours(s: Session, month: Month, upto: date | None = None) -> float:
    ms = MentoringSession
    minutes = s.scalar(select(func.sum(ms.duration_min)).where(
        ms.held_on >= month.first, ms.held_on <= (upto or month.last), _live(ms.archived))) or 0
    return round(minutes / 60, 1)


def _as_of(month: Month, today: date) -> date:
    return min(month.last, today) if month.first <= today else month.last


def _same_days(month: Month, day: int) -> date:
    """The ``day``-th of ``month``, or its last day when it is shorter."""
    return min(month.last, month.first + timedelta(days=day - 1))


def camp_month(ctx: Context, month: Month, today: date | None = None) -> CampMonth:
    """The month's figures. A running month (today inside it) counts up to today and is
    compared with the same days of the month before and of the year before; a month
    before the first record (the year-before column, often) has no figures (None)."""
    today = today or today_seoul()
    previous, year_before = month.previous(), month.year_before()
    running = month.first <= today <= month.last
    with ctx.db.reading() as s:
        span = record_span(s, today)
        upto = {m: (_same_days(m, today.day) if running else m.last)
                for m in (month, previous, year_before)}
        per = {m: counts(s, m, upto[m]) for m in (month, previous, year_before)}
        spaces = read_snapshot(s)  # one definition of occupancy: the 입주공간 tab's
        last_day = {m: _as_of(m, today) if not running else upto[m]
                    for m in (month, previous, year_before)}
        occ = {m: occupancy_of(spaces, last_day[m]) for m in (month, previous, year_before)}
        average = {m: average_of(spaces, m.first, last_day[m])
                   for m in (month, previous, year_before)}
        moves = {m: tenant_moves(s, m, upto[m]) for m in (month, previous, year_before)}
        mou = {m: mou_activity(s, m, details=m == month) for m in (month, previous, year_before)}
        shows = {m: concerts(s, m.first, m.last if m == month else upto[m])
                 for m in (month, previous, year_before)}
        sessions = {m: mentoring_sessions(s, m, upto[m]) for m in (month, previous, year_before)}
        hours = {m: mentoring_hours(s, m, upto[m]) for m in (month, previous, year_before)}
        jobs = {m: job_figures(s, m.first, upto[m]) for m in (month, previous, year_before)}
        terms, raised = difficulty_terms(s, month)
        order = (month, previous, year_before)
        held = {m: [c for c in shows[m] if c.held_on <= today] for m in order}

        def row(label, fn, unit=CASES):
            return ComparisonRow(label, *(fn(m) if span.covers(m, upto[m]) else None for m in order),
                                 unit=unit)

        def pct(rate):
            return None if rate is None else round(rate * 100, 1)

        comparison = [
            row(N_("상담 건수"), lambda m: per[m].total),
            row(NP_("count", "책임상담사 이관"), lambda m: per[m].by_outcome.get("escalated", 0)),
            row(N_("후속조치"), lambda m: per[m].by_outcome.get("follow_up", 0)),
            row(N_("입주기업 수"), lambda m: occ[m].companies, COMPANIES),
            row(N_("신규 입주"), lambda m: len(moves[m][0]), COMPANIES),
            row(N_("퇴거"), lambda m: len(moves[m][1]), COMPANIES),
            row(N_("좌석 점유율 (월평균)"), lambda m: pct(average[m].desk_rate), "%"),
            row(N_("면적 점유율 (월평균)"), lambda m: pct(average[m].area_rate), "%"),
            row(N_("활동 MOU 기업"), lambda m: mou[m].active, COMPANIES),
            row(N_("멘토링 세션"), lambda m: sessions[m], TIMES),
            row(N_("멘토링 시간"), lambda m: hours[m], HOURS),
            row(N_("잡매칭 소개"), lambda m: jobs[m].introductions, CASES),
            row(N_("잡매칭 면접"), lambda m: jobs[m].interviews, CASES),
            row(N_("잡매칭 채용"), lambda m: jobs[m].hires, PEOPLE),
            row(N_("지식콘서트 참석"), lambda m: sum(c.attendees for c in held[m]), PEOPLE),
        ]
        return CampMonth(
            month=month, counts=per[month], counts_previous=per[previous],
            counts_year_before=per[year_before], trend=trend(s, month),
            escalations=escalations(s, month), new_tenants=moves[month][0],
            leaving_tenants=moves[month][1], occupancy=occ[month], mou=mou[month],
            concerts=shows[month], concert_trend=concert_trend(s, month),
            difficulty_terms=terms, difficulties_raised=raised, comparison=comparison,
            as_of=today if running else None, compared_to=(upto[previous], upto[year_before]),
            span=span, occupancy_average=average[month])
