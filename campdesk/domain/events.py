"""Recurring dates of the camp: the knowledge concert on the fourth Thursday."""
from __future__ import annotations

from datetime import date, timedelta

import holidays


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def concert_date(year: int, month: int) -> date:
    """The fourth Thursday of the month; a week earlier when it falls on a public holiday
    or the eve of one (2026-09-24 is the day before Chuseok)."""
    kr = holidays.KR(years=[year])
    day = nth_weekday(year, month, 3, 4)
    if day in kr or day + timedelta(days=1) in kr:
        day -= timedelta(days=7)
    return day


def is_working_day(day: date, kr_holidays=None) -> bool:
    kr_holidays = kr_holidays if kr_holidays is not None else holidays.KR(years=[day.year])
    return day.weekday() < 5 and day not in kr_holidays
