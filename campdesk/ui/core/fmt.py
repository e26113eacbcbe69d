"""How values look on screen: vocabulary labels, Korean dates, numbers, Seoul times."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale

from campdesk.domain import dates
from campdesk.domain.choices import AI_FIELDS, Vocabulary
from campdesk.domain.field_labels import field_label
from campdesk.i18n import _
from campdesk.ui.core.i18n import current_language


def label(vocab: Vocabulary, code: str | None) -> str:
    return vocab.label(code, current_language())


def widest(vocab: Vocabulary) -> str:
    """The longest label of ``vocab`` in the current language: a column's width sample
    ("Commercialisation funding" is much longer than "사업화 자금")."""
    return max((label(vocab, c.code) for c in vocab), key=len)


def labels(vocab: Vocabulary, codes: str | None) -> str:
    """Comma-separated codes (``vision,nlp``) as labels."""
    return ", ".join(label(vocab, c) for c in (codes or "").split(",") if c)


def ai_fields(codes: str | None) -> str:
    return labels(AI_FIELDS, codes)


def field_name(table: str, field: str) -> str:
    """What a stored field is called on screen (edit history, values another PC replaced)."""
    ko, en = field_label(table, field)  # the domain's (Korean, English) names
    return en if current_language() == "en" else ko


def day(d: date | None) -> str:
    """One way in both languages, as the date fields show and read it: ``2026. 12. 9.``"""
    return dates.format_date(d) if d is not None else ""


def moment(m: datetime | None) -> str:
    """A stored UTC moment shown in Asia/Seoul."""
    if m is None:
        return ""
    local = dates.to_seoul(m)
    return f"{day(local.date())} {local:%H:%M}"


def number(n: int | float | None) -> str:
    return "" if n is None else QLocale().toString(n)


def minutes(n: int | None) -> str:
    if n is None:
        return ""
    return _("{n}분").format(n=number(n))
