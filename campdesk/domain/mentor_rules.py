"""What makes a valid mentor record: fields as offices write them, keywords, contact."""
from __future__ import annotations

import re
from typing import Any

from campdesk.domain.choices import MENTOR_FIELD
from campdesk.domain.errors import ValidationError
from campdesk.domain.validation import parse_email, parse_phone

# Field code → (Korean label, English label), in the order forms and imports show them.
MENTOR_FIELDS: dict[str, tuple[str, str]] = {
    "name": ("이름", "Name"),
    "fields": ("멘토링 분야", "Mentoring fields"),
    "organisation": ("소속", "Organisation"),
    "phone": ("전화번호", "Phone"),
    "email": ("이메일", "E-mail"),
    "expertise": ("전문 분야", "Expertise"),
    "keywords": ("키워드", "Keywords"),
    "availability": ("가능 시간", "Availability"),
    "region": ("지역", "Region"),
    "active": ("활동", "Active"),
    "notes": ("메모", "Notes"),
}

# Between several fields in one cell: commas, slashes, semicolons, bars, line breaks, "및".
_FIELD_SEPARATORS = re.compile(r"[,;/|\n\r+]|\s및\s|\s&\s")
# "재무·투자" is one field; "기술개발·재무" is two.
_MIDDLE_DOT = re.compile(r"[·ㆍ・•]")


def parse_fields(value: Any) -> list[str]:
    """The MENTOR_FIELD codes of a cell (``기술개발, 재무·투자`` → ``[tech, finance]``), in
    the order written, each once. Raises ValidationError naming ``fields``."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        parts = [str(p) for p in value]
    else:
        parts = _FIELD_SEPARATORS.split(str(value))
    codes: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        choice = MENTOR_FIELD.parse(part)
        found = [choice.code] if choice else None
        if found is None and _MIDDLE_DOT.search(part):
            pieces = [MENTOR_FIELD.parse(p) for p in _MIDDLE_DOT.split(part) if p.strip()]
            if pieces and all(pieces):
                found = [p.code for p in pieces]
        if found is None:
            allowed = ", ".join(c.ko for c in MENTOR_FIELD)
            raise ValidationError(
                "fields", f"멘토링 분야 '{part}'을(를) 알 수 없습니다. 다음 중에서 골라 주세요: {allowed}",
                f"Unknown mentoring field '{part}'. Use: " + ", ".join(c.en for c in MENTOR_FIELD))
        for c in found:
            if c not in codes:
                codes.append(c)
    return codes


def fields_label(codes: str | list[str] | None, lang: str = "ko") -> str:
    items = codes.split(",") if isinstance(codes, str) else (codes or [])
    return ", ".join(MENTOR_FIELD.label(c, lang) for c in items if c)


def split_keywords(value: Any) -> list[str]:
    """Keywords as written: separated by commas, semicolons, slashes, bars or line breaks."""
    if value is None:
        return []
    parts = value if isinstance(value, (list, tuple)) else re.split(r"[,;/|\n\r#]", str(value))
    out: list[str] = []
    for p in parts:
        p = " ".join(str(p).split())
        if p and p not in out:
            out.append(p)
    return out


_TRUE = {"y", "yes", "o", "true", "1", "예", "네", "활동", "활동중", "활동 중", "참여", "가능", "○", "●", "v"}
_FALSE = {"n", "no", "x", "false", "0", "아니오", "아니요", "비활동", "휴면", "중단", "불가", "미참여", "탈퇴", "-"}


def parse_flag(value: Any, field: str, ko_label: str, en_label: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError(field, f"{ko_label}은(는) 예/아니오로 입력해 주세요 (입력: {value}).",
                          f"{en_label} must be yes or no (got: {value}).")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def clean_mentor(raw: dict[str, Any], creating: bool) -> tuple[dict[str, Any], list[ValidationError]]:
    """Canonical values of the fields present in ``raw`` and every problem, each naming its
    field. ``name`` and at least one field are required when creating."""
    values: dict[str, Any] = {}
    errors: list[ValidationError] = []
    for key in ("organisation", "expertise", "availability", "region", "notes"):
        if key in raw:
            values[key] = _text(raw[key])
    if "name" in raw or creating:
        name = _text(raw.get("name"))
        if not name:
            errors.append(ValidationError("name", "이름을 입력해 주세요.", "Please enter the name."))
        else:
            values["name"] = name
    blank_fields = raw.get("fields") is None or not str(raw.get("fields")).strip() \
        if not isinstance(raw.get("fields"), (list, tuple)) else not raw.get("fields")
    if creating or ("fields" in raw and not blank_fields) or ("fields" in raw and raw.get("_form")):
        try:
            codes = parse_fields(raw.get("fields"))
            if not codes:
                raise ValidationError("fields", "멘토링 분야를 하나 이상 골라 주세요.",
                                      "Choose at least one mentoring field.")
            values["fields"] = ",".join(codes)
            values["field"] = codes[0]
        except ValidationError as exc:
            errors.append(exc)
    if "keywords" in raw:
        values["keywords"] = ", ".join(split_keywords(raw["keywords"])) or None
    for key, fn in (("phone", parse_phone), ("email", parse_email)):
        if key in raw:
            try:
                values[key] = fn(raw[key])
            except ValidationError as exc:
                exc.field = key
                errors.append(exc)
    if "active" in raw:
        try:
            flag = parse_flag(raw["active"], "active", "활동", "Active")
            values["active"] = True if flag is None else flag
        except ValidationError as exc:
            errors.append(exc)
    return values, errors
