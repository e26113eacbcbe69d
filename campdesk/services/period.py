"""A calendar month in Seoul, and the UTC moments that bound it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from campdesk.domain.dates import SEOUL, parse_month
from campdesk.domain.errors import ValidationError
from campdesk.i18n import _, current_language
from campdesk.services.errors import UserError


# For the English label ("March 2026"): the catalog's text may name the month.
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """``2026-03`` → Month(2026, 3); a bad month is a UserError with what to type."""
        try:
            return cls(*parse_month(text))
        except ValidationError as exc:
            raise UserError(exc.message(current_language())) from None

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return self.next().first - timedelta(days=1)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def year_before(self) -> Month:
        return Month(self.year - 1, self.month)

    def minus(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 - months
        return Month(index // 12, index % 12 + 1)

    @property
    def start_utc(self) -> datetime:
        """The first moment of the month in Seoul, as a UTC time."""
        return _utc(self.first)

    @property
    def end_utc(self) -> datetime:
        """The first moment of the next month in Seoul (exclusive bound), as UTC."""
        return _utc(self.next().first)

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return _("{year}년 {month}월").format(year=self.year, month=self.month,
                                              month_name=_MONTH_NAMES[self.month - 1])

    @property
    def short_label(self) -> str:
        return f"{self.year % 100:02d}.{self.month}"


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(0), SEOUL).astimezone(timezone.utc)


def seoul_day_utc(day: date) -> tuple[datetime, datetime]:
    """The UTC bounds of one Seoul calendar day: [start, end)."""
    return _utc(day), _utc(day + timedelta(days=1))
