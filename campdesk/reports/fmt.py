"""How numbers, money, dates and changes are written in the documents (Korean locale)."""
from __future__ import annotations

from datetime import date, datetime
from xml.sax.saxutils import escape

from campdesk.domain.dates import format_date, format_datetime

DASH = "-"        # an empty value
NO_DATA = "–"     # no records for that period at all (before the first, or in the future)


def plain(value) -> str:
    """Any value as the text a reader sees; empty as a dash."""
    if value is None or value == "":
        return DASH
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def text(value) -> str:
    """Any value as paragraph markup: escaped, line breaks kept."""
    return escape(plain(value)).replace("\n", "<br/>")


def number(n: float | None, unit: str = "") -> str:
    """Thousands separated; a percentage always with one decimal, other floats when needed."""
    if n is None:
        return DASH
    if unit == "%" or (isinstance(n, float) and not n.is_integer()):
        return f"{n:,.1f}{unit}"
    return f"{int(n):,}{unit}"


def area(m2: float | None) -> str:
    return DASH if m2 is None else f"{m2:,.1f}㎡"


def won(amount: int | None) -> str:
    return DASH if amount is None else f"{amount:,}원"


def percent(part: float, whole: float) -> str:
    return DASH if not whole else f"{part / whole * 100:.1f}%"


def days(n: float | None) -> str:
    return DASH if n is None else f"{n:.1f}일"


def change(now: float | None, before: float | None, unit: str = "") -> str:
    """``+12 (+4.9%)``, ``-3``, ``0``; a change of a percentage is in points, one way:
    ``+1.2%p``, ``0.0%p``, ``-30.0%p``."""
    if now is None or before is None:
        return DASH
    diff = now - before
    sign = "+" if diff > 0 else ""
    if unit == "%":  # percentage points: always one decimal, "+1.2%p", "0.0%p", "-30.0%p"
        return f"{sign}{diff:.1f}%p" if round(diff, 1) else "0.0%p"
    shown = f"{sign}{number(round(diff, 1))}"
    if before:
        shown += f" ({sign}{diff / before * 100:.1f}%)"
    return shown


def short_date(d: date) -> str:
    """``12. 4.``: a day of the year the document is about."""
    return f"{d.month}. {d.day}."


def period(first: date | None, last: date | None) -> str:
    if first is None and last is None:
        return DASH
    return f"{format_date(first) if first else ''} ~ {format_date(last) if last else ''}".strip()
