"""A consultation as the pages show it (``ConsultationView``), and reading such rows with
the plain ``sqlite3`` module.

Light on purpose: no SQLAlchemy, no models. The dashboard's first read goes through here
while the rest of the data layer is still loading (docs/PERFORMANCE.md). Values are
stored as SQLAlchemy writes them: moments as naive UTC ``YYYY-MM-DD HH:MM:SS.ffffff``
text, days as ``YYYY-MM-DD``, flags as 0/1.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timezone

from campdesk.domain.choices import OPEN_OUTCOMES


@dataclass(frozen=True)
class ConsultationView:
    id: str
    occurred_at: datetime
    channel: str
    company_id: str | None
    company_name: str | None
    caller_name: str | None
    caller_phone: str | None
    caller_org: str | None
    category: str
    question: str
    answer: str | None
    difficulty: str | None
    suggestion: str | None
    outcome: str
    escalated_to_id: str | None
    escalated_to_name: str | None
    escalated_at: datetime | None
    due_on: date | None
    closed_at: datetime | None
    resolution: str | None
    duration_min: int | None
    staff_id: str | None
    staff_name: str | None

    @property
    def who(self) -> str:
        """The company, or the unregistered caller with their organisation."""
        if self.company_name:
            return self.company_name
        return " · ".join(filter(None, (self.caller_name, self.caller_org))) or "-"

    @property
    def is_open(self) -> bool:
        return self.outcome in OPEN_OUTCOMES and self.closed_at is None

    def is_overdue(self, today: date) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < today


# Every ConsultationView column, in order, from ``consultations c``.
VIEW_SELECT = """
SELECT c.id, c.occurred_at, c.channel, c.company_id,
       (SELECT name FROM companies WHERE id = c.company_id),
       c.caller_name, c.caller_phone, c.caller_org, c.category, c.question, c.answer,
       c.difficulty, c.suggestion, c.outcome, c.escalated_to_id,
       (SELECT name FROM staff WHERE id = c.escalated_to_id),
       c.escalated_at, c.due_on, c.closed_at, c.resolution, c.duration_min, c.staff_id,
       (SELECT name FROM staff WHERE id = c.staff_id)
FROM consultations c"""


def stored_moment(moment: datetime) -> str:
    """An aware moment as the database stores it (naive UTC text), for comparisons."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


def moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def view(row: tuple) -> ConsultationView:
    r = list(row)
    r[1], r[16], r[18] = moment(r[1]), moment(r[16]), moment(r[18])
    r[17] = day(r[17])
    return ConsultationView(*r)


def read_views(conn: sqlite3.Connection, where: str, params=(), order: str = "") -> list[ConsultationView]:
    """``ConsultationView`` rows of ``consultations c`` matching ``where`` (SQL on ``c``)."""
    sql = f"{VIEW_SELECT} WHERE {where}" + (f" ORDER BY {order}" if order else "")
    return [view(r) for r in conn.execute(sql, params)]
