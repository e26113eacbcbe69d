"""Recurring dates of the camp: the knowledge concert on the fourth Thursday."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import holidays


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


@dataclass(frozen=True)
class ConcertDate:
    day: date             # when the concert is held
    regular: date         # the month's fourth Thursday
    reason: str | None    # why it moved: "추석 전날", "개천절"; None when it did not

    @property
    def moved(self) -> bool:
        return self.day != self.regular


def _holiday_clash(day: date, kr) -> str | None:
    """The holiday a day is, or is the eve of (holidays' Korean names)."""
    if day in kr:
        return kr.get(day)
    if day + timedelta(days=1) in kr:
        return f"{kr.get(day + timedelta(days=1))} 전날"
    return None


def concert_plan(year: int, month: int) -> ConcertDate:
    """The month's knowledge concert: the fourth Thursday (never "the last": October 2026
    has five, and its concert is on the 22nd), a week earlier when that day is a public
    holiday or the eve of one (2026-09-24 is the day before Chuseok), else a week later."""
    kr = holidays.KR(years=[year, year + 1], language="ko")
    regular = nth_weekday(year, month, 3, 4)
    reason = _holiday_clash(regular, kr)
    if reason is None:
        return ConcertDate(regular, regular, None)
    for other in (regular - timedelta(days=7), regular + timedelta(days=7)):
        if _holiday_clash(other, kr) is None:
            return ConcertDate(other, regular, reason)
    return ConcertDate(regular, regular, reason)  # nowhere better: staff choose by hand


def concert_date(year: int, month: int) -> date:
    """The day of the month's concert (see :func:`concert_plan`)."""
    return concert_plan(year, month).day


def is_working_day(day: date, kr_holidays=None) -> bool:
    kr_holidays = kr_holidays if kr_holidays is not None else holidays.KR(years=[day.year])
    return day.weekday() < 5 and day not in kr_holidays
