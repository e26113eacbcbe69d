"""What the hub can store, column by column, and the door that keeps everything else out.

SQLite keeps whatever it is given; the hub's PostgreSQL columns, made from the same
SQLAlchemy metadata (``campdesk.sync.hub_tables``), refuse what they cannot hold, and a
refused change ends in quarantine. So every synced column's limit is read from the models:

- ``String(n)``: at most n characters (``varchar(n)`` counts characters, as ``len`` does);
- ``Integer``: −2,147,483,648..2,147,483,647 (``int4``); ``BigInteger``: int64;
  ``SmallInteger``: int16;
- ``Float``: a finite number;
- ``String``/``Text``: no NUL character and no lone surrogate (PostgreSQL text holds neither);
- ``Date``: a real date; ``DateTime``: a real moment; ``Boolean``: true or false.

:func:`clean_text` takes out the control characters a person never meant to type (pasted
from a PDF or a spreadsheet); :func:`row_problems` names every value the hub could not store.
Importing this module installs a ``before_flush`` listener on every ORM Session: it cleans
the text of new and changed rows of synced tables and raises :class:`HubRefusal` (a
``ValidationError``) for anything else the hub would refuse, so no service, import or dialog
can store it. Writes that bypass the ORM (Core inserts, raw SQL) are not checked here.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable

from sqlalchemy import (
    BigInteger, Boolean, Date, DateTime, Float, Integer, SmallInteger, String, event, inspect,
)
from sqlalchemy.orm import Session

from campdesk.domain.errors import ValidationError
from campdesk.domain.field_labels import field_label
from campdesk.i18n import _
from campdesk.store.base import Base
from campdesk.store.capture import SYNCED_TABLES

INT16 = (-(2 ** 15), 2 ** 15 - 1)
INT32 = (-(2 ** 31), 2 ** 31 - 1)
INT64 = (-(2 ** 63), 2 ** 63 - 1)

# C0 controls other than tab, newline and carriage return; DEL; any surrogate code point.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_UNCLEAN = re.compile(f"[{_CONTROL}\ud800-\udfff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile(f"[{_CONTROL}]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _join_pair(m: re.Match) -> str:
    high, low = (ord(c) for c in m.group())
    return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))


def clean_text(value: str) -> str:
    """``value`` without C0 control characters (tab, newline and carriage return stay), DEL
    and lone surrogates. A high and a low surrogate side by side (text that went through
    UTF-16 badly) become the one character they stand for."""
    if not _UNCLEAN.search(value):
        return value
    if _SURROGATE.search(value):
        value = _SURROGATE.sub("", _SURROGATE_PAIR.sub(_join_pair, value))
    return _CONTROLS.sub("", value)


# --- the limit of each column ---------------------------------------------------------------

@dataclass(frozen=True)
class Limit:
    """What one column of the hub holds: ``kind`` is text, int, float, date, datetime or bool."""

    kind: str
    length: int | None = None           # text: at most this many characters
    bounds: tuple[int, int] | None = None  # int: lowest and highest

    def problem(self, value: Any) -> str | None:
        """What is wrong with a value that is not None, in the current language (without the
        field's name), or None when the hub can store it."""
        return _CHECKS[self.kind](self, value)


def limit_of(column) -> Limit | None:
    """The limit of a SQLAlchemy column on the hub (None: a type without one)."""
    stored = getattr(column.type, "impl", column.type)  # a TypeDecorator's stored type
    if isinstance(stored, Boolean):
        return Limit("bool")
    if isinstance(stored, BigInteger):
        return Limit("int", bounds=INT64)
    if isinstance(stored, SmallInteger):
        return Limit("int", bounds=INT16)
    if isinstance(stored, Integer):
        return Limit("int", bounds=INT32)
    if isinstance(stored, Float):
        return Limit("float")
    if isinstance(stored, DateTime):
        return Limit("datetime")
    if isinstance(stored, Date):
        return Limit("date")
    if isinstance(stored, String):  # Text too, with no length
        return Limit("text", length=stored.length)
    return None


@lru_cache(maxsize=None)
def limits(table: str) -> dict[str, Limit]:
    """Column name → its limit on the hub, for a synced table (empty for any other)."""
    if table not in SYNCED_TABLES:
        return {}
    columns = Base.metadata.tables[table].columns
    return {c.name: limit for c in columns if (limit := limit_of(c)) is not None}


def max_length(table: str, column: str) -> int | None:
    """The most characters the hub's column holds (a form's ``setMaxLength``); None: no limit."""
    limit = limits(table).get(column)
    return limit.length if limit is not None else None


def int_range(table: str, column: str) -> tuple[int, int] | None:
    """The lowest and highest whole number the hub's column holds (a spin box's range)."""
    limit = limits(table).get(column)
    return limit.bounds if limit is not None else None


# --- problems, named with the field's label -------------------------------------------------

def _shown(value: Any) -> str:
    """A value as a message quotes it: short, and without characters nobody can see."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if abs(value) < 10 ** 21 else f"{Decimal(value):.3E}"
    text = clean_text(str(value))
    return text if len(text) <= 40 else text[:40] + "…"


def _text_problem(limit: Limit, value: Any) -> str | None:
    text = value if isinstance(value, str) else str(value)
    if "\x00" in text:
        return _("보이지 않는 제어 문자(NUL)가 들어 있습니다. 그 부분을 지우고 다시 입력해 주세요.")
    if _SURROGATE.search(text):
        return _("깨진 글자(짝 없는 서로게이트 문자)가 들어 있습니다. 그 부분을 지우고 다시 입력해 주세요.")
    if limit.length is not None and len(text) > limit.length:
        return _("{limit}자 이하로 줄여 주세요 (지금 {now}자).").format(
            limit=f"{limit.length:,}", now=f"{len(text):,}")
    return None


def _whole_number(value: Any) -> int | None:
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    if isinstance(value, Decimal):
        return int(value) if value.is_finite() and value == value.to_integral_value() else None
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def _int_problem(limit: Limit, value: Any) -> str | None:
    n = _whole_number(value)
    if n is None:
        return _("정수여야 합니다 (입력: {value}).").format(value=_shown(value))
    low, high = limit.bounds
    if n > high:
        return _("{high} 이하의 숫자여야 합니다 (입력: {value}).").format(
            high=f"{high:,}", value=_shown(n))
    if n < low:
        return _("{low} 이상의 숫자여야 합니다 (입력: {value}).").format(
            low=f"{low:,}", value=_shown(n))
    return None


def _float_problem(limit: Limit, value: Any) -> str | None:
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number):
        return _("올바른 숫자가 아닙니다 (입력: {value}). 무한대나 NaN은 저장할 수 없습니다.").format(
            value=_shown(value))
    return None


def _date_problem(limit: Limit, value: Any) -> str | None:
    if isinstance(value, date):  # a datetime is stored as its day
        return None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
            return None
        except ValueError:
            pass
    return _("올바른 날짜가 아닙니다 (입력: {value}). 예: 2026-03-05").format(value=_shown(value))


def _datetime_problem(limit: Limit, value: Any) -> str | None:
    if isinstance(value, datetime):
        return None
    if isinstance(value, str):
        try:
            datetime.fromisoformat(value)
            return None
        except ValueError:
            pass
    return _("올바른 일시가 아닙니다 (입력: {value}).").format(value=_shown(value))


def _bool_problem(limit: Limit, value: Any) -> str | None:
    if isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
        return None
    return _("예/아니요 값이어야 합니다 (입력: {value}).").format(value=_shown(value))


_CHECKS: dict[str, Callable[[Limit, Any], str | None]] = {
    "text": _text_problem, "int": _int_problem, "float": _float_problem,
    "date": _date_problem, "datetime": _datetime_problem, "bool": _bool_problem,
}


def value_problem(table: str, column: str, value: Any) -> ValidationError | None:
    """Why the hub could not store ``value`` in this column, or None when it can."""
    limit = limits(table).get(column)
    if value is None or limit is None:
        return None
    problem = limit.problem(value)
    if problem is None:
        return None
    return ValidationError(column, f"{field_name(table, column)}: {problem}")


def field_name(table: str, column: str) -> str:
    """A field's label in the current language."""
    return field_label(table, column).label()


def row_problems(table: str, values: dict) -> list[ValidationError]:
    """Every value of ``values`` (column → value, as the ORM holds it or as SQLite stores it)
    that the hub could not store, each named with its field's label and what to fix.
    Columns the table does not have, and tables that are not synced, are left alone."""
    table_limits = limits(table)
    if not table_limits:
        return []
    out = []
    for column, value in values.items():
        if value is not None and column in table_limits:
            problem = value_problem(table, column, value)
            if problem is not None:
                out.append(problem)
    return out


# --- the last line of defence: every ORM flush ----------------------------------------------

class HubRefusal(ValidationError):
    """Values a flush was refused for: the first one's field and text, and all of them."""

    def __init__(self, problems: list[ValidationError]):
        first = problems[0]
        super().__init__(first.field, first.ko)
        self.problems = problems


@lru_cache(maxsize=None)
def _attributes(mapper) -> tuple[tuple[str, str], ...]:
    """(attribute key, column name) of a mapped class's columns that have a hub limit."""
    table = mapper.local_table.name
    table_limits = limits(table)
    out = []
    for column in mapper.local_table.columns:
        if column.name in table_limits:
            out.append((mapper.get_property_by_column(column).key, column.name))
    return tuple(out)


def _check_object(obj, only_changed: bool, problems: list[ValidationError]) -> None:
    state = inspect(obj)
    table = state.mapper.local_table.name
    for key, column in _attributes(state.mapper):
        if key not in state.dict:
            continue  # not set: a default the models give, or not loaded
        if only_changed and not state.attrs[key].history.added:
            continue
        value = state.dict[key]
        if isinstance(value, str) and _UNCLEAN.search(value):
            value = clean_text(value)
            setattr(obj, key, value)
        problem = value_problem(table, column, value)
        if problem is not None:
            problems.append(problem)


def _before_flush(session: Session, _flush_context, _instances) -> None:
    problems: list[ValidationError] = []
    for obj in session.new:
        if _has_limits(obj):
            _check_object(obj, False, problems)
    for obj in session.dirty:
        if _has_limits(obj):
            _check_object(obj, True, problems)
    if problems:
        raise HubRefusal(problems)


def _has_limits(obj) -> bool:
    table = getattr(obj, "__tablename__", None)
    return table is not None and bool(limits(table))


def install_guard() -> None:
    """Check every flush of every ORM Session (once, however often it is called)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)


install_guard()
