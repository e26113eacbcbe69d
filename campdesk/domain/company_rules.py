"""What makes a valid company record; cleans raw input into canonical values."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from campdesk.domain.choices import AI_FIELDS, PRESENCE, RELATIONSHIP, Vocabulary
from campdesk.domain.dates import parse_date
from campdesk.domain.errors import ValidationError
from campdesk.domain.labels import Label, labels
from campdesk.domain.validation import (
    normalise_company_name, parse_business_no, parse_corporate_no, parse_email, parse_phone,
)
from campdesk.i18n import N_, _

# Field code → its label (unpacks as (Korean, English)), in the order forms and exports show them.
COMPANY_FIELDS: dict[str, Label] = labels({
    "name": N_("기업명"),
    "name_en": N_("영문명"),
    "relationship": N_("구분"),
    "business_no": N_("사업자등록번호"),
    "corporate_no": N_("법인등록번호"),
    "representative": N_("대표자"),
    "phone": N_("전화번호"),
    "email": N_("이메일"),
    "address": N_("주소"),
    "website": N_("홈페이지"),
    "gwangju_presence": N_("광주 소재"),
    "mou_date": N_("MOU 체결일"),
    "ai_fields": N_("AI 분야"),
    "employees": N_("직원 수"),
    "founded_on": N_("설립일"),
    "notes": N_("메모"),
})


def _choice(vocab: Vocabulary, value: Any, field: str) -> str:
    choice = vocab.parse(str(value))
    if choice is None:
        allowed = ", ".join(c.label() for c in vocab)
        raise ValidationError(field, _("'{value}'은(는) 알 수 없는 값입니다. 다음 중 하나: {allowed}")
                              .format(value=value, allowed=allowed))
    return choice.code


def _ai_fields(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        parts = list(value)
    else:
        parts = [p for p in re.split(r"[,;/·|]", str(value)) if p.strip()]
    return ",".join(_choice(AI_FIELDS, p.strip(), "ai_fields") for p in parts)


def _employees(value: Any) -> int:
    """A head count as typed or as Excel gives it (``1,200명``, ``12.0``); a fraction is cut.
    Infinity and NaN are no number; a number however large stays exact (whether it fits
    is for the store's limits to say)."""
    text = str(value).replace(",", "").replace("명", "").strip()  # i18n: data
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        number = Decimal(-1)
    if not number.is_finite() or abs(number.adjusted()) > 4000:
        number = Decimal(-1)  # inf, nan, or 1e999999 (whose digits would take a while)
    n = int(number)
    if n < 0:
        raise ValidationError("employees", _("직원 수는 0 이상의 숫자로 입력해 주세요 (입력: {value}).")
                              .format(value=value))
    return n


def _text(value: Any) -> str | None:
    text = str(value).strip()
    return text or None


_CLEANERS = {
    "name": _text, "name_en": _text, "representative": _text, "address": _text,
    "website": _text, "notes": _text,
    "relationship": lambda v: _choice(RELATIONSHIP, v, "relationship"),
    "gwangju_presence": lambda v: _choice(PRESENCE, v, "gwangju_presence"),
    "business_no": parse_business_no,
    "corporate_no": parse_corporate_no,
    "phone": parse_phone,
    "email": parse_email,
    "mou_date": lambda v: parse_date(v, "mou_date"),
    "founded_on": lambda v: parse_date(v, "founded_on"),
    "ai_fields": _ai_fields,
    "employees": _employees,
}


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_company(raw: dict[str, Any], creating: bool) -> tuple[dict[str, Any], list[ValidationError]]:
    """Canonical values for the given fields, and every problem found (not just the first).

    A blank value clears an optional field; the name may never be blank.
    """
    values: dict[str, Any] = {}
    errors: list[ValidationError] = []
    for field, value in raw.items():
        if field not in _CLEANERS:
            continue
        if _is_blank(value):
            values[field] = "" if field == "ai_fields" else None
            continue
        try:
            values[field] = _CLEANERS[field](value)
        except ValidationError as exc:
            errors.append(exc)
    if (creating or "name" in raw) and not values.get("name"):
        errors.append(ValidationError("name", _("기업명을 입력해 주세요.")))
    if creating:
        values.setdefault("relationship", "inquirer")
        values.setdefault("gwangju_presence", "none")
    if values.get("relationship") is None and "relationship" in values:
        del values["relationship"]
    if values.get("name"):
        values["name_norm"] = normalise_company_name(values["name"])
    return values, errors
