"""What the dashboard shows: today, open follow-ups, this month by channel and category,
the last twelve months and the public calls closing this week. One read, plain data out;
months and days are Seoul's.

Read with the plain ``sqlite3`` module (no SQLAlchemy, no ORM objects): the dashboard is the
page the window usually opens on, and it shows its data while the rest of the data layer is
still loading. The indexes it leans on are made by migration 0007 (``ix_consultations_open``,
``ix_consultations_month``).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from campdesk.domain.choices import OPEN_OUTCOMES
from campdesk.domain.dates import SEOUL, today_seoul
from campdesk.services.consultation_view import ConsultationView, read_views, stored_moment


@dataclass(frozen=True)
class CallDeadline:
    """A public call closing in the coming week, as the dashboard's line names it."""
    title: str
    organiser: str  # the agency's short name, else its name, else the organiser as typed
    deadline: date


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
    deadlines: list[CallDeadline] = field(default_factory=list)


def seoul_start(d: date) -> datetime:
    """Midnight of a Seoul day, as an aware moment."""
    return datetime.combine(d, time(), SEOUL)


def month_start(d: date, back: int = 0) -> date:
    index = d.year * 12 + d.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


LIVE = "c.archived = 0"
WHEN = "c.occurred_at >= ? AND c.occurred_at < ?"


def _between(first: date, after: date) -> tuple[str, str]:
    """From midnight of ``first`` to midnight of ``after`` (Seoul), as stored."""
    return stored_moment(seoul_start(first)), stored_moment(seoul_start(after))


def _count_by(conn: sqlite3.Connection, column: str, since: date, until: date) -> dict[str, int]:
    return dict(conn.execute(f"SELECT c.{column}, count(*) FROM consultations c "
                             f"WHERE {LIVE} AND {WHEN} GROUP BY c.{column}", _between(since, until)))


def _trend(conn: sqlite3.Connection, today: date, months: int) -> list[tuple[date, int]]:
    out = []
    for back in range(months - 1, -1, -1):
        first, nxt = month_start(today, back), month_start(today, back - 1)
        n = conn.execute(f"SELECT count(*) FROM consultations c WHERE {LIVE} AND {WHEN}",
                         _between(first, nxt)).fetchone()[0]
        out.append((first, n))
    return out


def _open_counts(conn: sqlite3.Connection, today: date) -> tuple[int, int, int]:
    """Open, due today, overdue: one pass over the open follow-ups, not three."""
    marks = ", ".join("?" * len(OPEN_OUTCOMES))
    day = today.isoformat()
    open_n, due, overdue = conn.execute(
        "SELECT count(*), coalesce(sum(c.due_on = ?), 0), coalesce(sum(c.due_on < ?), 0) "
        f"FROM consultations c WHERE c.outcome IN ({marks}) AND c.closed_at IS NULL AND {LIVE}",
        (day, day, *OPEN_OUTCOMES)).fetchone()
    return int(open_n), int(due), int(overdue)


def _deadlines(conn: sqlite3.Connection, today: date) -> list[CallDeadline]:
    """Calls whose deadline falls in the coming week (today and the next six days)."""
    rows = conn.execute(
        "SELECT p.title, coalesce((SELECT coalesce(a.short_name, a.name) FROM agencies a "
        "WHERE a.id = p.agency_id), p.organiser, '-'), p.deadline FROM public_calls p "
        "WHERE p.archived = 0 AND p.deadline >= ? AND p.deadline <= ? "
        "ORDER BY p.deadline, p.title",
        (today.isoformat(), (today + timedelta(days=6)).isoformat()))
    return [CallDeadline(title, organiser, date.fromisoformat(d)) for title, organiser, d in rows]


def read(conn: sqlite3.Connection, today: date | None = None, months: int = 12) -> Dashboard:
    """Everything the dashboard shows, in one read transaction on ``conn``."""
    today = today or today_seoul()
    tomorrow = today + timedelta(days=1)
    conn.execute("BEGIN")  # one snapshot: the cards and the charts agree
    try:
        todays = read_views(conn, f"{LIVE} AND {WHEN}", _between(today, tomorrow),
                            order="c.occurred_at DESC")
        open_n, due, overdue = _open_counts(conn, today)
        month = month_start(today)
        by_channel = _count_by(conn, "channel", month, tomorrow)
        by_category = _count_by(conn, "category", month, tomorrow)
        trend = _trend(conn, today, months)
        deadlines = _deadlines(conn, today)
    finally:
        conn.rollback()
    return Dashboard(today, todays, open_n, due, overdue, by_channel, by_category, trend,
                     deadlines)


def load(ctx, today: date | None = None, months: int = 12) -> Dashboard:
    """The dashboard of this PC's database (``ctx``: a ``Context``)."""
    conn = ctx.db.read_only()
    try:
        return read(conn, today, months)
    finally:
        conn.close()
