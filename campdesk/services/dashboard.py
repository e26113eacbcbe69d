"""What the dashboard shows: today, open follow-ups, this month by channel and category,
and the last twelve months. One read, plain data out; months and days are Seoul's."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import case, func, select

from campdesk.domain.choices import OPEN_OUTCOMES
from campdesk.domain.dates import SEOUL, today_seoul
from campdesk.services.consultations import ConsultationView, view_query, views
from campdesk.services.context import Context
from campdesk.store.models import Consultation


@dataclass(frozen=True)
class Dashboard:
    today: date
    todays: list[ConsultationView]
    open_follow_ups: int
    due_today: int
    overdue: int
    by_channel: dict[str, int]
    by_category: dict[str, int]
    trend: list[tuple[date, int]] = field(default_factory=list)  # first of month, count


def seoul_start(d: date) -> datetime:
    """Midnight of a Seoul day, as an aware moment."""
    return datetime.combine(d, time(), SEOUL)


def month_start(d: date, back: int = 0) -> date:
    index = d.year * 12 + d.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _live():
    return Consultation.archived.is_(False)


def _count_by(s, column, since: datetime, until: datetime) -> dict[str, int]:
    stmt = (select(column, func.count()).where(_live(), Consultation.occurred_at >= since,
                                               Consultation.occurred_at < until)
            .group_by(column))
    return dict(s.execute(stmt).all())


def _trend(s, today: date, months: int) -> list[tuple[date, int]]:
    out = []
    for back in range(months - 1, -1, -1):
        first, nxt = month_start(today, back), month_start(today, back - 1)
        n = s.scalar(select(func.count()).where(
            _live(), Consultation.occurred_at >= seoul_start(first),
            Consultation.occurred_at < seoul_start(nxt)))
        out.append((first, n))
    return out


def _open_counts(s, today: date) -> tuple[int, int, int]:
    """Open, due today, overdue: one pass over the log, not three."""
    due = Consultation.due_on
    stmt = select(func.count(), func.coalesce(func.sum(case((due == today, 1), else_=0)), 0),
                  func.coalesce(func.sum(case((due < today, 1), else_=0)), 0)).where(
        _live(), Consultation.outcome.in_(OPEN_OUTCOMES), Consultation.closed_at.is_(None))
    open_n, due_today, overdue = s.execute(stmt).one()
    return int(open_n), int(due_today), int(overdue)


def load(ctx: Context, today: date | None = None, months: int = 12) -> Dashboard:
    today = today or today_seoul()
    start, end = seoul_start(today), seoul_start(today + timedelta(days=1))
    todays = views(ctx, view_query().where(_live(), Consultation.occurred_at >= start,
                                             Consultation.occurred_at < end)
                    .order_by(Consultation.occurred_at.desc()))
    month_from = seoul_start(month_start(today))
    with ctx.db.reading() as s:
        open_n, due, overdue = _open_counts(s, today)
        by_channel = _count_by(s, Consultation.channel, month_from, end)
        by_category = _count_by(s, Consultation.category, month_from, end)
        trend = _trend(s, today, months)
    return Dashboard(today, todays, open_n, due, overdue, by_channel, by_category, trend)
