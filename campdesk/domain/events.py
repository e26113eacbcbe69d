"""Recurring dates of the camp: the knowledge concert on the fourth Thursday."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import holidays

from campdesk.i18n import N_, current_language, in_language

# Why a concert moved when its day is the eve of a holiday ("추석 전날").
_EVE = N_("{holiday} 전날")

def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


@dataclass(frozen=True)
class ConcertDate:
    day: date               # when the concert is held
    regular: date           # the month's fourth Thursday
    holiday: date | None    # the public holiday the regular day is, or is the eve of

    @property
    def moved(self) -> bool:
        return self.day != self.regular

    @property
    def reason(self) -> str | None:
        """Why the regular day would not do, in the current language ("추석 전날", "개천절");
        None when nothing is in its way."""
        return self.reason_in(current_language())

    def reason_in(self, lang: str) -> str | None:
        """The reason in ``lang``: "ko" for what is stored (an event's description)."""
        if self.holiday is None:
            return None
        names = holidays.KR(years=[self.holiday.year], language="en_US" if lang == "en" else "ko")
        name = names.get(self.holiday)
        return name if self.holiday == self.regular else in_language(lang, _EVE).format(holiday=name)


def _holiday_clash(day: date, kr) -> date | None:
    """The holiday a day is, or is the eve of."""
    for holiday in (day, day + timedelta(days=1)):
        if holiday in kr:
            return holiday
    return None


def concert_plan(year: int, month: int) -> ConcertDate:
    """The month's knowledge concert: the fourth Thursday (never "the last": October 2026
    has five, and its concert is on the 22nd), a week earlier when that day is a public
    holiday or the eve of one (2026-09-24 is the day before Chuseok), else a week later."""
    kr = holidays.KR(years=[year, year + 1])
    regular = nth_weekday(year, month, 3, 4)
    clash = _holiday_clash(regular, kr)
    if clash is None:
        return ConcertDate(regular, regular, None)
    for other in (regular - timedelta(days=7), regular + timedelta(days=7)):
        if _holiday_clash(other, kr) is None:
            return ConcertDate(other, regular, clash)
    return ConcertDate(regular, regular, clash)  # nowhere better: staff choose by hand


def concert_date(year: int, month: int) -> date:
    """The day of the month's concert (see :func:`concert_plan`)."""
    return concert_plan(year, month).day


def is_working_day(day: date, kr_holidays=None) -> bool:
    kr_holidays = kr_holidays if kr_holidays is not None else holidays.KR(years=[day.year])
    return day.weekday() < 5 and day not in kr_holidays
