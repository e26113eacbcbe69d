"""Dates as people type them in Korea, and as spreadsheets store them."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from campdesk.domain.errors import ValidationError
from campdesk.i18n import _, current_language

SEOUL = ZoneInfo("Asia/Seoul")
_YMD = re.compile(r"^\s*(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*일?\.?\s*$")  # i18n: data
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(value: object, field: str = "date") -> date | None:
    """``2024-03-05``, ``2024.3.5``, ``2024/03/05``, ``20240305``, ``2024년 3월 5일``,
    a datetime from openpyxl, or an Excel serial number."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and 1 < value < 100000:
        return _EXCEL_EPOCH + timedelta(days=int(value))
    text = str(value).strip()
    if not text:
        return None
    m = _YMD.match(text) or _COMPACT.match(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    text_head = text.split("T")[0].split(" ")[0]
    try:
        return date.fromisoformat(text_head)
    except ValueError:
        raise ValidationError(field, _("날짜 형식이 올바르지 않습니다 (입력: {value}). 예: 2026-03-05")
                              .format(value=text)) from None


_SHORT_YMD = re.compile(r"^\s*(\d{2})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*\.?\s*$")
_MONTH_DAY = re.compile(r"^\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*일?\.?\s*$")  # i18n: data
_MMDD = re.compile(r"^\s*(\d{2})(\d{2})\s*$")


def parse_typed_date(text: str, today: date) -> date | None:
    """A date as a person types it into a date field, or None when it is not one:
    ``20261209``, ``2026.12.9``, ``2026-12-09``, ``2026. 12. 9.``, ``2026년 12월 9일``,
    ``26.12.9``, and in this year ``12/9``, ``12.9``, ``12월 9일``, ``1209``."""
    text = (text or "").strip()
    if not text:
        return None
    year = month = day = None
    m = _YMD.match(text) or _COMPACT.match(text)
    if m:
        year, month, day = (int(g) for g in m.groups())
    elif m := _SHORT_YMD.match(text):
        year, month, day = 2000 + int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := (_MONTH_DAY.match(text) or _MMDD.match(text)):
        year, month, day = today.year, int(m.group(1)), int(m.group(2))
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def format_date(d: date | None, lang: str | None = None) -> str:
    """A day as people read it in ``lang`` (the current language when not given): Korean
    ``2026. 3. 5.``, English ``2026-03-05`` (which date fields read back)."""
    if not d:
        return ""
    if (lang or current_language()) == "en":
        return d.isoformat()
    return f"{d.year}. {d.month}. {d.day}."


def format_date_long(d: date | None) -> str:
    """A day written out, in the current language: ``2026년 3월 5일``, ``March 5, 2026``."""
    if not d:
        return ""
    return _("{year}년 {month}월 {day}일").format(year=d.year, month=d.month, day=d.day,
                                               month_name=d.strftime("%B"))


def to_seoul(moment: datetime | None) -> datetime | None:
    return moment.astimezone(SEOUL) if moment else None


def format_datetime(moment: datetime | None) -> str:
    """A UTC moment shown in Asia/Seoul: ``2026. 3. 5. 14:05``"""
    if moment is None:
        return ""
    local = moment.astimezone(SEOUL)
    return f"{format_date(local.date())} {local:%H:%M}"


def a_year_later(d: date) -> date:
    """The same day a year later; 29 February gives 28 February of a common year."""
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return d.replace(year=d.year + 1, day=28)


def today_seoul() -> date:
    return datetime.now(SEOUL).date()


def parse_month(text: str) -> tuple[int, int]:
    """``2026-03`` → (2026, 3); raises ValidationError with what to fix."""
    m = re.match(r"^\s*(\d{4})\s*[-./년]\s*(\d{1,2})\s*월?\s*$", text or "")  # i18n: data
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValidationError("month", _("월은 YYYY-MM 형식으로 입력해 주세요 (입력: {value}). "
                                         "예: 2026-03").format(value=text))
    return int(m.group(1)), int(m.group(2))
