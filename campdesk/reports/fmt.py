"""How numbers, money, dates and changes are written in the documents, in the current language.

Korean (the default) writes ``2026. 12. 9.``, ``2026년 12월``, ``1,200,000원``; English writes
``Dec 9, 2026``, ``Dec 2026``, ``₩1,200,000``. A unit after a number (``12건``, ``3개사``) is
Korean only: in English the column or the label says what is counted, and only units a reader
needs (minutes, hours, days, m², %) stay.
"""
from __future__ import annotations

from datetime import date, datetime
from xml.sax.saxutils import escape

from campdesk.domain.dates import to_seoul
from campdesk.i18n import _, current_language
from campdesk.services.reporting.units import (  # noqa: F401 (fmt.CASES, …)
    CASES, COMPANIES, DAYS, HOURS, MINUTES, PEOPLE, SEATS, TIMES,
)

DASH = "-"        # an empty value
NO_DATA = "–"     # no records for that period at all (before the first, or in the future)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS_KO = "월화수목금토일"  # i18n: data
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# What English writes after a number instead ("" = nothing: the column or label says it).
_UNITS_EN = {MINUTES: " min", HOURS: " h", DAYS: " days", "%": "%"}


def english() -> bool:
    return current_language() == "en"


def plain(value) -> str:
    """Any value as the text a reader sees; empty as a dash."""
    if value is None or value == "":
        return DASH
    if isinstance(value, datetime):
        return when(value)
    if isinstance(value, date):
        return day(value)
    return str(value)


def text(value) -> str:
    """Any value as paragraph markup: escaped, line breaks kept."""
    return escape(plain(value)).replace("\n", "<br/>")


def unit(korean: str) -> str:
    """A unit written after a number: as it is in Korean, its English form (or none)."""
    return _UNITS_EN.get(korean, "") if english() else korean


def number(n: float | None, unit_: str = "") -> str:
    """Thousands separated; a percentage always with one decimal, other floats when needed."""
    if n is None:
        return DASH
    shown = unit(unit_)
    if unit_ == "%" or (isinstance(n, float) and not n.is_integer()):
        return f"{n:,.1f}{shown}"
    return f"{int(n):,}{shown}"


def area(m2: float | None, decimals: int = 1) -> str:
    return DASH if m2 is None else f"{m2:,.{decimals}f}{'m²' if english() else '㎡'}"


def won(amount: int | None) -> str:
    """``1,200,000원`` / ``₩1,200,000``."""
    return DASH if amount is None else _("{amount}원").format(amount=f"{amount:,}")


def percent(part: float, whole: float) -> str:
    return DASH if not whole else f"{part / whole * 100:.1f}%"


def days(n: float | None) -> str:
    return DASH if n is None else f"{n:.1f}{unit(DAYS)}"


def hours(h: float | None) -> str:
    """``1.5시간`` / ``1.5 h``."""
    return DASH if h is None else f"{h:g}{unit(HOURS)}"


def change(now: float | None, before: float | None, unit_: str = "") -> str:
    """``+12 (+4.9%)``, ``-3``, ``0``; a change of a percentage is in points, one way:
    ``+1.2%p``, ``0.0%p``, ``-30.0%p`` (``pp`` in English)."""
    if now is None or before is None:
        return DASH
    diff = now - before
    sign = "+" if diff > 0 else ""
    if unit_ == "%":  # percentage points: always one decimal, "+1.2%p", "0.0%p", "-30.0%p"
        points = " pp" if english() else "%p"
        return f"{sign}{diff:.1f}{points}" if round(diff, 1) else f"0.0{points}"
    shown = f"{sign}{number(round(diff, 1))}"
    if before:
        shown += f" ({sign}{diff / before * 100:.1f}%)"
    return shown


# --- dates ----------------------------------------------------------------------------------

def day(d: date | None) -> str:
    """``2026. 12. 9.`` / ``Dec 9, 2026``; empty for no date."""
    if d is None:
        return ""
    return _("{year}. {month}. {day}.").format(**_parts(d))


def long_day(d: date | None) -> str:
    """``2026년 12월 9일`` / ``Dec 9, 2026``."""
    if d is None:
        return ""
    return _("{year}년 {month}월 {day}일").format(**_parts(d))


def when(moment: datetime | None) -> str:
    """A UTC moment in Seoul time: ``2026. 12. 9. 14:05`` / ``Dec 9, 2026 14:05``."""
    if moment is None:
        return ""
    local = to_seoul(moment)
    return f"{day(local.date())} {local:%H:%M}"


def short_date(d: date) -> str:
    """``12. 4.`` / ``Dec 4``: a day of the year the document is about."""
    return _("{month}. {day}.").format(**_parts(d))


def weekday(d: date) -> str:
    return _WEEKDAYS_EN[d.weekday()] if english() else _WEEKDAYS_KO[d.weekday()]


def month(m) -> str:
    """A ``Month``: ``2026년 12월`` / ``Dec 2026``."""
    return _("{year}년 {month}월").format(year=m.year, month=m.month,
                                        month_name=_MONTHS[m.month - 1])


def _parts(d: date) -> dict:
    return {"year": d.year, "month": d.month, "day": d.day, "month_name": _MONTHS[d.month - 1]}


def period(first: date | None, last: date | None) -> str:
    if first is None and last is None:
        return DASH
    return f"{day(first)} ~ {day(last)}".strip()


def label(vocabulary, code: str | None) -> str:
    """A code's label (a ``campdesk.domain.choices`` vocabulary) in the current language."""
    return vocabulary.label(code, current_language())
